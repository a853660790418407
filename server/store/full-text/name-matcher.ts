/**
 * Finds which entities a passage names, the way the seed finds an article's
 * mentions (seed/mentions.ts): a name or alias, folded, of three characters
 * or more, as whole words. A map from folded name to ids, probed with the
 * passage's runs of words, keeps it linear in the passage, whatever the
 * number of entities.
 */
import { fold } from '../../domain/text.js';

export interface NamedEntity {
  id: string;
  name: string;
  aliases: readonly string[];
}

export class NameMatcher {
  private readonly byName = new Map<string, string[]>();
  private longest = 0;

  constructor(entities: Iterable<NamedEntity>) {
    for (const e of entities) {
      for (const n of new Set([e.name, ...e.aliases].map(fold))) {
        if (n.length < 3) continue;
        const ids = this.byName.get(n);
        if (ids) ids.push(e.id);
        else this.byName.set(n, [e.id]);
        this.longest = Math.max(this.longest, n.split(' ').length);
      }
    }
  }

  /** Ids of the entities named in these folded words, in order of first mention. */
  named(words: readonly string[]): string[] {
    const found = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      let run = '';
      for (let n = 0; n < this.longest && i + n < words.length; n++) {
        run = n === 0 ? words[i]! : `${run} ${words[i + n]}`;
        for (const id of this.byName.get(run) ?? []) found.add(id);
      }
    }
    return [...found];
  }
}

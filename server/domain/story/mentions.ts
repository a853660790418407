/**
 * Which entities each article mentions: any name or alias found in the text
 * as whole words (case and diacritics folded), plus every entity whose
 * evidence cites the article.
 */
import { fold } from '../text.js';
import type { Article, Story } from '../types.js';

type Named = Pick<Story['entities'][number], 'id' | 'name' | 'aliases' | 'evidence'>;

export function findMentions(articles: readonly Article[], entities: readonly Named[]): Story['mentions'] {
  const out: Story['mentions'] = [];
  for (const article of articles) {
    const text = ` ${fold(article.text)} `;
    for (const entity of entities) {
      const cited = entity.evidence.some((e) => e.article === article.id);
      const named = [entity.name, ...entity.aliases].some((n) => {
        const f = fold(n);
        return f.length >= 3 && text.includes(` ${f} `);
      });
      if (cited || named) out.push({ article: article.id, entity: entity.id });
    }
  }
  return out;
}

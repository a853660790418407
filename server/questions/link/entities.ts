/**
 * Links the names in a question to entities through the store's own search
 * (aliases, folded diacritics, typos), then judges each candidate itself:
 * exact name or alias > whole words of one > word prefix > typo. The longest
 * well-matched run of words wins; function words, question words and verbs
 * never become an entity on their own ("released" is a verb, "the release"
 * may be an event).
 */
import { editDistance, fold, typoAllowance } from '../../domain/text.js';
import type { Entity } from '../../domain/types.js';
import type { GraphStore } from '../../store/graph-store.js';
import {
  COUNT_WORDS, DETERMINERS, HAPPENED_WORDS, INVOLVEMENT_WORDS, KIND_WORDS, PATH_WORDS, QUESTION_WORDS, TEMPORAL_MARKERS,
  isNumber, isStopWord, type Token,
} from '../read/tokens.js';

export interface Link {
  entity: Entity;
  /** Token range [start, end). */
  start: number;
  end: number;
  matched: string;
  /** 4 exact, 3 whole words, 2 word prefix, 1 typo. */
  quality: number;
  alternatives: Entity[];
}

export interface NameMatch {
  quality: number;
  /**
   * The words end on the name's head noun: its last word, or the last before
   * "of" ("strike" in "Portvale ferry strike", "release" in "Release of 52
   * ..."; a surname for people). Preferred among equals.
   */
  head: boolean;
}

/** The head noun of a folded name: the last word before " of ", else the last word. */
export function headWord(name: string): string {
  const core = name.split(' of ')[0]!;
  return core.slice(core.lastIndexOf(' ') + 1);
}

const MAX_WORDS = 6;
/** Words that start a place or time after a name: "Lukashenko in Minsk", "the talks at the border". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'on', 'near', 'inside', 'outside', 'during', 'from', 'to', 'into']);



/** How well folded words match one of an entity's names, or null. Pure. */
export function nameMatch(words: string, names: readonly string[]): NameMatch | null {
  let best: NameMatch | null = null;
  const better = (m: NameMatch) => {
    if (!best || m.quality > best.quality || (m.quality === best.quality && m.head && !best.head)) best = m;
  };
  const wordCount = words.split(' ').length;
  const last = words.slice(words.lastIndexOf(' ') + 1);
  for (const raw of names) {
    // "Tsikhanouskaya’s team" folds to "tsikhanouskaya s team"; a question's possessive token is "tsikhanouskaya".
    const folded = fold(raw);
    const unpossessed = folded.replace(/(\S) s(?= |$)/g, '$1');
    for (const name of new Set([folded, folded.replace(/^the /, ''), unpossessed, unpossessed.replace(/^the /, '')])) {
      if (!name) continue;
      const head = headWord(name);
      if (name === words) better({ quality: 4, head: true });
      else if (` ${name} `.includes(` ${words} `)) better({ quality: 3, head: last === head });
      else if (wordCount === 1 && words.length >= 5 && name.split(' ').some((w) => w.startsWith(words))) better({ quality: 2, head: head.startsWith(words) });
      else if (words.length >= 5) {
        const allowance = typoAllowance(words.length);
        const nameWords = name.split(' ');
        const runs = new Set([name]);
        for (let i = 0; i + wordCount <= nameWords.length; i++) runs.add(nameWords.slice(i, i + wordCount).join(' '));
        for (const run of runs) {
          if (editDistance(words, run, allowance) <= allowance) better({ quality: 1, head: run.endsWith(head) });
        }
      }
    }
  }
  return best;
}

/**
 * Words that say what is asked rather than whom it is about: never linked alone.
 * `verbTokens` are the tokens the vocabulary read as relation verbs.
 */
function weakAlone(t: Token, verbTokens: ReadonlySet<number>): boolean {
  const w = t.folded;
  return (
    isStopWord(t) ||
    isNumber(t) ||
    QUESTION_WORDS.has(w) ||
    w in KIND_WORDS ||
    COUNT_WORDS.has(w) ||
    PATH_WORDS.has(w) ||
    INVOLVEMENT_WORDS.has(w) ||
    HAPPENED_WORDS.has(w) ||
    w in TEMPORAL_MARKERS ||
    verbTokens.has(t.index) ||
    (w.length < 3 && !t.acronym)
  );
}

/** A token the vocabulary read as a relation verb, and not a noun after a determiner ("the release"). */
function askingVerb(t: Token, tokens: readonly Token[], verbTokens: ReadonlySet<number>): boolean {
  return verbTokens.has(t.index) && !(t.index > 0 && DETERMINERS.has(tokens[t.index - 1]!.folded));
}

export interface LinkOptions {
  /** Token indices that are not names (dates). */
  exclude: ReadonlySet<number>;
  /** Token indices the vocabulary read as verbs. */
  verbTokens: ReadonlySet<number>;
}

export async function linkEntities(store: Pick<GraphStore, 'search'>, text: string, tokens: readonly Token[], { exclude, verbTokens }: LinkOptions): Promise<Link[]> {
  const usable = (i: number) => !exclude.has(i);
  const candidates: Link[] = [];
  const hit = new Set<number>();
  const seen = new Map<string, Promise<Entity[]>>();
  const search = (words: string) => {
    if (!seen.has(words)) seen.set(words, store.search(words, { first: 8 }));
    return seen.get(words)!;
  };

  const consider = (start: number, end: number, results: Entity[]) => {
    const words = tokens.slice(start, end).map((t) => t.folded).join(' ');
    const single = end - start === 1 ? tokens[start]! : null;
    const afterDeterminer = start > 0 && DETERMINERS.has(tokens[start - 1]!.folded);
    const scored = results
      .map((entity) => ({ entity, m: nameMatch(words, [entity.name, ...entity.aliases]) }))
      .filter((x): x is { entity: Entity; m: NameMatch } => x.m !== null)
      .filter(({ entity, m }) => {
        if (!single || !weakAlone(single, verbTokens)) return true;
        // "the release", "the deal": a verb-like noun may name an event, or exactly a name; "the released journalists":
        // a participle before a noun describes the noun, and names nothing.
        const next = tokens[single.index + 1];
        const describes = /(ed|en)$/.test(single.folded) && !!next && !isStopWord(next) && !verbTokens.has(next.index);
        return verbTokens.has(single.index) && afterDeterminer && !describes && (m.quality === 4 || (m.quality === 3 && entity.kind === 'Event'));
      })
      .sort((a, b) => b.m.quality - a.m.quality || Number(b.m.head) - Number(a.m.head) || b.entity.degree - a.entity.degree);
    const top = scored[0];
    if (!top) return;
    // "Tsikhanouskaya's husband" is a relation of Tsikhanouskaya; "Tsikhanouskaya's team" may be a whole name: a run
    // with a possessive inside is a name only when a name holds it whole.
    if (tokens.slice(start, end - 1).some((t) => t.possessive) && top.m.quality < 3) return;
    // "who met Lukashenko": words starting with the verb the question asks with are the verb and its object, not a
    // name, unless they are a whole name ("Senior US envoy who met Lukashenko" holds "met lukashenko"; the question
    // asks who met him). A verb-like word inside a name stays ("the US envoy").
    if (!single && top.m.quality < 4 && askingVerb(tokens[start]!, tokens, verbTokens)) return;
    candidates.push({
      entity: top.entity,
      start,
      end,
      matched: text.slice(tokens[start]!.start, tokens[end - 1]!.end),
      quality: top.m.quality,
      alternatives: scored.filter((x) => x !== top && x.m.quality === top.m.quality).slice(0, 4).map((x) => x.entity),
    });
  };

  // Single words first (searched in parallel); longer runs only where every outer word found something.
  const singles = tokens.filter((t) => usable(t.index) && !isStopWord(t) && !isNumber(t) && !QUESTION_WORDS.has(t.folded) && t.folded.length >= 2);
  const found = await Promise.all(singles.map((t) => search(t.folded)));
  singles.forEach((t, i) => {
    if (found[i]!.length > 0) hit.add(t.index);
    consider(t.index, t.index + 1, found[i]!);
  });
  const runs: [number, number][] = [];
  for (let n = 2; n <= MAX_WORDS; n++) {
    for (let start = 0; start + n <= tokens.length; start++) {
      const end = start + n;
      const run = tokens.slice(start, end);
      if (!run.every((t) => usable(t.index))) continue;
      if (!hit.has(start) || !hit.has(end - 1)) continue;
      if (!run.every((t) => hit.has(t.index) || isStopWord(t) || isNumber(t))) continue;
      runs.push([start, end]);
    }
  }
  const runResults = await Promise.all(runs.map(([start, end]) => search(tokens.slice(start, end).map((t) => t.folded).join(' '))));
  runs.forEach(([start, end], i) => consider(start, end, runResults[i]!));

  // "Who were the 52?": a number after a determiner, used as a noun, names the group or thing whose name starts with
  // it ("The 52 political prisoners released ..."), not every name that holds it. A longer name beside it still wins.
  const numerals = tokens.filter((t) => usable(t.index) && isNumber(t) && t.index > 0 && DETERMINERS.has(tokens[t.index - 1]!.folded));
  const numeralResults = await Promise.all(numerals.map((t) => search(t.folded)));
  numerals.forEach((t, i) => {
    const headed = numeralResults[i]!.filter((e) => [e.name, ...e.aliases].some((n) => fold(n).replace(/^the /, '').startsWith(`${t.folded} `)));
    headed.sort((a, b) => Number(b.kind === 'Group') - Number(a.kind === 'Group') || b.degree - a.degree);
    const [top, ...others] = headed;
    if (top) candidates.push({ entity: top, start: t.index, end: t.index + 1, matched: t.raw, quality: 3, alternatives: others.slice(0, 4) });
  });

  // A whole name followed by "in X", "at X"... is that name and a place or time, not part of a longer name that
  // happens to hold the same words ("Lukashenko in Minsk" is Lukashenko, in Minsk; not the meeting named so).
  const exact = candidates.filter((c) => c.quality === 4);
  const tailed = (c: Link) => c.quality < 4 && exact.some((e) => e.start === c.start && e.end < c.end && PLACE_PREPOSITIONS.has(tokens[e.end]!.folded));
  for (let i = candidates.length - 1; i >= 0; i--) if (tailed(candidates[i]!)) candidates.splice(i, 1);

  // Longest well-matched run first, then the best quality.
  const strongLength = (l: Link) => (l.quality >= 3 ? l.end - l.start : 0);
  candidates.sort((a, b) => strongLength(b) - strongLength(a) || b.quality - a.quality || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Set<number>();
  const chosen: Link[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) taken.add(i);
    chosen.push(c);
  }
  return mergeSameEntity(chosen.sort((a, b) => a.start - b.start), text, tokens);
}

/** "Alexander" + "Lukashenka" linked to the same person become one link; a name said twice stays two links. */
function mergeSameEntity(links: Link[], text: string, tokens: readonly Token[]): Link[] {
  const out: Link[] = [];
  for (const l of links) {
    const previous = out[out.length - 1];
    if (previous && previous.entity.id === l.entity.id && previous.end === l.start) {
      previous.end = l.end;
      previous.matched = text.slice(tokens[previous.start]!.start, tokens[l.end - 1]!.end);
      previous.quality = Math.max(previous.quality, l.quality);
    } else out.push(l);
  }
  return out;
}

/** One link per entity, the first mention kept. */
export function distinctLinks(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.entity.id) && seen.add(l.entity.id));
}

/**
 * Text folding and name matching, shared by the seed (mentions, quote checks)
 * and the stores (search ranking). Pure functions.
 */

/** Normalises typography and whitespace the way quotes are compared. */
export function normaliseQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds case and diacritics and punctuation: "Nausėda" -> "nauseda". */
export function fold(text: string): string {
  return normaliseQuote(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How many typos a query of this length may carry. */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

export const EXACT_SCORE = 100;
/** An alias's score is its match's score times this: the name is slightly preferred. */
export const ALIAS_WEIGHT = 0.98;
/** A prefix match loses a quarter point per letter the key has beyond the query, up to this many letters. */
export const LENGTH_COUNTED = 40;

/** The score of a key that starts with the query (`whole`), or has a word that does: less for each letter beyond the query. */
export function prefixScore(whole: boolean, keyLength: number, queryLength: number): number {
  return (whole ? 80 : 60) - Math.min(LENGTH_COUNTED, keyLength - queryLength) / 4;
}

/**
 * Scores how well a folded query matches a folded name: higher is better,
 * 0 is no match. exact > whole-name prefix > word prefix > substring > typo.
 */
export function matchScore(query: string, key: string, typos = true): number {
  if (!query || !key) return 0;
  if (key === query) return EXACT_SCORE;
  if (key.startsWith(query)) return prefixScore(true, key.length, query.length);
  const words = key.split(' ');
  if (words.some((w) => w.startsWith(query))) return prefixScore(false, key.length, query.length);
  if (key.includes(query)) return 40;
  const allowance = typos ? typoAllowance(query.length) : 0;
  if (allowance === 0) return 0;
  // Typos: against the whole key, each word, and each run of as many words as the query has.
  const qWords = query.split(' ').length;
  const candidates = new Set<string>([key, ...words]);
  for (let i = 0; i + qWords <= words.length; i++) candidates.add(words.slice(i, i + qWords).join(' '));
  let best = allowance + 1;
  for (const c of candidates) best = Math.min(best, editDistance(query, c, allowance));
  return best <= allowance ? 30 - best * 5 : 0;
}

/** Best score of a query over an entity's name (slightly preferred) and aliases. */
export function bestNameScore(query: string, name: string, aliases: readonly string[]): number {
  return foldedNameScore(fold(query), fold(name), aliases.map(fold));
}

/** The same, over a query, name and aliases already folded (for indexes). */
export function foldedNameScore(q: string, name: string, aliases: readonly string[], typos = true): number {
  let best = matchScore(q, name, typos);
  for (const alias of aliases) best = Math.max(best, matchScore(q, alias, typos) * ALIAS_WEIGHT);
  return best;
}

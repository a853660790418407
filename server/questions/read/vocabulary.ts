/**
 * The verbs of questions, read from the relation-type table
 * (server/domain/relation-types.ts `verbs`) and from the graph's own types:
 * a type the table does not document is still matched by the words of its
 * name (SHOT_DOWN -> "shot down"). Matching compares folded words and rough
 * stems, longest phrase first, so "called for" beats "called".
 */
import { editDistance } from '../../domain/text.js';
import { RELATION_TYPES, isRelationType } from '../../domain/relation-types.js';
import { synonymOf } from './synonyms.js';
import { STOP_WORDS, isStopWord, stem, tokenise, type Token } from './tokens.js';

export interface VerbMatch {
  /** First token index. */
  start: number;
  /** Token index after the last. */
  end: number;
  types: string[];
  /**
   * The types whose own label starts with the matched word ("thanked" ->
   * THANKED, though SAID lists "thanked" too): asked first, the rest only
   * when these find nothing. Empty when no label does.
   */
  primary: string[];
  /** The words of the question that matched. */
  words: string;
  /** Matched through a typo ("negociated"). */
  fuzzy: boolean;
  /** Matched through the synonym table with an origin as object ("leave X"): X is where one started. */
  origin?: boolean;
}

interface Phrase {
  type: string;
  words: { folded: string; stem: string }[];
}

export type Side = 'from' | 'to';

export interface Roles {
  agent: Side | null;
  patient: Side | null;
}

export interface Vocabulary {
  /** Every type the vocabulary or the graph knows. */
  readonly types: readonly string[];
  /** Verb phrases in the tokens, longest first at each position; `skip` marks tokens already used. */
  match(tokens: readonly Token[], skip?: (index: number) => boolean): VerbMatch[];
  /** Types one word means despite a typo (at most one edit, two for long words). */
  matchFuzzy(token: Token): string[];
  /** How the page reads an edge of this type: "brokered by". */
  label(type: string): string;
  /**
   * Which end does the verb (agent) and which undergoes it (patient), read off
   * the label: "released by" -> agent to, patient from; "released in",
   * "deported to" -> no agent, patient from; "negotiated", "crossed into",
   * "spouse of" -> agent from, patient to. Symmetric types: neither.
   */
  roles(type: string): Roles;
  symmetric(type: string): boolean;
  /** True when one end belongs to or acts for the other (MEMBER_OF, REPRESENTS): the two are on one side. */
  affiliation(type: string): boolean;
  /** The type's verbs as the table lists them (for suggestions). */
  verbs(type: string): readonly string[];
  /** Every phrase's stem for these types (synonyms for matching claim measures). */
  stemsOf(types: readonly string[]): Set<string>;
}

export function createVocabulary(graphTypes: readonly string[] = []): Vocabulary {
  const types = [...new Set([...Object.keys(RELATION_TYPES), ...graphTypes])];
  const phrases: Phrase[] = [];
  const verbsOf = new Map<string, string[]>();
  for (const type of types) {
    const verbs = isRelationType(type)
      ? [...RELATION_TYPES[type].verbs]
      : [type.toLowerCase().split('_').filter((w) => !STOP_WORDS.has(w)).join(' ')];
    verbsOf.set(type, verbs);
    for (const verb of verbs) {
      const words = tokenise(verb).map((t) => ({ folded: t.folded, stem: t.stem }));
      // A lone function word ("in", "from") says nothing about which relation is meant.
      if (words.length === 0 || (words.length === 1 && STOP_WORDS.has(words[0]!.folded))) continue;
      phrases.push({ type, words });
    }
  }
  const longestFirst = [...phrases].sort((a, b) => b.words.length - a.words.length);

  const label = (type: string) => (isRelationType(type) ? RELATION_TYPES[type].label : type.toLowerCase().replace(/_/g, ' '));
  const labelHead = new Map(types.map((t) => [t, tokenise(label(t))[0]]));
  const primaryOf = (matched: string[], token: Token) => {
    if (matched.length < 2) return [];
    const own = matched.filter((t) => {
      const head = labelHead.get(t);
      return head && (head.folded === token.folded || head.stem === token.stem);
    });
    return own.length < matched.length ? own : [];
  };
  const flag = (type: string, name: 'symmetric' | 'affiliation') => (isRelationType(type) ? Boolean((RELATION_TYPES[type] as { symmetric?: boolean; affiliation?: boolean })[name]) : false);
  const symmetric = (type: string) => flag(type, 'symmetric');

  return {
    types,
    match(tokens, skip = () => false) {
      const out: VerbMatch[] = [];
      for (let i = 0; i < tokens.length; ) {
        let best = 0;
        let origin = false;
        const found = new Set<string>();
        for (const p of longestFirst) {
          if (p.words.length < best) break;
          if (i + p.words.length > tokens.length) continue;
          let viaSynonym = false;
          const fits = p.words.every((w, k) => {
            const t = tokens[i + k]!;
            if (skip(i + k)) return false;
            if (t.folded === w.folded || t.stem === w.stem) return true;
            // A word the table lacks, read as the nearest word it has ("leave" ~ "cross").
            const synonym = synonymOf(t.folded);
            if (synonym && (synonym.means === w.folded || stem(synonym.means) === w.stem)) return (viaSynonym ||= true);
            return false;
          });
          if (fits) {
            best = p.words.length;
            found.add(p.type);
            if (viaSynonym) origin ||= phraseOrigin(tokens, i, p.words.length);
          }
        }
        if (best > 0 && !(best === 1 && isStopWord(tokens[i]!))) {
          const types = [...found];
          out.push({
            start: i, end: i + best, types, primary: primaryOf(types, tokens[i]!), words: tokens.slice(i, i + best).map((t) => t.raw).join(' '), fuzzy: false,
            ...(origin ? { origin } : {}),
          });
          i += best;
        } else i += 1;
      }
      return out;
    },
    matchFuzzy(token) {
      const w = token.folded;
      if (w.length < 6 || isStopWord(token) || w.includes(' ')) return [];
      const max = w.length >= 9 ? 2 : 1;
      const found = new Set<string>();
      for (const p of phrases) {
        if (p.words.length !== 1) continue;
        const v = p.words[0]!.folded;
        if (Math.abs(v.length - w.length) <= max && v[0] === w[0] && editDistance(w, v, max) <= max) found.add(p.type);
      }
      return [...found];
    },
    label,
    roles(type) {
      if (symmetric(type)) return { agent: null, patient: null };
      const words = label(type).split(' ');
      if (words[words.length - 1] === 'by') return { agent: 'to', patient: 'from' };
      if (words.length === 2 && /(ed|en)$/.test(words[0]!) && (words[1] === 'in' || words[1] === 'to')) return { agent: null, patient: 'from' };
      return { agent: 'from', patient: 'to' };
    },
    symmetric,
    affiliation: (type: string) => flag(type, 'affiliation'),
    verbs: (type) => verbsOf.get(type) ?? [],
    stemsOf(wanted) {
      const out = new Set<string>();
      for (const p of phrases) if (wanted.includes(p.type)) for (const w of p.words) if (!STOP_WORDS.has(w.folded)) out.add(w.stem);
      return out;
    },
  };
}

/** True when a word of the phrase came through an origin synonym ("leave"). */
function phraseOrigin(tokens: readonly Token[], start: number, length: number): boolean {
  return tokens.slice(start, start + length).some((t) => synonymOf(t.folded)?.origin === true);
}

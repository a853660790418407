/**
 * "How many prisoners were released?": answered from the figures the
 * articles state (Entity.claims), every value with its evidence, saying when
 * sources disagree. The question's words are matched against each claim's
 * measure by rough stems, verbs widened to their synonyms in the vocabulary
 * ("freed" finds "released"). With no stated figure, the graph itself is
 * counted (relations of the verb, or entities of the kind), and says so.
 */
import type { Claim, Entity } from '../../domain/types.js';
import { dateWithin } from '../read/dates.js';
import { range } from '../read/reading.js';
import { COUNT_WORDS, QUESTION_WORDS, isNumber, isStopWord, tokenise, type Token } from '../read/tokens.js';
import { distinctLinks } from '../link/entities.js';
import { allEntities } from '../link/graph.js';
import { relationVerbs } from '../link/reading.js';
import { claimRow, subgraphOf } from '../compose/rows.js';
import { capitalise, claimValue, kindWord, listNames, measureStems, plural } from '../compose/wording.js';
import type { AnswerRow, Draft } from '../types.js';
import type { AnswerContext } from './context.js';
import { answerRelation } from './relation.js';

interface ScoredClaim {
  entity: Entity;
  claim: Claim;
  /** Question words found in the measure. */
  score: number;
  /** Share of the measure's words the question used. */
  coverage: number;
  /** Question words found in the measure as written, not through a verb's synonyms ("pardoned", not "released" for it). */
  exact: number;
  /** The measure names a date the question asks about ("released in June"). */
  dated: boolean;
  key: string;
}

/** "age", as stems. */
const AGE_STEMS = new Set(tokenise('age aged').map((t) => t.stem));

/** Units of time, as stems: what "how long" asks a figure in. */
const DURATION_STEMS = new Set(tokenise('year years month months week weeks day days hour hours minute minutes decade decades').map((t) => t.stem));

export async function answerCount(ctx: AnswerContext): Promise<Draft> {
  const { reading, vocabulary } = ctx;
  const dateTokens = new Set(reading.dates.flatMap((d) => range(d.start, d.end)));
  const asked = reading.tokens.filter(
    (t) => !isStopWord(t) && !isNumber(t) && !QUESTION_WORDS.has(t.folded) && !COUNT_WORDS.has(t.folded) && !dateTokens.has(t.index) && !(reading.howLong && t.folded === 'long') && !(reading.howOld && t.folded === 'old') &&
      // "How old is X?": the name says whose figure, not which measure (the ranking prefers X's own).
      !((reading.howLong || reading.howOld) && reading.links.some((l) => l.start <= t.index && t.index < l.end)),
  );
  const words = asked.map((t) => {
    const verb = reading.verbs.find((v) => v.start <= t.index && t.index < v.end);
    return new Set([t.stem, ...(verb ? vocabulary.stemsOf(verb.types) : [])]);
  });
  // "How long was X sentenced?" asks for a measure in a unit of time: "prison sentence (years)".
  if (reading.howLong) words.push(DURATION_STEMS);
  // "How old is X?" asks for the figure whose measure is an age.
  if (reading.howOld) words.push(AGE_STEMS);

  const { entities } = await allEntities(ctx.store, null);
  const linkedIds = new Set(reading.links.map((l) => l.entity.id));
  // "How many were released?": only a verb is asked, so the thing counted is whatever the verb's measure counts.
  const verbOnly = asked.length > 0 && asked.every((t) => reading.verbs.some((v) => v.start <= t.index && t.index < v.end));
  const dateStems = new Set(reading.tokens.filter((t) => dateTokens.has(t.index) && !isNumber(t)).map((t) => t.stem));
  const scored: ScoredClaim[] = [];
  const nearest: ScoredClaim[] = [];
  for (const entity of entities) {
    for (const claim of entity.claims) {
      const stems = measureStems(claim.measure);
      const head = measureStems(measureHead(claim.measure));
      const hits = (list: string[]) => words.filter((options) => list.some((s) => options.has(s))).length;
      const score = hits(stems);
      const coverage = score / Math.max(1, stems.length);
      // What a measure counts is its head ("foreigners" in "foreigners among the released"): a question that
      // matches only the rest asks about something else ("how many were released?" is not "how many foreigners").
      if (hits(head) === 0) continue;
      // Most of the question's words must be in the measure, and one word alone must be half of it:
      // "how many countries are involved?" is not "NATO countries bordering X". A verb alone may be less.
      if (score === 0 || (score < 2 && coverage < 0.5 && !verbOnly)) continue;
      const exact = asked.filter((t) => stems.includes(t.stem)).length;
      const claimed = { entity, claim, score, coverage, exact, dated: stems.some((s) => dateStems.has(s)), key: [...new Set(stems)].sort().join(' ') };
      if (score / words.length >= 0.6) scored.push(claimed);
      // Half the question's words, making up most of the measure: a figure near the question, offered as such.
      else if (score / words.length >= 0.5 && coverage >= 0.5) nearest.push(claimed);
    }
  }
  // "How old is X?": X's own figure, not another's of the same measure.
  if ((reading.howLong || reading.howOld) && linkedIds.size) scored.splice(0, scored.length, ...scored.filter((x) => linkedIds.has(x.entity.id)));
  if (scored.length === 0 && nearest.length && !reading.howLong && !reading.howOld) {
    // "How many prisoners were foreigners?": no measure holds both words; "foreigners among the released" holds one.
    const best = Math.max(...nearest.map((x) => x.score + x.coverage));
    const near = nearest.filter((x) => x.score + x.coverage === best);
    const draft = figuresOf(near, words, asked, linkedIds, reading, verbOnly);
    const unmatched = asked.filter((t) => !draft.usedWords.includes(t.raw)).map((t) => t.raw);
    return { ...draft, text: `No figure the articles give holds ${unmatched.length ? `"${unmatched.join(' ')}"` : 'every word of the question'}; the nearest: ${draft.text}` };
  }
  if (scored.length === 0) return countTheGraph(ctx, asked.map((t) => t.raw));
  return figuresOf(scored, words, asked, linkedIds, reading, verbOnly);
}

/** A preposition in a measure starts what qualifies the thing counted ("foreigners among the released"); a relative clause ("prisoners who crossed ...") says what the counted did, and stays. */
const QUALIFIER = /\s(?:among|of|in|into|since|before|after|between|bordering|from|with|for)\s|\s*\(/i;

/** What a measure counts: its words before the first qualifier. Pure. */
export function measureHead(measure: string): string {
  const m = QUALIFIER.exec(measure);
  return m && m.index > 0 ? measure.slice(0, m.index) : measure;
}

/** The best-matched figures, grouped by holder and measure, with the same measure's other holders and related figures. */
function figuresOf(scored: ScoredClaim[], words: Set<string>[], asked: Token[], linkedIds: ReadonlySet<string>, reading: AnswerContext['reading'], verbOnly: boolean): Draft & { usedWords: string[] } {
  // One group per entity and measure: values within a group are what sources disagree on.
  const groups = new Map<string, ScoredClaim[]>();
  for (const s of scored) groups.set(`${s.entity.id}|${s.key}`, [...(groups.get(`${s.entity.id}|${s.key}`) ?? []), s]);
  const rank = (g: ScoredClaim[]) => {
    const first = g[0]!;
    const linked = linkedIds.has(first.entity.id) ? 1 : 0;
    const dated = first.dated || reading.dates.some((d) => dateWithin(first.entity.date, d.iso)) ? 1 : 0;
    // With only a verb asked, the figure most articles state is the one meant ("how many were released?").
    const articles = verbOnly ? new Set(g.flatMap((x) => x.claim.evidence.map((ev) => ev.article))).size : 0;
    return [first.score, first.exact, linked + dated, articles, first.coverage, g.length];
  };
  const ordered = [...groups.values()].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
    return a[0]!.entity.name.localeCompare(b[0]!.entity.name);
  });
  const best = ordered[0]!;
  const top = best[0]!;
  // The same measure held by other entities (each person's sentence), unless the question named the holder.
  const sameMeasure = linkedIds.has(top.entity.id) ? [] : ordered.slice(1).filter((g) => g[0]!.key === top.key && g[0]!.score === top.score);
  // Other measures matched as well (and mostly made of the question's words) are shown as related figures.
  const related = ordered
    .slice(1)
    .filter((g) => g[0]!.key !== top.key && g[0]!.score === top.score && g[0]!.coverage >= 0.5 && (!linkedIds.size || rank(g)[2]! >= rank(best)[2]!))
    .slice(0, 3);

  const shown = [best, ...sameMeasure, ...related];
  const rows: AnswerRow[] = shown.flat().map(({ entity, claim }) => claimRow(entity, claim));
  const answer = sameMeasure.length
    ? `${capitalise(top.claim.measure)}: ${[best, ...sameMeasure].map((g) => describeGroup(g, true, true)).join('; ')}.`
    : describeGroup(best);
  const text = [answer, related.length ? `Related figures: ${related.map((g) => describeGroup(g, true)).join('; ')}.` : ''].filter(Boolean).join(' ');
  const stems = measureStems(top.claim.measure);
  const usedWords = asked.filter((_, i) => stems.some((s) => words[i]!.has(s))).map((t) => t.raw);
  return { understood: true, text, rows, subgraph: subgraphOf(rows, [], []), usedWords };
}


/**
 * "52 political prisoners released (Release of 52 ...), according to articles 000, 002."
 * "The sources disagree on X (holder): 52 (article 000), 51 (article 002)."
 * `brief` drops the sentence frame; `byHolder` names the holder first ("Ihar Losik 15 ...").
 */
function describeGroup(group: ScoredClaim[], brief = false, byHolder = false): string {
  const byValue = new Map<string, { label: string; articles: Set<string> }>();
  for (const { claim } of group) {
    const label = claimValue(claim);
    const v = byValue.get(label) ?? { label, articles: new Set() };
    for (const ev of claim.evidence) v.articles.add(ev.article);
    byValue.set(label, v);
  }
  const { claim, entity } = group[0]!;
  const sources = (v: { articles: Set<string> }) => `${v.articles.size === 1 ? 'article' : 'articles'} ${[...v.articles].sort().join(', ')}`;
  const values = [...byValue.values()];
  if (byHolder) return `${entity.name} ${values.map((v) => `${v.label} (${sources(v)})`).join(' or ')}`;
  const holder = ` (${entity.name})`;
  if (values.length === 1) {
    const v = values[0]!;
    return brief ? `${v.label} ${claim.measure}${holder}, ${sources(v)}` : `${v.label} ${claim.measure}${holder}, according to ${sources(v)}.`;
  }
  const list = values.map((v) => `${v.label} (${sources(v)})`).join(', ');
  return brief ? `${claim.measure}${holder}: ${list}` : `The sources disagree on ${claim.measure}${holder}: ${list}.`;
}

/** No stated figure: count what the graph holds, and say that is what was counted. */
async function countTheGraph(ctx: AnswerContext, askedWords: readonly string[]): Promise<Draft> {
  const { reading } = ctx;
  const verbs = relationVerbs(reading);
  const prefix = 'The articles state no figure for this;';
  // "How old is X?" with no age stated: say so, for X.
  if (reading.howOld) {
    const named = distinctLinks(reading.links).map((l) => l.entity);
    return { understood: true, text: `The articles state no age for ${named.length ? listNames(named.map((e) => e.name)) : 'this'}.`, rows: [], subgraph: subgraphOf([], [], named) };
  }
  // "How long ...?" with no duration stated: the graph's relations cannot measure one; say so, then what they hold.
  if (reading.howLong) {
    const draft = verbs.length ? await answerRelation(ctx, { name: 'relation', verb: verbs[0]!, types: [...new Set(verbs.flatMap((v) => v.types))], links: distinctLinks(reading.links), kind: reading.kind, time: null, happened: false }) : null;
    const none = 'The articles state no duration for this.';
    return draft?.rows.length ? { ...draft, text: `${none} What the graph holds: ${draft.detail ?? draft.text}` } : { understood: true, text: none, rows: [], subgraph: subgraphOf([], [], distinctLinks(reading.links).map((l) => l.entity)) };
  }
  // "How many journalists were released?": the graph cannot count what it does not record.
  if (reading.ignored.length) {
    return { understood: false, text: `I found no figure in the articles about "${reading.ignored.join(' ')}", and the graph does not record it, so I cannot count it.`, rows: [], subgraph: subgraphOf([], [], []) };
  }
  if (verbs.length) {
    const types = [...new Set(verbs.flatMap((v) => v.types))];
    const draft = await answerRelation(ctx, { name: 'relation', verb: verbs[0]!, types, links: distinctLinks(reading.links), kind: reading.kind, time: null, happened: false });
    const counted = draft.answers ?? [];
    if (draft.rows.length === 0) return { ...draft, text: `${prefix} ${draft.text.charAt(0).toLowerCase()}${draft.text.slice(1)}` };
    return { ...draft, text: `${prefix} the graph names ${counted.length}: ${listNames(counted.map((n) => n.name), 12)}. ${draft.detail ?? ''}`.trim() };
  }
  if (reading.kind) {
    const { entities } = await allEntities(ctx.store, reading.kind);
    if (entities.length === 0) return { understood: true, text: `The graph holds no ${kindWord(reading.kind, 2)}.`, rows: [], subgraph: subgraphOf([], [], []) };
    const rows = entities.map((e): AnswerRow => ({ subject: e, relation: null, object: null, evidence: e.evidence, relationId: null, date: e.date }));
    return {
      understood: true,
      text: `The graph holds ${plural(entities.length, kindWord(reading.kind), kindWord(reading.kind, 2))}: ${listNames(entities.map((e) => e.name), 12)}.`,
      rows,
      subgraph: subgraphOf(rows, [], []),
    };
  }
  const asked = reading.ignored.length ? reading.ignored.join(' ') : askedWords.length ? askedWords.join(' ') : 'that';
  return { understood: false, text: `I found no figure in the articles about "${asked}", and nothing in the question to count in the graph.`, rows: [], subgraph: subgraphOf([], [], []) };
}

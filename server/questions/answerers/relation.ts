/**
 * Relation questions: "who negotiated what?", "who brokered the release?",
 * "who was released?", "who is married to X?", "X's spouse", "who leads X?",
 * "what did X say?", "which people crossed into X in September 2025?".
 * link/relations.ts selects the relations and the asked ends; this words them.
 */
import { datePhrase, formatDate } from '../read/dates.js';
import { DETERMINERS, isNumber } from '../read/tokens.js';
import type { Entity, Relation } from '../../domain/types.js';
import { indexEntities, presentTypes } from '../link/graph.js';
import { selectRelations } from '../link/relations.js';
import { MAX_ROWS, relationRow, subgraphOf } from '../compose/rows.js';
import { PARTY_KINDS, capitalise, claimFigure, joinSentences, listNames, measureStems, quotedSentence, typeLabels } from '../compose/wording.js';
import type { IntentOf } from '../intent/intent.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';
import { directly } from './connection.js';
import { throughEvents } from './meetings.js';

export type RelationIntent = IntentOf<'relation'>;

export async function answerRelation(ctx: AnswerContext, intent: RelationIntent): Promise<Draft> {
  const { vocabulary } = ctx;
  const linked = intent.links.map((l) => l.entity);
  // The meetings X took part in are looked up alongside the relations (two independent store reads).
  const asked = presentTypes(ctx, intent.types).present;
  const [selection, events] = await Promise.all([selectRelations(ctx, intent), asked.length ? throughEvents(ctx, asked, intent.links) : null]);
  const { present, absent, truncated, index, usedWords, fits } = selection;
  // A type of saying ("said about"): its relations are quoted, and a body's voices may answer for it.
  const says = (type: string) => vocabulary.stemsOf([type]).has('said');
  let { relations, asked: answers } = selection;
  if (present.length === 0) {
    return {
      understood: true,
      text: `The graph holds no ${typeLabels(vocabulary, absent)} relations, so it cannot say${linked.length ? ` for ${listNames(linked.map((e) => e.name))}` : ''}.`,
      rows: [],
      subgraph: subgraphOf([], [], linked),
    };
  }

  // "Who negotiated with X?" where X negotiated a deal (not a party): the others who negotiated it.
  const partners = await coParties(ctx, intent, relations, index, present);
  if (partners) {
    relations = partners.relations;
    answers = partners.answers;
  }

  // "Who met X?": also who took part with X in a meeting.
  // An event named in the question answers with its participants only when nothing relates it directly.
  const useEvents = events && (intent.links[0]?.entity.kind !== 'Event' || relations.length === 0 || intent.types.every((t) => vocabulary.symmetric(t)));
  if (events && useEvents) {
    const more = await indexEntities(ctx.store, events.relations, [...index.values()]);
    for (const [id, e] of more) index.set(id, e);
    relations = [...relations, ...events.relations.filter((r) => !relations.some((x) => x.id === r.id))];
    answers = [...new Map([...answers, ...events.participants.map((id) => index.get(id)).filter((e): e is Entity => !!e)].map((e) => [e.id, e])).values()];
  }
  // "Who was sentenced to 15 years?": a figure in the question keeps the answers whose stated figures hold it.
  const figure = figureFilter(ctx, answers);
  let noFigure = '';
  if (figure?.kept.length) {
    answers = figure.kept;
    const ids = new Set(figure.kept.map((e) => e.id));
    relations = relations.filter((r) => ids.has(r.from) || ids.has(r.to));
  } else if (figure) {
    noFigure = `The articles state that figure (${figure.asked}) for none of them; they state: ${figure.stated.join('; ')}. `;
  }
  // "When did X meet Y?", "Where did X meet Y?": no end is asked, both are named, so only a relation
  // between them (or a meeting both took part in) answers. Without one the answer says so, then what
  // the graph holds between them and the asked relations of each, never another's as theirs.
  const [a, b] = linked;
  if ((intent.asksWhen || intent.asksWhere) && a && b && !relatesBoth(relations, a.id, b.id)) {
    return notBetween(ctx, intent, a, b, relations, index, present);
  }
  // "What did the EU say?" when the EU itself says nothing in the graph: what those who hold its offices or act for it said.
  const [only] = linked;
  if ((!fits || relations.length === 0) && linked.length === 1 && only && answers.length === 0 && !ctx.reading.negation && only.kind !== 'Person' && present.length > 0 && present.every(says)) {
    const voices = await speakersFor(ctx, only, present);
    if (voices) return voices;
  }
  const shown = relations.slice(0, MAX_ROWS);
  const rows = shown.map((r) => relationRow(r, index));
  const subgraph = subgraphOf(rows, shown, linked, truncated || relations.length > shown.length);
  if (rows.length === 0) {
    return { understood: true, text: `The graph holds no ${typeLabels(vocabulary, present)} relation${describeScope(intent)}.`, rows, subgraph, ...(usedWords.length ? { usedWords } : {}) };
  }
  const quoting = present.some(says) || rows.length <= 2 || !!useEvents;
  const sentences = shown.map((r) => quotedSentence(r, index, vocabulary, quoting));
  // Co-parties: the graph holds that they did the same to the same thing, not that they did it with X.
  const passive = partners?.types.every((t) => !vocabulary.symmetric(t) && vocabulary.roles(t).agent !== 'from');
  const be = passive ? `${partners!.answers.length === 1 ? 'was' : 'were'} ` : '';
  const together = partners ? ` ${be}also ${typeLabels(vocabulary, partners.types).replace(/"/g, '')} ${listNames(partners.things.map((id) => index.get(id)?.name ?? id))}` : '';
  const head = intent.asksWhen ? datesHead(shown.map((r) => datedByEvent(r, index))) : answers.length ? `${listNames(answers.map((e) => e.name))}${together}.` : '';
  const origins = intent.origins?.length
    ? ` (The graph records where one went, not what one left: "${intent.verb.words}" read as ${typeLabels(vocabulary, present)} anywhere but ${listNames(intent.origins.map((l) => l.entity.name))}.)`
    : '';
  const detail = `${joinSentences(sentences)}${origins}`;
  const used = figure ? [...usedWords, ...figure.words] : usedWords;
  // "Who was not released?": the graph records what happened; it says what it holds instead of answering the opposite.
  // "Who did the US thank?" when only others thanked it: the relations are shown, but not as the answer.
  const reversed = !fits && linked.length && answers.length === 0 && !ctx.reading.negation ? `Not as asked: no ${typeLabels(vocabulary, present)} relation has ${listNames(linked.map((e) => e.name))} where the question puts ${linked.length === 1 ? 'it' : 'them'}; the graph holds: ` : '';
  const negated = ctx.reading.negation ? `Not answered as asked: the graph records what the articles say happened, not what did not ("${ctx.reading.negation}" not read). It holds: ` : '';
  return { understood: true, text: `${negated}${reversed}${`${noFigure}${head} ${detail}`.trim()}`, detail, rows, subgraph, ...(negated || reversed ? {} : { answers }), ...(used.length ? { usedWords: used } : {}) };
}

/**
 * "Who negotiated with the Guild?": one name after "with", and the asked
 * relations lead from it to things that are no party (a deal, an event).
 * The answer is whoever else has the same relation to the same thing, with
 * the name's own relations beside theirs. Null when the question is not so
 * or no one else has.
 */
async function coParties(ctx: AnswerContext, intent: RelationIntent, relations: Relation[], index: Map<string, Entity>, present: string[]): Promise<{ relations: Relation[]; answers: Entity[]; things: string[]; types: string[] } | null> {
  const [link] = intent.links;
  if (intent.links.length !== 1 || !link) return null;
  let before = link.start - 1;
  while (DETERMINERS.has(ctx.reading.tokens[before]?.folded ?? '')) before--;
  if (ctx.reading.tokens[before]?.folded !== 'with') return null;
  const x = link.entity;
  const own = relations.filter((r) => r.from === x.id && !PARTY_KINDS.has(index.get(r.to)?.kind ?? 'Person'));
  if (own.length === 0) return null;
  const things = new Set(own.map((r) => r.to));
  const byThing = await ctx.store.relationsOf([...things], { types: present, direction: 'IN' });
  // Those on X's own side (its members, its envoys, what it is part of) are not who it negotiated with.
  const sameSide = new Set(((await ctx.store.relationsOf([x.id])).get(x.id) ?? []).filter((r) => ctx.vocabulary.affiliation(r.type)).map((r) => (r.from === x.id ? r.to : r.from)));
  const theirs = [...byThing.values()].flat().filter((r) => things.has(r.to) && r.from !== x.id && !sameSide.has(r.from) && own.some((o) => o.type === r.type && o.to === r.to));
  if (theirs.length === 0) return null;
  const more = await indexEntities(ctx.store, theirs, [...index.values()]);
  for (const [id, e] of more) index.set(id, e);
  const answers = [...new Map(theirs.map((r) => index.get(r.from)).filter((e): e is Entity => !!e).map((e) => [e.id, e])).values()];
  const kept = [...own, ...theirs].sort((a, b) => a.to.localeCompare(b.to) || (a.from === x.id ? -1 : b.from === x.id ? 1 : a.from.localeCompare(b.from)));
  return { relations: kept, answers, things: [...new Set(theirs.map((r) => r.to))], types: [...new Set(theirs.map((r) => r.type))] };
}

/** How many affiliation steps lead to a body from those who speak for it (a person, their office, the office's embassy). */
const MAX_AFFILIATION_STEPS = 3;

/**
 * "What did the EU say?": the entities that reach X through affiliation
 * relations pointing at it (holds an office that is a position in X,
 * represents X, is an institution of X), at most three steps, and what the
 * asked types say they said. The chain is shown with the statements, so the
 * answer says why each speaker counts for X. Null when none of them spoke.
 */
async function speakersFor(ctx: AnswerContext, x: Entity, types: readonly string[]): Promise<Draft | null> {
  const affiliations = [...ctx.graphTypes].filter((t) => ctx.vocabulary.affiliation(t));
  if (affiliations.length === 0) return null;
  const chain = new Map<string, Relation[]>([[x.id, []]]);
  let frontier = [x.id];
  for (let step = 0; step < MAX_AFFILIATION_STEPS && frontier.length; step++) {
    // Only the affiliation types, and a bounded number of each body's members: a big graph's hub has thousands.
    const inward = await ctx.store.relationsOf(frontier.slice(0, MAX_ROWS), { direction: 'IN', types: affiliations, first: MAX_ROWS });
    const next: string[] = [];
    for (const [id, relations] of inward) {
      for (const r of relations) {
        if (r.to !== id || chain.has(r.from)) continue;
        chain.set(r.from, [r, ...chain.get(id)!]);
        next.push(r.from);
      }
    }
    frontier = next;
  }
  chain.delete(x.id);
  if (chain.size === 0) return null;
  const said = await ctx.store.relationsOf([...chain.keys()], { types, direction: 'OUT' });
  const spoken = [...new Map([...said.values()].flat().filter((r) => chain.has(r.from)).map((r) => [r.id, r])).values()].slice(0, MAX_ROWS);
  if (spoken.length === 0) return null;
  const speakers = [...new Set(spoken.map((r) => r.from))];
  const links = [...new Map(speakers.flatMap((id) => chain.get(id)!).map((r) => [r.id, r])).values()];
  const index = await indexEntities(ctx.store, [...links, ...spoken], [x]);
  const name = (id: string) => index.get(id)?.name ?? id;
  const labels = typeLabels(ctx.vocabulary, [...new Set(spoken.map((r) => r.type))]);
  const why = joinSentences(links.map((r) => quotedSentence(r, index, ctx.vocabulary, false)));
  const what = joinSentences(spoken.map((r) => quotedSentence(r, index, ctx.vocabulary, true)));
  const text = `The graph has no ${labels} relation with ${x.name} as the speaker; ${listNames(speakers.map(name))} ${speakers.length === 1 ? 'speaks' : 'speak'} or ${speakers.length === 1 ? 'acts' : 'act'} for it (${why.replace(/\.$/, '')}): ${what}`;
  const rows = [...spoken, ...links].map((r) => relationRow(r, index));
  return { understood: true, text, detail: what, rows, subgraph: subgraphOf(rows, [...spoken, ...links], [x]), answers: speakers.map((id) => index.get(id)).filter((e): e is Entity => !!e) };
}

/** Whether a relation joins the two, or both are related to one same third (a meeting both took part in). */
function relatesBoth(relations: readonly Relation[], a: string, b: string): boolean {
  const others = (id: string) => new Set(relations.filter((r) => r.from === id || r.to === id).map((r) => (r.from === id ? r.to : r.from)));
  const ofA = others(a);
  return ofA.has(b) || [...others(b)].some((id) => ofA.has(id));
}

/** "When did X meet Y?" with no such relation between them: says so, then what is between them, then each one's asked relations. */
async function notBetween(ctx: AnswerContext, intent: RelationIntent, a: Entity, b: Entity, relations: Relation[], index: Map<string, Entity>, present: string[]): Promise<Draft> {
  const labels = typeLabels(ctx.vocabulary, present);
  const no = `The graph has no ${labels} relation between ${a.name} and ${b.name}, so it cannot say ${intent.asksWhen ? 'when' : 'where'}.`;
  const between = await directly(ctx, a, b);
  const shown = relations.slice(0, MAX_ROWS);
  const sentences = shown.map((r) => quotedSentence(r, index, ctx.vocabulary));
  const parts = [no];
  if (between.between) parts.push(`Between them the graph holds: ${between.detail}`);
  if (shown.length) parts.push(`Other ${labels} relations of ${listNames([...new Set(shown.flatMap((r) => [r.from, r.to]).filter((id) => id === a.id || id === b.id))].map((id) => index.get(id)?.name ?? id))}: ${joinSentences(sentences)}`);
  const rows = [...between.rows, ...shown.map((r) => relationRow(r, index))];
  return { understood: true, text: parts.join(' '), rows, subgraph: subgraphOf(rows, [...between.subgraph.edges, ...shown], [a, b], relations.length > shown.length) };
}

/**
 * A relation without a date of its own takes the date of the event at one of
 * its ends ("the press conference took place in Vilnius": the conference's
 * date), as the time filter reads it (matchesTime).
 */
function datedByEvent(r: Relation, index: ReadonlyMap<string, Entity>): Pick<Relation, 'date' | 'endDate'> {
  if (r.date) return r;
  const event = [index.get(r.from), index.get(r.to)].find((e) => e?.kind === 'Event' && e.date);
  return event ? { date: event.date, endDate: event.endDate ?? null } : r;
}

/**
 * The lead of "when did X ...?": the dates of the relations found, oldest
 * first ("On 11 September 2025.", "In June 2025 and on 11 September 2025."),
 * saying when some or all of them are undated.
 */
export function datesHead(relations: readonly Pick<Relation, 'date' | 'endDate'>[]): string {
  const spans = [...new Set(relations.filter((r) => r.date).map((r) => (r.endDate && r.endDate !== r.date ? `${r.date}/${r.endDate}` : r.date!)))].sort();
  if (spans.length === 0) return 'The graph gives no date for this.';
  const phrases = spans.map((span) => {
    const [from, to] = span.split('/');
    return to ? `from ${formatDate(from!)} to ${formatDate(to)}` : datePhrase(from!);
  });
  const text = listNames(phrases, 6);
  const undated = relations.some((r) => !r.date) ? ' (some of it undated)' : '';
  return `${capitalise(text)}${undated}.`;
}

/**
 * A figure the question gives ("to 15 years": a number followed by a word of
 * a claim's measure, "prison sentence (years)") against the figures the
 * answers state: `kept`, the answers whose value or range holds it, and
 * `stated`, every answer's figure in that measure. Null when the question
 * gives no figure that any answer states a measure of.
 */
export function figureFilter(ctx: Pick<AnswerContext, 'reading'>, answers: readonly Entity[]): { asked: string; kept: Entity[]; stated: string[]; words: string[] } | null {
  const { tokens, dates } = ctx.reading;
  const inDate = (i: number) => dates.some((d) => d.start <= i && i < d.end);
  const figures = tokens.flatMap((t, i) => {
    const next = tokens[i + 1];
    return isNumber(t) && next && !inDate(i) ? [{ value: Number(t.folded.replace(/ /g, '')), unit: next.stem, text: `${t.raw} ${next.raw}`, words: [t.raw, next.raw] }] : [];
  });
  if (figures.length === 0) return null;
  const inMeasure = (e: Entity) => e.claims.filter((c) => figures.some((f) => measureStems(c.measure).includes(f.unit)));
  const measured = answers.filter((e) => inMeasure(e).length > 0);
  if (measured.length === 0) return null;
  const kept = measured.filter((e) => inMeasure(e).some((c) => figures.some((f) => f.value >= c.value && f.value <= (c.valueMax ?? c.value))));
  const stated = measured.map((e) => `${e.name} ${inMeasure(e).map(claimFigure).join(' or ')}`);
  return { asked: figures.map((f) => f.text).join(', '), kept, stated, words: figures.flatMap((f) => f.words) };
}

function describeScope(intent: RelationIntent): string {
  const parts: string[] = [];
  if (intent.links.length) parts.push(` involving ${listNames(intent.links.map((l) => l.entity.name))}`);
  if (intent.kind) parts.push(` with a ${intent.kind.toLowerCase()} as the answer`);
  if (intent.time) parts.push(` ${intent.time.mode === 'within' ? 'in' : intent.time.mode} ${formatDate(intent.time.iso)}`);
  return parts.join('');
}

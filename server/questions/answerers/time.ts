/**
 * Questions about time: "what happened on 11 September 2025?", "... in June
 * 2025?", "what happened before the release?", "when did X happen?".
 * Events come from the store's timeline; dated relations count too.
 */
import type { Entity, Relation } from '../../domain/types.js';
import { datePhrase, dateWithin, formatDate, isAfter, isBefore } from '../read/dates.js';
import { allRelations, indexEntities } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { entityRow, MAX_ROWS, relationRow, subgraphOf } from '../compose/rows.js';
import { capitalise, joinSentences, listNames, relationSentence } from '../compose/wording.js';
import type { AnswerRow, Draft } from '../types.js';
import type { AnswerContext } from './context.js';
import { datesHead } from './relation.js';

const eventPhrase = (e: Entity) => `${e.name}${e.date ? ` (${formatDate(e.date)})` : ''}`;

export async function answerOnDate(ctx: AnswerContext, intent: IntentOf<'on-date'>): Promise<Draft> {
  const iso = intent.date.iso;
  const timeline = await ctx.store.timeline();
  const events = timeline.filter((e) => dateWithin(e.date, iso));
  const { relations: all, truncated } = await allRelations(ctx.store, null);
  const dated = all.filter((r) => dateWithin(r.date, iso)).slice(0, MAX_ROWS);
  const index = await indexEntities(ctx.store, dated, events);
  const rows: AnswerRow[] = [...events.map((e) => entityRow(e)), ...dated.map((r) => relationRow(r, index))];
  const when = capitalise(datePhrase(iso));
  if (rows.length === 0) {
    const nearest = timeline.length ? ` Dated events in the graph: ${joinSentences(timeline.map(eventPhrase), 6)}` : '';
    return { understood: true, text: `The graph holds nothing dated ${formatDate(iso)}.${nearest}`, rows, subgraph: subgraphOf([], [], []) };
  }
  const parts = [
    events.length ? `${when}: ${joinSentences(events.map(eventPhrase))}` : `${when}:`,
    dated.length ? joinSentences(dated.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index))) : '',
  ];
  return { understood: true, text: parts.filter(Boolean).join(' '), rows, subgraph: subgraphOf(rows, dated, events, truncated) };
}

export async function answerBeforeAfter(ctx: AnswerContext, intent: IntentOf<'before' | 'after'>): Promise<Draft> {
  const ref = intent.reference;
  const reference = 'link' in ref ? ref.link.entity : null;
  const iso = 'link' in ref ? ref.link.entity.date : ref.date.iso;
  const what = reference ? reference.name : formatDate(iso ?? '');
  if (!iso) {
    return { understood: false, text: `I could not place ${what} in time: the graph gives it no date, so I cannot say what happened ${intent.name} it.`, rows: [], subgraph: subgraphOf([], [], [reference]) };
  }
  if (iso.startsWith('--')) {
    return { understood: false, text: `"${intent.name} ${formatDate(iso)}" needs a year to compare dates (for example "${intent.name} ${formatDate(iso).replace(' (any year)', '')} 2025").`, rows: [], subgraph: subgraphOf([], [], []) };
  }
  if (intent.subject) return subjectAround(ctx, intent, intent.subject.entity, iso, reference, what);
  const compare = intent.name === 'before' ? isBefore : isAfter;
  const timeline = await ctx.store.timeline();
  const events = timeline.filter((e) => e.id !== reference?.id && e.date && compare(e.date, iso));

  // Relations of the marker's own types ("before" -> PRECEDED) that place something on the asked side of the reference.
  let linked: Relation[] = [];
  const types = intent.types.filter((t) => ctx.graphTypes.has(t));
  if (reference && types.length) {
    const rels = (await ctx.store.relationsOf([reference.id], { types })).get(reference.id) ?? [];
    linked = rels.filter((r) => (intent.name === 'before' ? r.to === reference.id : r.from === reference.id));
  }
  const index = await indexEntities(ctx.store, linked, [...events, ...(reference ? [reference] : [])]);
  const linkedOnly = linked.filter((r) => !events.some((e) => e.id === (intent.name === 'before' ? r.from : r.to)));
  const rows: AnswerRow[] = [...events.map((e) => entityRow(e)), ...linked.map((r) => relationRow(r, index))];
  const head = `${intent.name === 'before' ? 'Before' : 'After'} ${what}${reference?.date ? ` (${formatDate(reference.date)})` : ''}`;
  if (rows.length === 0) {
    return { understood: true, text: `${head}, the graph holds no dated events.`, rows, subgraph: subgraphOf([], [], [reference]) };
  }
  const sentences = [
    ...events.map(eventPhrase),
    ...linkedOnly.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index)),
  ];
  return { understood: true, text: `${head}: ${joinSentences(sentences, 10)}`, rows, subgraph: subgraphOf(rows, linked, [reference]) };
}

/**
 * An entity's dated relations that `keep` accepts, oldest first; on one day,
 * what the entity did before what was done to it.
 */
export async function datedRelationsOf(ctx: AnswerContext, id: string, keep: (date: string, r: Relation) => boolean): Promise<Relation[]> {
  return ((await ctx.store.relationsOf([id])).get(id) ?? [])
    .filter((r) => r.date && keep(r.date, r))
    .sort((a, b) => a.date!.localeCompare(b.date!) || Number(b.from === id) - Number(a.from === id) || a.id.localeCompare(b.id));
}

/**
 * "What happened to Statkevich after the release?": the subject's own dated
 * relations before the reference, or on its day and after (what followed a
 * release on the same day is after it), oldest first; the reference's own
 * relation to the subject left out.
 */
async function subjectAround(ctx: AnswerContext, intent: IntentOf<'before' | 'after'>, subject: Entity, iso: string, reference: Entity | null, what: string): Promise<Draft> {
  const before = intent.name === 'before';
  const own = (await datedRelationsOf(ctx, subject.id, (date, r) => (before ? isBefore(date, iso) : !isBefore(date, iso)) && r.from !== reference?.id && r.to !== reference?.id)).slice(0, MAX_ROWS);
  const side = before ? 'before' : 'on the day of or after';
  const when = `${what}${reference?.date ? ` (${formatDate(reference.date)})` : ''}`;
  if (own.length === 0) {
    return { understood: true, text: `The graph holds nothing about ${subject.name} dated ${side} ${when}.`, rows: [], subgraph: subgraphOf([], [], [subject, reference]) };
  }
  const index = await indexEntities(ctx.store, own, [subject, ...(reference ? [reference] : [])]);
  const rows = own.map((r) => relationRow(r, index));
  const sentences = own.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index));
  return { understood: true, text: `${capitalise(side)} ${when}, the articles say of ${subject.name}: ${joinSentences(sentences, 10)}`, rows, subgraph: subgraphOf(rows, own, [subject, reference]) };
}

export async function answerWhen(ctx: AnswerContext, intent: IntentOf<'when'>): Promise<Draft> {
  const e = intent.link.entity;
  if (intent.others?.length) {
    const together = await whenTogether(ctx, e, intent.others.map((l) => l.entity));
    if (together) return together;
  }
  const dated = ((await ctx.store.relationsOf([e.id])).get(e.id) ?? []).filter((r) => r.date);
  dated.sort((a, b) => a.date!.localeCompare(b.date!));
  // "When were the prisoners released?" links "prisoners released" to a group named so: the verb the name swallowed
  // still says which of its relations are asked, and their dates lead.
  const verbTypes = new Set(ctx.vocabulary.match(ctx.reading.tokens.slice(0, intent.link.end), (i) => i < intent.link.start).flatMap((v) => v.types));
  const asked = e.date ? [] : dated.filter((r) => verbTypes.has(r.type));
  const relations = asked.length ? asked : dated;
  const index = await indexEntities(ctx.store, relations, [e]);
  const rows = [...(e.date ? [entityRow(e)] : []), ...relations.map((r) => relationRow(r, index))];
  const own = e.date ? `${e.name}: ${formatDate(e.date)}.` : asked.length ? datesHead(asked) : `The graph gives ${e.name} no date of its own.`;
  const rel = relations.length ? ` ${asked.length ? '' : 'Dated relations: '}${joinSentences(relations.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index)))}` : '';
  return { understood: true, text: `${own}${rel}`, rows, subgraph: subgraphOf(rows, relations, [e]) };
}

/**
 * "When did Trump speak with Lukashenko?": the dated relations between the
 * first name and the others, and the dated events they all take part in,
 * oldest first, led by their dates; null when there are none.
 */
async function whenTogether(ctx: AnswerContext, e: Entity, others: readonly Entity[]): Promise<Draft | null> {
  const ids = [e.id, ...others.map((o) => o.id)];
  const byEntity = await ctx.store.relationsOf(ids);
  const mine = byEntity.get(e.id) ?? [];
  const otherIds = new Set(others.map((o) => o.id));
  const direct = mine.filter((r) => r.date && (otherIds.has(r.from) || otherIds.has(r.to)));
  const reached = others.map((o) => new Set((byEntity.get(o.id) ?? []).flatMap((r) => [r.from, r.to])));
  const sharedIds = new Set(mine.map((r) => (r.from === e.id ? r.to : r.from)).filter((id) => !otherIds.has(id) && reached.every((s) => s.has(id))));
  const toShared = ids.flatMap((id) => (byEntity.get(id) ?? []).filter((r) => sharedIds.has(r.from === id ? r.to : r.from)));
  const index = await indexEntities(ctx.store, [...direct, ...toShared], [e, ...others], [...sharedIds]);
  // Only a dated event they are all in says when they were together; a thing both merely speak of does not.
  const events = [...sharedIds].map((id) => index.get(id)).filter((x): x is Entity => x?.kind === 'Event' && !!x.date);
  const inEvents = toShared.filter((r) => events.some((ev) => ev.id === r.from || ev.id === r.to));
  const relations = [...new Map([...direct, ...inEvents].map((r) => [r.id, r])).values()];
  const dates = [...new Set([...direct.map((r) => r.date!), ...events.map((ev) => ev.date!)])].sort();
  if (dates.length === 0) return null;
  relations.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  events.sort((a, b) => a.date!.localeCompare(b.date!));
  const rows = [...events.map((ev) => entityRow(ev)), ...relations.map((r) => relationRow(r, index))];
  const lead = `${capitalise(listNames(dates.map((d) => datePhrase(d)), 4))}.`;
  const sentences = [...events.map(eventPhrase), ...relations.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index))];
  return { understood: true, text: `${lead} ${joinSentences(sentences)}`, rows, subgraph: subgraphOf(rows, relations, [e, ...others, ...events]) };
}

/** "What happened?": every dated event, oldest first. */
export async function answerTimeline(ctx: AnswerContext): Promise<Draft> {
  const events = await ctx.store.timeline();
  const rows = events.slice(0, MAX_ROWS).map((e) => entityRow(e));
  if (rows.length === 0) return { understood: true, text: 'The graph holds no dated events.', rows, subgraph: subgraphOf([], [], []) };
  return { understood: true, text: `${events.length} dated events, oldest first: ${joinSentences(events.map(eventPhrase), 12)}`, rows, subgraph: subgraphOf(rows, [], [], events.length > rows.length) };
}

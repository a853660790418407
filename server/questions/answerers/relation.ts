/**
 * Relation questions: "who negotiated what?", "who brokered the release?",
 * "who was released?", "who is married to X?", "X's spouse", "who leads X?",
 * "what did X say?", "which people crossed into X in September 2025?".
 * link/relations.ts selects the relations and the asked ends; this words them.
 */
import { datePhrase, formatDate } from '../read/dates.js';
import { isNumber } from '../read/tokens.js';
import type { Entity, Relation } from '../../domain/types.js';
import { indexEntities, presentTypes } from '../link/graph.js';
import { selectRelations } from '../link/relations.js';
import { MAX_ROWS, relationRow, subgraphOf } from '../compose/rows.js';
import { capitalise, claimFigure, firstQuote, joinSentences, listNames, measureStems, relationSentence, typeLabels } from '../compose/wording.js';
import type { IntentOf } from '../intent/intent.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';
import { throughEvents } from './meetings.js';

export type RelationIntent = IntentOf<'relation'>;

export async function answerRelation(ctx: AnswerContext, intent: RelationIntent): Promise<Draft> {
  const { vocabulary } = ctx;
  const linked = intent.links.map((l) => l.entity);
  // The meetings X took part in are looked up alongside the relations (two independent store reads).
  const asked = presentTypes(ctx, intent.types).present;
  const [selection, events] = await Promise.all([selectRelations(ctx, intent), asked.length ? throughEvents(ctx, asked, intent.links) : null]);
  const { present, absent, truncated, index, usedWords } = selection;
  let { relations, asked: answers } = selection;
  if (present.length === 0) {
    return {
      understood: true,
      text: `The graph holds no ${typeLabels(vocabulary, absent)} relations, so it cannot say${linked.length ? ` for ${listNames(linked.map((e) => e.name))}` : ''}.`,
      rows: [],
      subgraph: subgraphOf([], [], linked),
    };
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
  const shown = relations.slice(0, MAX_ROWS);
  const rows = shown.map((r) => relationRow(r, index));
  const subgraph = subgraphOf(rows, shown, linked, truncated || relations.length > shown.length);
  if (rows.length === 0) {
    return { understood: true, text: `The graph holds no ${typeLabels(vocabulary, present)} relation${describeScope(intent)}.`, rows, subgraph, ...(usedWords.length ? { usedWords } : {}) };
  }
  const quoting = present.some((t) => vocabulary.stemsOf([t]).has('said')) || rows.length <= 2 || !!useEvents;
  const sentences = shown.map((r) => {
    const s = relationSentence(r, index.get(r.from), index.get(r.to), vocabulary, index);
    const q = quoting ? firstQuote(r) : null;
    return q ? `${s}: ${q}` : s;
  });
  const head = intent.asksWhen ? datesHead(shown) : answers.length ? `${listNames(answers.map((e) => e.name))}.` : '';
  const origins = intent.origins?.length
    ? ` (The graph records where one went, not what one left: "${intent.verb.words}" read as "${typeLabels(vocabulary, present)}" anywhere but ${listNames(intent.origins.map((l) => l.entity.name))}.)`
    : '';
  const detail = `${joinSentences(sentences)}${origins}`;
  const used = figure ? [...usedWords, ...figure.words] : usedWords;
  return { understood: true, text: `${noFigure}${head} ${detail}`.trim(), detail, rows, subgraph, answers, ...(used.length ? { usedWords: used } : {}) };
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

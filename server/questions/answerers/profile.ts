/**
 * "Who is X?", "tell me about X", "X?": the entity's summary with its own
 * evidence, then its relations, and its neighbourhood for the page.
 */
import type { Entity } from '../../domain/types.js';
import { formatDate } from '../read/dates.js';
import type { Link } from '../link/entities.js';
import { indexEntities } from '../link/graph.js';
import { entityRow, relationRow, subgraphOf } from '../compose/rows.js';
import { firstQuote, joinSentences, kindWord, listNames, plural, relationSentence } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';

/** Relations listed in a profile. */
const PROFILE_RELATIONS = 40;

export async function answerProfile(ctx: AnswerContext, link: Link, preface = ''): Promise<Draft> {
  const e = link.entity;
  const relations = (await ctx.store.relationsOf([e.id])).get(e.id) ?? [];
  relations.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  const shown = relations.slice(0, PROFILE_RELATIONS);
  const index = await indexEntities(ctx.store, shown, [e]);
  const rows = [entityRow(e), ...shown.map((r) => relationRow(r, index))];
  const subgraph = subgraphOf(rows, shown, [e], relations.length > shown.length);

  const what = describe(e);
  const known = relations.length
    ? ` ${plural(relations.length, 'relation')}: ${joinSentences(shown.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index)), 6)}`
    : ' The graph holds no relations for it.';
  const alternatives = link.alternatives.length ? ` ("${link.matched}" may also mean ${listNames(link.alternatives.map((a) => a.name))}.)` : '';
  return { understood: true, text: `${preface}${what}${known}${alternatives}`, rows, subgraph };
}

/** "Mikola Statkevich (person): Veteran opposition politician." */
function describe(e: Entity): string {
  const date = e.date ? `, ${formatDate(e.date)}` : '';
  const about = e.summary ?? firstQuote(e) ?? '';
  return `${e.name} (${kindWord(e.kind)}${date})${about ? `: ${about.replace(/[.\s]+$/, '')}.` : '.'}`;
}

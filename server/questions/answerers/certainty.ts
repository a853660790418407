/**
 * Questions about how sure the articles are: "what do the sources disagree
 * on?", "what is unconfirmed?", "what did the US promise?". Read off the
 * evidence itself: figures the articles give different values for, relations
 * the articles support differently (one states, another only reports or
 * promises), and the relations and figures whose evidence is only reported
 * (UNCONFIRMED) or only promised (PLANNED). Across the whole story, or around
 * the entities the question names.
 */
import type { Certainty, Claim, Entity, Evidence } from '../../domain/types.js';
import { allEntities, allRelations, indexEntities } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { claimRow, MAX_ROWS, relationRow, subgraphOf } from '../compose/rows.js';
import { claimFigure, claimValue, joinSentences, listNames, plural, relationSentence, sourcesDiffer } from '../compose/wording.js';
import type { AnswerRow, Draft } from '../types.js';
import type { AnswerContext } from './context.js';

/** Words about the evidence itself, which such a question uses and no other reading does. */
const EVIDENCE_WORDS = new Set(['sources', 'source', 'articles', 'article', 'reports', 'reported', 'confirmed', 'verified', 'facts', 'fact', 'claims', 'claim', 'figures', 'figure', 'accounts', 'account']);

export type CertaintyAsked = 'disagree' | Extract<Certainty, 'UNCONFIRMED' | 'PLANNED'>;

const articlesOf = (evidence: readonly Evidence[]) => [...new Set(evidence.map((e) => e.article))].sort();

/** The figures of one entity that the articles give different values for, one sentence and one row per measure. */
function disagreeingFigures(e: Entity): { sentence: string; rows: AnswerRow[] }[] {
  const byMeasure = new Map<string, Claim[]>();
  for (const c of e.claims) byMeasure.set(c.measure.toLowerCase(), [...(byMeasure.get(c.measure.toLowerCase()) ?? []), c]);
  return [...byMeasure.values()]
    .filter((claims) => new Set(claims.map(claimValue)).size > 1)
    .map((claims) => ({
      sentence: `${claims[0]!.measure} (${e.name}): ${claims.map((c) => `${claimValue(c)} (${articlesOf(c.evidence).map((a) => `article ${a}`).join(', ')})`).join(', ')}`,
      rows: claims.map((c) => claimRow(e, c)),
    }));
}

const LEADS: Record<CertaintyAsked, { found: (n: number) => string; none: string }> = {
  disagree: { found: (n) => `The sources disagree on ${plural(n, 'point')}`, none: 'The articles do not disagree on any figure or relation the graph records' },
  UNCONFIRMED: { found: (n) => `Reported but unconfirmed in at least one article: ${plural(n, 'fact')}`, none: 'No fact in the graph is only reported as unconfirmed' },
  PLANNED: { found: (n) => `Promised or planned, not done when reported: ${plural(n, 'fact')}`, none: 'No fact in the graph is only promised or planned' },
};

export async function answerCertainty(ctx: AnswerContext, intent: IntentOf<'certainty'>): Promise<Draft> {
  const linked = intent.links.map((l) => l.entity);
  const ids = new Set(linked.map((e) => e.id));
  const scope = linked.length ? ` about ${listNames(linked.map((e) => e.name))}` : '';
  const [relations, entities] = linked.length
    ? [[...new Map([...(await ctx.store.relationsOf([...ids])).values()].flat().map((r) => [r.id, r])).values()], linked]
    : await Promise.all([allRelations(ctx.store, null).then((x) => x.relations), allEntities(ctx.store, null).then((x) => x.entities)]);

  const figures = intent.certainty === 'disagree'
    ? entities.flatMap(disagreeingFigures)
    : entities.flatMap((e) =>
        e.claims
          .filter((c) => c.evidence.some((ev) => ev.certainty === intent.certainty))
          .map((c) => ({ sentence: `${claimFigure(c)} (${e.name})`, rows: [claimRow(e, c)] })),
      );
  const chosen = relations
    .filter((r) => (intent.certainty === 'disagree' ? sourcesDiffer(r.evidence) : r.evidence.some((ev) => ev.certainty === intent.certainty)))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));

  const lead = LEADS[intent.certainty];
  const count = figures.length + chosen.length;
  const usedWords = ctx.reading.ignored.filter((w) => EVIDENCE_WORDS.has(w.toLowerCase()));
  if (count === 0) return { understood: true, usedWords, text: `${lead.none}${scope}.`, rows: [], subgraph: subgraphOf([], [], linked) };
  const shown = chosen.slice(0, Math.max(0, MAX_ROWS - figures.length));
  const index = await indexEntities(ctx.store, shown, linked);
  const rows = [...figures.flatMap((f) => f.rows), ...shown.map((r) => relationRow(r, index))].slice(0, MAX_ROWS);
  const sentences = [...figures.map((f) => f.sentence), ...shown.map((r) => relationSentence(r, index.get(r.from), index.get(r.to), ctx.vocabulary, index))];
  return {
    understood: true,
    usedWords,
    text: `${lead.found(count)}${scope}: ${joinSentences(sentences, 12)}`,
    rows,
    subgraph: subgraphOf(rows, shown, linked, count > rows.length),
  };
}

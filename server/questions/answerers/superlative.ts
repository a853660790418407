/**
 * "Who is the most connected person?", "which country appears most?", "who
 * said the most?": the entities of the asked kind ranked by their relations
 * (of the verb's types, when there is a verb) or by the articles that
 * mention them, the first ones named, ties together.
 */
import type { Entity, EntityKind, Relation } from '../../domain/types.js';
import { describedInCatalogue } from '../link/attributes.js';
import { presentTypes } from '../link/graph.js';
import type { IntentOf } from '../intent/intent.js';
import { entityRow, subgraphOf } from '../compose/rows.js';
import { firstQuote, kindWord, listNames, plural, typeLabels } from '../compose/wording.js';
import type { Draft } from '../types.js';
import type { AnswerContext } from './context.js';

/** Entities ranked and shown after the first. */
const RUNNERS_UP = 4;

export async function answerSuperlative(ctx: AnswerContext, intent: IntentOf<'superlative'>): Promise<Draft> {
  const kind: EntityKind | null = intent.kind ?? (ctx.reading.tokens[0]?.folded === 'who' ? 'Person' : null);
  const { present } = presentTypes(ctx, intent.types);
  // Ranked by relations alone, the store's own overview already holds the best connected first, at any size of graph.
  const byDegree = intent.measure === 'relations' && present.length === 0 && intent.attributes.length === 0;
  let candidates = byDegree
    ? (await ctx.store.graph({ kinds: kind ? [kind] : null, limit: RUNNERS_UP * 3 })).nodes
    : (await ctx.catalogue.entities()).filter((e) => !kind || e.kind === kind);
  if (intent.attributes.length) candidates = await describedInCatalogue(ctx.catalogue, candidates, intent.attributes);
  const many = kind ? kindWord(kind, 2) : 'entities';
  if (candidates.length === 0) return { understood: true, text: `The graph holds no ${many}${intent.attributes.length ? ` described as ${intent.attributes.join(' ')}` : ''} to rank.`, rows: [], subgraph: subgraphOf([], [], []) };

  let score: (e: Entity) => number;
  let unit: (n: number) => string;
  if (intent.measure === 'mentions') {
    const mentioned = await ctx.store.mentionedIn(candidates.map((e) => e.id));
    score = (e) => mentioned.get(e.id)?.length ?? 0;
    unit = (n) => `mentioned in ${plural(n, 'article')}`;
  } else if (present.length) {
    const byEntity = await ctx.store.relationsOf(candidates.map((e) => e.id), { types: present });
    // Only what the entity did ("who said the most": the speaker, not whom it was about); words said count each quote.
    const saying = (type: string) => ctx.vocabulary.stemsOf([type]).has('said');
    const acting = (r: Relation, id: string) => {
      const side = ctx.vocabulary.roles(r.type).agent;
      return side === null ? r.from === id || r.to === id : r[side] === id;
    };
    score = (e) => (byEntity.get(e.id) ?? []).filter((r) => acting(r, e.id)).reduce((n, r) => n + (saying(r.type) ? Math.max(1, r.evidence.length) : 1), 0);
    unit = (n) => (present.some(saying) ? plural(n, 'quoted statement') : plural(n, `${typeLabels(ctx.vocabulary, present)} relation`));
  } else {
    score = (e) => e.degree;
    unit = (n) => plural(n, 'relation');
  }
  const ranked = candidates.map((e) => ({ e, n: score(e) })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n || a.e.name.localeCompare(b.e.name));
  if (ranked.length === 0) return { understood: true, text: `None of the ${many} has any ${intent.measure === 'mentions' ? 'mention' : 'such relation'} in the graph.`, rows: [], subgraph: subgraphOf([], [], []) };

  const best = ranked.filter((x) => x.n === ranked[0]!.n);
  const next = ranked.slice(best.length, best.length + RUNNERS_UP);
  const shown = [...best, ...next].map((x) => x.e);
  const rows = shown.map((e) => entityRow(e));
  const quote = best.length === 1 ? firstQuote(best[0]!.e) : null;
  const head = `${listNames(best.map((x) => x.e.name))}, ${unit(ranked[0]!.n)}${best.length > 1 ? ' each' : ''}${quote ? `: ${quote}` : ''}.`;
  const rest = next.length ? ` Next: ${next.map((x) => `${x.e.name} (${x.n})`).join(', ')}.` : '';
  return { understood: true, text: `${head}${rest}`, rows, subgraph: subgraphOf(rows, [], shown), answers: best.map((x) => x.e), usedWords: intent.attributes };
}

/**
 * One hop before the question: "what did Tsikhanouskaya's husband say?",
 * "what did the president of Lithuania say?". A relation noun attached to a
 * name ("X's husband", "the president of X") is answered first and replaced
 * by the entity it names, when another relation verb is left to ask about.
 */
import { fold } from '../../domain/text.js';
import type { Entity } from '../../domain/types.js';
import { DETERMINERS } from '../read/tokens.js';
import type { VerbMatch } from '../read/vocabulary.js';
import type { Link } from './entities.js';
import type { GraphContext } from './graph.js';
import { relationVerbs, type Reading } from './reading.js';
import { selectRelations } from './relations.js';

interface Hop {
  link: Link;
  noun: VerbMatch;
  start: number;
  end: number;
}

function findHop(reading: Reading): Hop | null {
  const verbs = relationVerbs(reading);
  if (verbs.length < 2) return null;
  const { tokens } = reading;
  for (const link of reading.links) {
    // "X's husband"
    const after = verbs.find((v) => v.start === link.end);
    if (after && tokens[link.end - 1]?.possessive) return { link, noun: after, start: link.start, end: after.end };
    // "the president of X"
    const before = verbs.find((v) => {
      let i = v.end;
      if (tokens[i]?.folded !== 'of') return false;
      i += 1;
      if (tokens[i] && DETERMINERS.has(tokens[i]!.folded)) i += 1;
      return i === link.start && v.start > 0 && DETERMINERS.has(tokens[v.start - 1]!.folded);
    });
    if (before) return { link, noun: before, start: before.start - 1, end: link.end };
  }
  return null;
}

/** The reading with each hop replaced by the entity it names; unchanged when a hop finds nobody. */
export async function resolveHops(ctx: GraphContext): Promise<Reading> {
  let reading = ctx.reading;
  for (let guard = 0; guard < 3; guard++) {
    const hop = findHop(reading);
    if (!hop) return reading;
    const matched = reading.text.slice(reading.tokens[hop.start]!.start, reading.tokens[hop.end - 1]!.end);
    // "Trump's letter" may be the start of a name ("Trump's letter to Lukashenko"): the thing itself, not whom it went to.
    const named = await entityNamedBy(ctx, matched);
    const [found, ...others] = named ? [named] : await hopTargets(ctx, reading, hop);
    if (!found) return reading;
    const link: Link = { entity: found, start: hop.start, end: hop.end, matched, quality: hop.link.quality, alternatives: others };
    reading = {
      ...reading,
      links: reading.links.map((l) => (l === hop.link ? link : l)),
      verbs: reading.verbs.filter((v) => v !== hop.noun),
    };
  }
  return reading;
}

/** Whom a hop names: the entities the relation noun reaches from the name ("X's husband"). */
async function hopTargets(ctx: GraphContext, reading: Reading, hop: Hop): Promise<Entity[]> {
  const { relations, index, asked } = await selectRelations({ ...ctx, reading }, { verb: hop.noun, types: hop.noun.types, links: [hop.link], kind: null, time: null });
  if (asked.length) return asked;
  // When the relation runs the other way than the words put it ("X's ally" stored as X ally of Y), one relation still names the hop.
  const single = relations.length === 1 ? relations[0]! : null;
  return single ? [index.get(single.from), index.get(single.to)].filter((e): e is Entity => !!e && e.id !== hop.link.entity.id) : [];
}

/** An entity whose name or alias is these words, or begins with them as whole words. */
async function entityNamedBy(ctx: GraphContext, words: string): Promise<Entity | null> {
  const phrase = fold(words).trim();
  const begins = (name: string) => {
    const n = fold(name).trim();
    return n === phrase || n.startsWith(`${phrase} `);
  };
  const hits = await ctx.store.search(words, { first: 5 });
  return hits.find((e) => [e.name, ...(e.aliases ?? [])].some(begins)) ?? null;
}

/** A synthetic story of any size, deterministic for a given seed: for benchmarks only. */
import { RELATION_TYPE_NAMES } from '../server/domain/relation-types.js';
import { endKindProblem } from '../server/domain/story/rules.js';
import type { EntityKind, Story } from '../server/domain/types.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'sha', 'vel', 'dor', 'ne', 'ri', 'tsa', 'bo', 'gun', 'lia', 'zek', 'ha', 'ro', 'vi', 'esh', 'nau', 'stat', 'ko'];
const KINDS: EntityKind[] = ['Person', 'Person', 'Person', 'Organisation', 'Country', 'Event', 'Place'];

/** A small, fast, seeded generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function word(rand: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Words for summaries: a small vocabulary, as a real story's summaries share theirs. */
const SUMMARY_WORDS = ('journalist activist lawyer minister envoy prisoner leader spokesperson delegation opposition government ' +
  'released sentenced negotiated crossed deported arrested pardoned met announced confirmed criticised welcomed ' +
  'border capital embassy court prison talks sanctions election protest deal statement agreement release').split(' ');

/** A one-sentence summary naming the entity and another, from its own generator so names stay as they were. */
function summaryOf(name: string, other: string, rand: () => number): string {
  const pick = () => SUMMARY_WORDS[Math.floor(rand() * SUMMARY_WORDS.length)]!;
  return `${name}, ${pick()} and ${pick()}, ${pick()} ${other} after the ${pick()} ${pick()} in ${word(rand, 2)}.`;
}

export function syntheticStory(entities: number, relations: number, seed = 42): Story {
  const rand = random(seed);
  const summaries = random(seed + 1);
  const quote = 'Synthetic evidence for benchmarking only.';
  const evidence = [{ article: 'synthetic', quote, certainty: 'STATED' as const }];
  const story: Story = {
    articles: [{ id: 'synthetic', title: 'Synthetic article', text: quote }],
    entities: [],
    relations: [],
    mentions: [],
  };
  for (let i = 0; i < entities; i++) {
    const name = `${word(rand, 2)} ${word(rand, 3)}`;
    const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
    story.entities.push({
      id: `e${i}`,
      kind,
      name,
      aliases: rand() < 0.3 ? [`${word(rand, 2)} ${name.split(' ')[1]}`] : [],
      summary: null as string | null,
      date: kind === 'Event' ? `20${10 + Math.floor(rand() * 16)}-0${1 + Math.floor(rand() * 9)}` : null,
      evidence,
      claims: [],
    });
  }
  story.entities.forEach((e, i) => (e.summary = summaryOf(e.name, story.entities[(i * 7919 + 1) % entities]!.name, summaries)));
  // Preferential attachment, roughly: some entities are hubs, as in real stories.
  for (let i = 0; i < relations; i++) {
    const from = Math.floor(rand() * entities);
    const drawn = Math.floor(Math.pow(rand(), 2) * entities);
    const to = drawn === from ? (drawn + 1) % entities : drawn;
    story.relations.push({
      id: `r${i}`,
      type: fittingType(Math.floor(rand() * RELATION_TYPE_NAMES.length), story.entities[from]!.kind, story.entities[to]!.kind),
      from: `e${from}`,
      to: `e${to}`,
      date: null,
      note: null,
      evidence,
    });
  }
  for (let i = 0; i < Math.min(entities, 1000); i++) story.mentions.push({ article: 'synthetic', entity: `e${i}` });
  return story;
}

/** The drawn relation type, or the next one in the vocabulary whose rules allow these kinds at its ends (HOLDS needs a Position). */
function fittingType(drawn: number, fromKind: EntityKind, toKind: EntityKind): string {
  for (let i = 0; i < RELATION_TYPE_NAMES.length; i++) {
    const type = RELATION_TYPE_NAMES[(drawn + i) % RELATION_TYPE_NAMES.length]!;
    if (endKindProblem(type, fromKind, toKind) === null) return type;
  }
  throw new Error(`no relation type fits ${fromKind} -> ${toKind}`);
}

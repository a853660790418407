/**
 * The question engine in the API benchmark (bench/api.ts runs these beside
 * its other operations): `ask` in process (the raw pipeline over the store)
 * and as GraphQL over HTTP, p50/p95/p99.
 *
 * On the seed story the questions are the question tables of the tests
 * (every `q:` of tests/store/questions-*seed*.test.ts, read from the files so
 * they stay in step), cycled through. On a synthetic graph `ask` is not
 * timed here: its answerers read the graph's whole catalogue (all entities
 * and relations) for a question that finds nothing directly, about a second
 * a question at 100,000 relations (askOps(story, false, n, true) with
 * syntheticQuestions measures it), which would keep a million-relation run
 * going for hours.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config.js';
import type { Story } from '../server/domain/types.js';
import { createQuestionEngine, type QuestionEngine } from '../server/questions/index.js';
import type { GraphStore } from '../server/store/graph-store.js';

/** The goal of issue 12 for the seed story. */
export const ASK_P95_GOAL_MS = 50;

/** Shaped as bench/api.ts's operations. */
export interface AskOp {
  name: string;
  raw: (store: GraphStore, i: number) => Promise<unknown>;
  query: (i: number) => { query: string; variables: Record<string, unknown> };
}

const ASK = 'query($q: String!) { ask(question: $q) { understood text rows { subject { id name } relation object { id name } evidence { quote article { id } } } suggestions } }';

/** The question tables' questions, in file order. */
export function tableQuestions(dir = path.join(PROJECT_ROOT, 'tests', 'store')): string[] {
  const files = fs.readdirSync(dir).filter((f) => /^questions.*seed.*\.test\.ts$/.test(f)).sort();
  const out: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/\bq: (?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) out.push((m[1] ?? m[2]!).replace(/\\(.)/g, '$1'));
  }
  if (out.length === 0) throw new Error(`no questions found in ${dir} (looked for q: '...' in questions-*seed*.test.ts)`);
  return out;
}

/** Questions about a synthetic graph: its names and its summaries' words. */
export function syntheticQuestions(story: Story, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const e = story.entities[(i * 7919) % story.entities.length]!;
    const words = (e.summary ?? '').split(/\W+/).filter((w) => w.length > 4 && !e.name.includes(w));
    const templates = [`who is ${e.name}?`, `who negotiated with ${e.name}?`, `who met ${e.name}?`, `who ${words[0] ?? 'met'} ${words[1] ?? 'the envoy'}?`];
    out.push(templates[i % templates.length]!);
  }
  return out;
}

/** The `ask` operation: one engine per store opened (the vocabulary and catalogue it caches live with it). */
export function askOps(story: Story, seed: boolean, iterations: number, synthetic = false): AskOp[] {
  if (!seed && !synthetic) {
    console.error('[bench] ask: timed on the seed story (--seed); not on a synthetic graph (about a second a question at 100,000 relations; see bench/ask.ts)');
    return [];
  }
  const questions = seed ? tableQuestions() : syntheticQuestions(story, Math.min(iterations, 200));
  const engines = new WeakMap<GraphStore, QuestionEngine>();
  const engineOf = (store: GraphStore) => {
    let engine = engines.get(store);
    if (!engine) engines.set(store, (engine = createQuestionEngine(store)));
    return engine;
  };
  const question = (i: number) => questions[i % questions.length]!;
  return [
    {
      name: `ask (${questions.length} ${seed ? 'questions of the test tables' : 'questions from names and summaries'})`,
      raw: (store, i) => engineOf(store).ask(question(i)),
      query: (i) => ({ query: ASK, variables: { q: question(i) } }),
    },
  ];
}

/** The line of the goals paragraph for ask: p95 of the raw pipeline and over GraphQL. */
export function askGoal(name: string, rawP95: number, graphqlP95: number): string {
  const met = rawP95 <= ASK_P95_GOAL_MS;
  return `ask p95 <= ${ASK_P95_GOAL_MS} ms (raw pipeline): ${met ? 'met' : 'MISSED'} (${rawP95.toFixed(2)} ms; over GraphQL ${graphqlP95.toFixed(2)} ms; ${name}).`;
}

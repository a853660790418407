/**
 * Real traffic and a check of the graph over the API: the mix of queries the
 * page sends (search, neighbourhood, path, ask), and a fingerprint of the
 * whole graph as the API serves it, to compare before and after a fault.
 */
import { createHash } from 'node:crypto';
import type { Story } from '../../server/domain/types.js';
import { random } from '../../bench/synthetic.js';
import { QUESTIONS } from './target.js';

export const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-graphql-csrf': '1' };

export interface MixRequest {
  kind: 'search' | 'neighbourhood' | 'path' | 'ask';
  body: string;
}

const SEARCH = 'query($t: String!) { search(text: $t, first: 10) { id name kind aliases } }';
const NEIGHBOURHOOD = 'query($id: ID!, $d: Int) { neighbourhood(id: $id, depth: $d, limit: 500) { truncated nodes { id name kind degree } edges { id type label from { id } to { id } evidence { quote article { id } } } } }';
const PATH = 'query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { nodes { id name } edges { id type from { id } to { id } } } }';
const ASK = 'query($q: String!) { ask(question: $q) { understood text rows { subject { id } relation object { id } } suggestions } }';

/** `size` requests in a fixed, shuffled order: a quarter of each kind, over the story's own ids and names. */
export function realQueries(story: Story, size = 400, seed = 11): MixRequest[] {
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const ids = story.entities.map((e) => e.id);
  const names = story.entities.flatMap((e) => [e.name, ...e.aliases]);
  const out: MixRequest[] = [];
  for (let i = 0; i < size; i++) {
    switch (i % 4) {
      case 0: {
        const name = pick(names);
        out.push({ kind: 'search', body: JSON.stringify({ query: SEARCH, variables: { t: rand() < 0.5 ? name : name.slice(0, Math.max(3, Math.floor(name.length / 2))) } }) });
        break;
      }
      case 1:
        out.push({ kind: 'neighbourhood', body: JSON.stringify({ query: NEIGHBOURHOOD, variables: { id: pick(ids), d: rand() < 0.7 ? 1 : 2 } }) });
        break;
      case 2:
        out.push({ kind: 'path', body: JSON.stringify({ query: PATH, variables: { a: pick(ids), b: pick(ids) } }) });
        break;
      default:
        out.push({ kind: 'ask', body: JSON.stringify({ query: ASK, variables: { q: pick(QUESTIONS) } }) });
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function postGraphQL(url: string, body: string, timeoutMs = 30_000): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: HEADERS, body, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, text: await res.text() };
}

export async function query<T = any>(url: string, q: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { status, text } = await postGraphQL(url, JSON.stringify({ query: q, variables }));
  const json = JSON.parse(text) as { data?: T; errors?: unknown[] };
  if (status !== 200 || json.errors) throw new Error(`GraphQL answered ${status}: ${text.slice(0, 300)}`);
  return json.data!;
}

export interface GraphPrint {
  entities: number;
  relations: number;
  articles: number;
  /** sha256 of every entity and relation as the API serves them. */
  hash: string;
}

/** The whole graph through the API, page by page, reduced to counts and a hash. */
export async function graphFingerprint(url: string): Promise<GraphPrint> {
  const hash = createHash('sha256');
  const { stats } = await query<{ stats: { entities: number; relations: number; articles: number } }>(url, '{ stats { entities relations articles byKind { kind count } byRelationType { type count } } }');
  hash.update(JSON.stringify(stats));
  for (const [field, selection] of [
    ['entities', 'id kind name aliases summary date degree'],
    ['relations', 'id type date note from { id } to { id } evidence { quote article { id } }'],
  ] as const) {
    let after: string | null = null;
    for (;;) {
      const data: any = await query(url, `query($after: String) { ${field}(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${selection} } } } }`, { after });
      const page = data[field];
      hash.update(JSON.stringify(page.edges));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
  return { entities: stats.entities, relations: stats.relations, articles: stats.articles, hash: hash.digest('hex').slice(0, 16) };
}

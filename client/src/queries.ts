/**
 * The GraphQL documents the page sends and the shapes of their answers.
 * Field selections are shared fragments so every subgraph maps the same way.
 */
import type { GraphQLClient } from './api.js';

export type Kind = 'PERSON' | 'GROUP' | 'ORGANISATION' | 'POSITION' | 'COUNTRY' | 'EVENT' | 'PLACE';
export const KINDS: readonly Kind[] = ['PERSON', 'GROUP', 'ORGANISATION', 'POSITION', 'COUNTRY', 'EVENT', 'PLACE'];
/** How an article supports a fact (story format 2); absent from an API that predates it. */
export type Certainty = 'STATED' | 'ATTRIBUTED' | 'UNCONFIRMED' | 'PLANNED';

export interface EntityRef { id: string }
export interface ArticleRef { id: string; title: string; source?: string | null; url?: string | null }
export interface Evidence { quote: string; article: ArticleRef; certainty?: Certainty; accordingTo?: { id: string; name: string } | null }

/** An entity as the graph draws it. */
export interface EntityNode {
  id: string;
  kind: Kind;
  name: string;
  aliases: string[];
  degree: number;
  date: string | null;
}

/** A relation as the graph draws it; evidence only names the articles. */
export interface RelationEdge {
  id: string;
  type: string;
  label: string;
  date: string | null;
  note?: string | null;
  from: EntityRef;
  to: EntityRef;
  evidence: { article: EntityRef }[];
  certainty?: Certainty;
}

export interface Subgraph { nodes: EntityNode[]; edges: RelationEdge[]; truncated: boolean }
/** Positions the server laid out for a canvas of the page's size (the overview asks for them); null above a story-sized scene. */
export interface SubgraphLayout { labelScale: number; positions: { id: string; x: number; y: number }[] }
/** The size of the graph's canvas in CSS pixels. */
export interface CanvasSize { width: number; height: number }

/** A relation with every quote that states it (the steps of a path). */
export interface QuotedEdge extends RelationEdge { evidence: Evidence[] }
/** A shortest path, each step with its quotes: the path panel needs no other request. */
export interface PathFound extends Subgraph { edges: QuotedEdge[] }

export interface Claim { measure: string; value: number; qualifier: string | null; evidence: Evidence[] }

export interface RelationDetail {
  id: string;
  type: string;
  label: string;
  date: string | null;
  note: string | null;
  from: EntityNode;
  to: EntityNode;
  evidence: Evidence[];
  certainty?: Certainty;
}

/** An entity named in a statement's chain (speaker, subject, relayer). */
export interface NamedEntity { id: string; kind: Kind; name: string }

/** What someone said (story format 2): the words, when, through what, relayed by whom, and the passages that report it. */
export interface Statement {
  id: string;
  words: string;
  date: string | null;
  channel: string | null;
  speaker: NamedEntity;
  about: NamedEntity[];
  reportedBy: NamedEntity[];
  evidence: Evidence[];
}

export interface EntityDetail extends EntityNode {
  summary: string | null;
  claims: Claim[];
  evidence: Evidence[];
  mentionedIn: ArticleRef[];
  relations: RelationDetail[];
  /** What this entity said; absent from an API that predates statements. */
  statements?: Statement[];
  /** What others (and it) said about this entity; absent from an API that predates statements. */
  statementsAbout?: Statement[];
}

export interface Article extends ArticleRef { text: string }

/** A sentence (or a quote over a sentence break) of an article that full-text search found. */
export interface PassageHit {
  /** Where it is: `article:start-end`. */
  id: string;
  text: string;
  start: number;
  end: number;
  article: ArticleRef;
  /** The entities it mentions, the one it is most about first. */
  entities: EntityNode[];
  /** The query's words it holds (folded), for marking them. */
  matched: string[];
}

export interface RelationTypeInfo { type: string; label: string; description: string; count: number }
export interface Stats { entities: number; relations: number; articles: number }

export interface Answer {
  question: string;
  understood: boolean;
  text: string;
  suggestions: string[];
  interpretation: { intent: string; relationTypes: string[]; entities: { matched: string; entity: EntityRef & { name: string } }[] } | null;
  rows: { subject: (EntityRef & { name: string }) | null; relation: string | null; object: (EntityRef & { name: string }) | null; evidence: Evidence[] }[];
  subgraph: Subgraph;
}

const NODE = 'id kind name aliases degree date';
const EDGE = 'id type label date note from { id } to { id } evidence { article { id } }';
const SUBGRAPH = `nodes { ${NODE} } edges { ${EDGE} } truncated`;
const EVIDENCE = 'quote article { id title source url }';
/** A path's relations come with their quotes, so the path panel draws once, from one request. */
const QUOTED_EDGE = `id type label date note from { id } to { id } evidence { ${EVIDENCE} }`;
const NAMED = 'id kind name';
const STATEMENT = `id words date channel speaker { ${NAMED} } about { ${NAMED} } reportedBy { ${NAMED} } evidence { ${EVIDENCE} }`;
/** Where statements go in a document; a comment, so an API without statements is asked without them. */
const OWN_STATEMENTS = '# statements made';
const STATEMENTS_ABOUT = '# statements about';
/**
 * Version 2 of the API adds how sure each fact is and statements; these
 * replace the plain selections when it has them (statements first: the
 * evidence they bring in is upgraded by the pair after them).
 */
const V2: readonly [string, string][] = [
  [OWN_STATEMENTS, `statements { ${STATEMENT} }`],
  [STATEMENTS_ABOUT, `statementsAbout: statements(about: $id, first: 200) { ${STATEMENT} }`],
  [EDGE, `${EDGE} certainty`],
  [EVIDENCE, `${EVIDENCE} certainty accordingTo { id name }`],
  ['note from { id } to { id } evidence { quote', 'note certainty from { id } to { id } evidence { quote'],
  ['relations(first: 200) { id type label date note from', 'relations(first: 200) { certainty id type label date note from'],
  ['relation(id: $id) { id type', 'relation(id: $id) { certainty id type'],
];

/** A document with the version-2 fields, when the API has them. */
export function withCertainty(document: string): string {
  return V2.reduce((d, [plain, v2]) => d.split(plain).join(v2), document);
}

/** True when the API refused a document for a version-2 field it does not know (an older server). */
export function isMissingV2Field(message: string): boolean {
  return /Cannot query field "(certainty|accordingTo|statements)"/.test(message);
}

export const OVERVIEW = `query Overview($limit: Int, $width: Int = 1280, $height: Int = 800) {
  graph(limit: $limit) { ${SUBGRAPH} layout(width: $width, height: $height) { labelScale positions { id x y } } }
  stats { entities relations articles }
  relationTypeInfo { type label description count }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $limit: Int) {
  neighbourhood(id: $id, depth: 1, limit: $limit) { ${SUBGRAPH} }
}`;

/** One entity with its relations, so a node added on its own brings its edges. */
export const ENTITY_NODE = `query EntityNode($id: ID!) {
  entity(id: $id) { ${NODE} relations(first: 200) { ${EDGE} } }
}`;

export const ENTITY_DETAIL = `query EntityDetail($id: ID!) {
  entity(id: $id) {
    ${NODE} summary
    claims { measure value qualifier evidence { ${EVIDENCE} } }
    evidence { ${EVIDENCE} }
    mentionedIn { id title source url }
    relations(first: 200) { id type label date note from { ${NODE} } to { ${NODE} } evidence { ${EVIDENCE} } }
    ${OWN_STATEMENTS}
  }
  ${STATEMENTS_ABOUT}
}`;

export const RELATION_DETAIL = `query RelationDetail($id: ID!) {
  relation(id: $id) { id type label date note from { ${NODE} } to { ${NODE} } evidence { ${EVIDENCE} } }
}`;

/** What one speaker said about one subject: the statements behind a SAID edge (from the speaker to the subject). */
export const SPEAKER_STATEMENTS = `query SpeakerStatements($from: ID!, $to: ID!) {
  statements(speaker: $from, about: $to, first: 100) { ${STATEMENT} }
}`;

export const ARTICLE = `query Article($id: ID!) { article(id: $id) { id title source url text } }`;

export const SEARCH = `query Search($text: String!) { search(text: $text, first: 8) { ${NODE} } }`;

/** Sentences of the articles (not the curators' summaries: the search box quotes the articles). */
export const PASSAGES = `query Passages($text: String!) { passages(text: $text, first: 5, kinds: [SENTENCE, QUOTE]) { text start end matched article { id title } entities { ${NODE} } } }`;

export const SHORTEST_PATH = `query ShortestPath($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to, maxLength: 8) { nodes { ${NODE} } edges { ${QUOTED_EDGE} } truncated }
}`;

export const TIMELINE = `query Timeline { timeline { ${NODE} } }`;

export const RELATION_QUOTES = `query RelationQuotes($after: String) {
  relations(first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id evidence { ${EVIDENCE} } } } }
}`;

export const ASK = `query Ask($question: String!) {
  ask(question: $question) {
    question understood text suggestions
    interpretation { intent relationTypes entities { matched entity { id name } } }
    rows { subject { id name } relation object { id name } evidence { ${EVIDENCE} } }
    subgraph { ${SUBGRAPH} }
  }
}`;

/** The typed calls the page makes; each returns the unwrapped field. */
export function createExplorerApi(plain: GraphQLClient) {
  // Ask with version-2 fields; an API without them answers a validation error once, and the page asks plainly from then on.
  let v2 = true;
  const request: GraphQLClient = async <T>(query: string, variables?: Record<string, unknown>) => {
    if (!v2) return plain<T>(query, variables);
    try {
      return await plain<T>(withCertainty(query), variables);
    } catch (err) {
      if (!(err instanceof Error) || !isMissingV2Field(err.message)) throw err;
      v2 = false;
      return plain<T>(query, variables);
    }
  };
  return {
    overview: (limit: number, canvas?: CanvasSize) =>
      request<{ graph: Subgraph & { layout?: SubgraphLayout | null }; stats: Stats; relationTypeInfo: RelationTypeInfo[] }>(OVERVIEW, { limit, ...canvas }),
    neighbourhood: async (id: string, limit: number) => (await request<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, { id, limit })).neighbourhood,
    entityNode: async (id: string) => (await request<{ entity: (EntityNode & { relations: RelationEdge[] }) | null }>(ENTITY_NODE, { id })).entity,
    entity: async (id: string) => {
      // What others said about it is a top-level field beside the entity; the panel reads both from the entity.
      const r = await request<{ entity: EntityDetail | null; statementsAbout?: Statement[] }>(ENTITY_DETAIL, { id });
      return r.entity && (r.statementsAbout ? { ...r.entity, statementsAbout: r.statementsAbout } : r.entity);
    },
    relation: async (id: string) => (await request<{ relation: RelationDetail | null }>(RELATION_DETAIL, { id })).relation,
    article: async (id: string) => (await request<{ article: Article | null }>(ARTICLE, { id })).article,
    /** What `speaker` said about `about` (the statements behind a SAID edge); empty from an API without statements. */
    saidAbout: async (speaker: string, about: string): Promise<Statement[]> => {
      try {
        return (await request<{ statements: Statement[] }>(SPEAKER_STATEMENTS, { from: speaker, to: about })).statements;
      } catch (err) {
        if (err instanceof Error && isMissingV2Field(err.message)) return [];
        throw err;
      }
    },
    search: async (text: string) => (await request<{ search: EntityNode[] }>(SEARCH, { text })).search,
    passages: async (text: string) =>
      (await request<{ passages: Omit<PassageHit, 'id'>[] }>(PASSAGES, { text })).passages.map((p) => ({ ...p, id: `${p.article.id}:${p.start}-${p.end}` })),
    shortestPath: async (from: string, to: string) => (await request<{ shortestPath: PathFound | null }>(SHORTEST_PATH, { from, to })).shortestPath,
    timeline: async () => (await request<{ timeline: EntityNode[] }>(TIMELINE)).timeline,
    /** Every relation's quotes, page by page (the table's quote column). */
    relationQuotes: async () => {
      const quotes = new Map<string, Evidence[]>();
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const r: { relations: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; evidence: Evidence[] } }[] } } = await request(RELATION_QUOTES, { after });
        for (const e of r.relations.edges) quotes.set(e.node.id, e.node.evidence);
        if (!r.relations.pageInfo.hasNextPage) break;
        after = r.relations.pageInfo.endCursor;
      }
      return quotes;
    },
    ask: async (question: string) => (await request<{ ask: Answer }>(ASK, { question })).ask,
  };
}

export type ExplorerApi = ReturnType<typeof createExplorerApi>;

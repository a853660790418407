/**
 * The shapes the question engine speaks: the engine itself, the Answer
 * handed to the resolver (contract.graphql `Answer`, plus `interpretation`),
 * and the Draft an answerer returns. The stages are the folders (index.ts).
 */
import type { Entity, Evidence, Relation, Subgraph } from '../domain/types.js';
import type { IntentName } from './intent/intent.js';

/** The engine as the API sees it. */
export interface QuestionEngine {
  ask(question: string): Promise<Answer>;
}

export interface AnswerRow {
  subject: Entity | null;
  /** A relation type (NEGOTIATED), or a short phrase for rows that are not relations (a claimed figure). */
  relation: string | null;
  object: Entity | null;
  evidence: Evidence[];
  /** The stored relation this row shows, when it is one (for the page to highlight). */
  relationId?: string | null;
  /** The relation's date, when it has one. */
  date?: string | null;
}

export type { IntentName };

export interface LinkedEntity {
  id: string;
  name: string;
  /** The words of the question that were linked to this entity. */
  matched: string;
  /** Other entities the same words could mean, best first (so a user can correct the link). */
  alternatives?: { id: string; name: string }[];
}

/** How the question was read, so users can trust or correct it. */
export interface Interpretation {
  intent: IntentName;
  entities: LinkedEntity[];
  relationTypes: string[];
  /** ISO dates (YYYY, YYYY-MM, YYYY-MM-DD; --MM for a month of any year) read from the question. */
  dates: string[];
  /** Entity kind the question asks for ("which countries"), if any. */
  kind: string | null;
  /** Content words the engine did not use. */
  ignored: string[];
}

export interface Answer {
  question: string;
  understood: boolean;
  text: string;
  rows: AnswerRow[];
  subgraph: Subgraph;
  suggestions: string[];
  interpretation: Interpretation;
}

/** What an answerer returns; the engine adds the question and the interpretation. */
export interface Draft {
  understood: boolean;
  text: string;
  rows: AnswerRow[];
  subgraph: Subgraph;
  suggestions?: string[];
  /** The text without its leading answer, when the answerer has one (for composing). */
  detail?: string;
  /** Question words the answerer used beyond the reading (a claim's measure): not reported as unused. */
  usedWords?: string[];
  /** The entities that answer "who"/"what", when the answerer knows them (for counting). */
  answers?: Entity[];
}

export type { Entity, Evidence, Relation, Subgraph };

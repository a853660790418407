/**
 * The question engine: plain-English questions answered from the graph,
 * deterministically, with the evidence quotes, and no language model. Its
 * stages are its folders, each using only the ones before it:
 *
 *   read/       tokens, dates, the verb vocabulary          (no graph)
 *   link/       names to entities (store.search), hops      ("the president of X")
 *   intent/     which shape of question this is             (pure)
 *   answerers/  one answerer per intent, in one typed table
 *   compose/    rows, wording, suggestions, the Answer
 *
 * It reaches data only through the GraphStore and knows no story: the
 * verbs come from the relation-type table and the graph's own types, the
 * names from the graph. A question it cannot read gets `understood: false`,
 * a sentence saying why, and suggestions built from the graph; never an
 * exception, never a guess presented as an answer.
 */
import type { GraphStore } from '../store/graph-store.js';
import { range, readQuestion } from './read/reading.js';
import { createVocabulary, type Vocabulary } from './read/vocabulary.js';
import { createCatalogue } from './link/catalogue.js';
import { distinctLinks, linkEntities } from './link/entities.js';
import { storePassages, type PassageSource } from './link/passages.js';
import { resolveHops } from './link/hops.js';
import { completeReading } from './link/reading.js';
import { classify } from './intent/intent.js';
import type { AnswerContext } from './answerers/context.js';
import { answerIntent } from './answerers/table.js';
import { composeAnswer, refusal } from './compose/answer.js';
import { suggest } from './compose/suggestions.js';
import type { QuestionEngine } from './types.js';

export type { Answer, AnswerRow, Interpretation, QuestionEngine } from './types.js';

export interface QuestionEngineOptions {
  /**
   * Longest question read, in characters; longer ones are refused politely.
   * @default 500
   */
  maxLength?: number;
  /**
   * Where the answer of last resort finds passages.
   * @default the store's full-text passage index (link/passages.ts)
   */
  passages?: PassageSource;
}

export function createQuestionEngine(store: GraphStore, { maxLength = 500, passages }: QuestionEngineOptions = {}): QuestionEngine {
  // The vocabulary depends only on the graph's relation types: rebuilt when they change.
  let cached: { key: string; vocabulary: Vocabulary } | null = null;
  const vocabularyFor = (types: string[]) => {
    const key = types.join('|');
    if (cached?.key !== key) cached = { key, vocabulary: createVocabulary(types) };
    return cached.vocabulary;
  };

  const catalogue = createCatalogue(store);
  const passageSource = passages ?? storePassages(store);

  return {
    async ask(question) {
      const asked = typeof question === 'string' ? question : '';
      const graphTypes = await store.relationTypes();
      const vocabulary = vocabularyFor(graphTypes);
      if (asked.length > maxLength) {
        return refusal(asked, `The question is too long (${asked.length} characters; at most ${maxLength}). Ask one thing at a time.`, await suggest(store, vocabulary));
      }

      // read
      const pre = readQuestion(asked, vocabulary);
      // link
      const exclude = new Set(pre.dates.flatMap((d) => range(d.start, d.end)));
      const verbTokens = new Set(pre.verbs.flatMap((v) => range(v.start, v.end)));
      const links = pre.tokens.length ? await linkEntities(store, pre.text, pre.tokens, { exclude, verbTokens }) : [];
      const linked = { store, catalogue, passages: passageSource, vocabulary, graphTypes: new Set(graphTypes), reading: completeReading(pre, links, vocabulary) };
      const reading = await resolveHops(linked);
      const ctx: AnswerContext = { ...linked, reading };
      // intent
      const intent = classify(reading);
      // answer
      const answered = await answerIntent(ctx, intent);
      // compose
      const { draft } = answered;
      const about = distinctLinks(reading.links).map((l) => l.entity);
      const suggestions = draft.suggestions ?? (!draft.understood || draft.rows.length === 0 ? await suggest(store, vocabulary, about) : []);
      return composeAnswer({ question: asked, reading, draft, intent: answered.intent ?? intent, links: answered.links ?? reading.links, suggestions });
    },
  };
}

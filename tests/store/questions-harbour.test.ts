/**
 * The question engine on a second, invented story (tests/fixtures/harbour):
 * the same shapes of question as on the seed, with other names, other
 * relations and other dates. Proves nothing about the first story is
 * written into server/questions/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROJECT_ROOT } from '../../server/config.js';
import { createQuestionEngine, type QuestionEngine } from '../../server/questions/index.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { HARBOUR, seededStore } from '../support/graph.js';
import { expectAnswer, type QuestionCase } from '../support/questions.js';



const CASES: QuestionCase[] = [
  // open relation questions
  { q: 'who negotiated what?', intent: 'relation', answer: ['ferryworkers-guild', 'calloway-shipping', 'strike-deal'] },
  { q: 'WHO NEGOCIATED WHAT', intent: 'relation', answer: ['ferryworkers-guild', 'calloway-shipping'] },
  { q: 'Who brokered the deal?', linked: ['strike-deal'], answer: ['idris-okonkwo-lind'], text: /^Idris Okonkwo-Lind\./ },
  { q: 'who mediated the deal', answer: ['idris-okonkwo-lind'] },
  { q: 'who crossed into Port Ansel?', linked: ['port-ansel'], answer: ['tomas-zelazny'] },
  { q: 'who said what about the deal?', answer: ['marta-zelazna', 'strike-deal'], text: /fair day's wage/ },
  { q: 'who thanked the mayor?', linked: ['idris-okonkwo-lind'], answer: ['marta-zelazna'] },
  { q: 'who was released?', intent: 'relation', text: /holds no "released by" or "released in" relations/ },
  // one entity
  { q: 'who is Zelazny?', intent: 'profile', linked: ['tomas-zelazny'], answer: ['tomas-zelazny', 'marta-zelazna'] },
  { q: 'tell me about the Portvale Gazette', intent: 'profile', answer: ['portvale-gazette', 'ferry-strike'] },
  { q: 'who is Okonkvo-Lind?', intent: 'profile', linked: ['idris-okonkwo-lind'] },
  { q: 'who is married to Marta Zelazna?', answer: ['tomas-zelazny'], text: /^Tomas Zelazny\./ },
  { q: "Marta's spouse", answer: ['tomas-zelazny'] },
  { q: "Tomas Zelazny's wife", text: /^Marta Żelazná\./ },
  { q: 'who leads the Guild?', linked: ['ferryworkers-guild'], text: /^Marta Żelazná\./ },
  { q: 'who heads calloway shipping', text: /^Edwin Calloway\./ },
  { q: 'what did Marta Żelazná say?', answer: ['strike-deal'], text: /fair day's wage/ },
  { q: 'what did marta zelazna say', linked: ['marta-zelazna'], answer: ['strike-deal'] },
  { q: "what did the guild's leader say?", linked: ['marta-zelazna'], answer: ['strike-deal'] },
  // A body that says nothing itself: what its leader (an affiliation relation pointing at it) said, and why she counts.
  { q: 'What did the Guild say?', intent: 'relation', answer: ['marta-zelazna'], text: /^The graph has no "said about" relation with Ferryworkers' Guild as the speaker; Marta Żelazná speaks or acts for it \(Marta Żelazná leads Ferryworkers' Guild\): Marta Żelazná said about Ferry strike deal: / },
  { q: 'What did Calloway Shipping say?', intent: 'relation', text: /^The graph holds no "said about" relation involving Calloway Shipping Company\.$/ },
  // two entities
  { q: 'how is Tomas Zelazny connected to Calloway Shipping Company?', intent: 'path', answer: ['tomas-zelazny', 'calloway-shipping'] },
  { q: 'did the Guild negotiate with Calloway Shipping?', intent: 'relation-check', answer: ['strike-deal'], text: /^Not directly/ },
  { q: 'did Marta negotiate with Edwin Calloway?', intent: 'relation-check', text: /^Not that the articles say: the graph has no "negotiated" relation/ },
  // "leave X": the graph records where one went; where one went elsewhere answers, never a bare no
  { q: 'did Zelazny leave Portvale?', intent: 'relation-check', answer: ['tomas-zelazny', 'port-ansel'], text: /^Not answered as asked: the graph records where one went, not what one left \("leave" read as "crossed into" anywhere but Portvale\)\. It holds: Tomas Zelazny crossed into Port Ansel/ },
  // "negotiated with X" where X negotiated a deal: the others who negotiated it, said as the graph holds it
  // "what did X say?" with no statement: the sentences that have X speak, quoted as written
  { q: 'what did Calloway say?', text: /^The graph holds no "said about" relation involving Edwin Calloway; the articles have "Calloway" speak: “Calloway said the company had negotiated in good faith\.” \(article h001\)\.$/ },
  { q: 'who negotiated with the Guild?', answer: ['calloway-shipping'], text: /^Calloway Shipping Company also negotiated Ferry strike deal\. / },
  { q: 'when did Okonkwo-Lind negotiate with Edwin Calloway?', text: /^The graph has no "negotiated" relation between Idris Okonkwo-Lind and Edwin Calloway, so it cannot say when\./ },
  // time
  { q: 'what happened on 3 March 2031?', intent: 'on-date', answer: ['strike-deal', 'idris-okonkwo-lind'], not: ['first-ferry-crossing'] },
  { q: 'What happened on March 4, 2031', intent: 'on-date', answer: ['first-ferry-crossing', 'tomas-zelazny'] },
  { q: 'what happened in March 2031?', answer: ['ferry-strike', 'strike-deal', 'first-ferry-crossing'] },
  { q: 'what happened before the deal?', intent: 'before', answer: ['ferry-strike'], not: ['first-ferry-crossing'] },
  { q: 'what happened after the strike?', intent: 'after', answer: ['strike-deal'] },
  { q: 'when did the strike deal happen?', intent: 'when', text: /3 March 2031/ },
  // counts and lists
  { q: 'how many workers were on strike?', intent: 'count', answer: ['ferry-strike'], text: /disagree.*about 300.*340/ },
  { q: 'how many people crossed into Port Ansel?', intent: 'count', answer: ['tomas-zelazny'], text: /state no figure/ },
  { q: 'which organisations are involved?', intent: 'list', answer: ['ferryworkers-guild', 'calloway-shipping', 'portvale-gazette'], text: /^3 organisations: [^.]*Ferryworkers' Guild/ },
  // refused
  { q: 'who is Napoleon?', understood: false, text: /"Napoleon"/ },
  { q: 'what is the weather in paris?', understood: false },
  { q: 'asdf qwer', understood: false },
  { q: '', understood: false, text: /empty/ },
];

describe('questions about the harbour story', () => {
  let store: GraphStore;
  let engine: QuestionEngine;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await seededStore(HARBOUR));
    engine = createQuestionEngine(store);
  });
  afterAll(() => cleanup());

  it.each(CASES.map((c) => [c.q, c] as const))('answers "%s"', async (_q, c) => {
    expectAnswer(await engine.ask(c.q), c);
  });

  it('shows how it read the question: intent, linked names and the words they came from', async () => {
    const a = await engine.ask('Who brokered the deal?');
    expect(a.interpretation).toMatchObject({
      intent: 'relation',
      relationTypes: ['BROKERED_BY'],
      entities: [{ id: 'strike-deal', name: 'Ferry strike deal', matched: 'deal' }],
    });
  });

  it('names the other entities an ambiguous name may mean', async () => {
    const a = await engine.ask('who is calloway');
    expect(a.interpretation.entities[0]).toMatchObject({ id: 'edwin-calloway', alternatives: [{ id: 'calloway-shipping' }] });
    expect(a.text).toContain('may also mean Calloway Shipping Company');
  });

  it('keeps every conflicting figure with its own article', async () => {
    const a = await engine.ask('how many strikers were there?');
    expect(a.rows.map((r) => [r.relation, r.evidence[0]?.article])).toEqual([
      ['about 300 workers on strike', 'h001'],
      ['340 workers on strike', 'h002'],
    ]);
  });

  it('builds suggestions from this graph: its names, its relation types, its dates', async () => {
    const { suggestions } = await engine.ask('who is Napoleon?');
    expect(suggestions.join(' | ')).toMatch(/Marta Żelazná|Calloway|Tomas Zelazny/);
    expect(suggestions).toContain('Who negotiated what?');
    expect(suggestions.some((s) => s.includes('2031'))).toBe(true);
    for (const s of suggestions) expect((await engine.ask(s)).understood).toBe(true);
  });

  it('refuses an overlong question politely', async () => {
    const a = await engine.ask(`who ${'is '.repeat(300)}Marta?`);
    expect(a).toMatchObject({ understood: false, rows: [] });
    expect(a.text).toMatch(/too long/);
  });

  it('has nothing of the first story written into the question code', () => {
    const dir = path.join(PROJECT_ROOT, 'server', 'questions');
    const words = /belarus|lithuania|lukashenk|tsikhanou|statkevich|minsk|vilnius|prisoner|belavia|coale|trump|losik|nauseda/i;
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\/\*\*?[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ file, found: source.match(words)?.[0] ?? null }).toEqual({ file, found: null });
    }
  });
});

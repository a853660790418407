/**
 * Questions, version 2, on the harbour story with its aftermath
 * (tests/fixtures/harbour and tests/fixtures/harbour-aftermath): the
 * same kinds of question as on the seeded story, with other names, other
 * relations and hedged evidence (attributed, unconfirmed, promised, and
 * sources that differ), at least ten phrasings each, every one asserting
 * the entities and the quote the answer carries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strongestCertainty } from '../../server/domain/types.js';
import { createQuestionEngine, type QuestionEngine } from '../../server/questions/index.js';
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { expectAnswer, readHarbourWithAftermath, type QuestionCase } from '../support/questions.js';

const CROSSING = 'crossed into Port Ansel on Tuesday, March 4, 2031';
const BACK_PAY = 'The Ferryworkers\' Guild agreed to end the strike in return for back pay for every striker';
const REBATE = 'will also receive a harbour tax rebate from the city in exchange for keeping all ferry routes open';
const CITY_HALL = 'The mayor met Edwin Calloway at City Hall';

const TABLES: Record<string, QuestionCase[]> = {
  'verbs the vocabulary lacks': [
    { q: 'who left Portvale?', answer: ['tomas-zelazny', 'port-ansel'], text: /where one went, not what one left/, quote: CROSSING },
    { q: 'who quit Portvale?', answer: ['tomas-zelazny'], quote: CROSSING },
    { q: 'who departed Portvale?', answer: ['tomas-zelazny'], quote: CROSSING },
    { q: 'who exited Portvale?', answer: ['tomas-zelazny'], quote: CROSSING },
    { q: 'who reached Port Ansel?', answer: ['tomas-zelazny'], text: /^Tomas Zelazny\./, quote: CROSSING },
    { q: 'who sailed into Port Ansel?', answer: ['tomas-zelazny'], text: /^Tomas Zelazny\./, quote: CROSSING },
    { q: 'who haggled over the deal?', answer: ['ferryworkers-guild', 'calloway-shipping'], quote: 'Calloway said the company had negotiated in good faith.' },
    { q: 'who facilitated the deal?', text: /^Idris Okonkwo-Lind\./, quote: 'Mayor Idris Okonkwo-Lind brokered a deal' },
    { q: 'who struck the deal?', text: /^Idris Okonkwo-Lind\./, quote: 'Mayor Idris Okonkwo-Lind brokered a deal' },
    { q: 'who governs Portvale?', text: /^Idris Okonkwo-Lind\./, quote: 'Mayor Idris Okonkwo-Lind told the Portvale Gazette' },
    { q: 'who chairs the Guild?', text: /^Marta Żelazná\./, quote: 'Guild leader Marta Żelazná' },
    { q: 'who is the boss of Calloway Shipping?', text: /^Edwin Calloway\./, quote: 'led by Edwin Calloway' },
    { q: 'who wedded Marta?', text: /^Tomas Zelazny\./, quote: 'Her husband, Tomas Zelazny' },
  ],
  'two hops': [
    { q: 'who is married to the leader of the Guild?', linked: ['marta-zelazna'], text: /^Tomas Zelazny\./, quote: 'Her husband, Tomas Zelazny' },
    { q: 'who is the husband of the leader of the Guild?', linked: ['marta-zelazna'], text: /^Tomas Zelazny\./, quote: 'Her husband, Tomas Zelazny' },
    { q: "what did the guild's leader say?", linked: ['marta-zelazna'], answer: ['strike-deal'], quote: "a fair day's wage at last" },
    { q: 'what did the leader of the Guild say?', linked: ['marta-zelazna'], answer: ['back-pay'], quote: 'the reason we went back to work' },
    { q: 'what did the wife of Tomas Zelazny say?', linked: ['marta-zelazna'], answer: ['strike-deal'], quote: "a fair day's wage at last" },
    { q: "what did Tomas Zelazny's wife say?", linked: ['marta-zelazna'], answer: ['back-pay'], quote: 'the reason we went back to work' },
    { q: "who does the husband of Marta Żelazná's wife lead?", text: /^Ferryworkers' Guild\./, quote: 'Guild leader Marta Żelazná' },
    { q: 'who thanked the leader of Portvale?', linked: ['idris-okonkwo-lind'], answer: ['marta-zelazna', 'edwin-calloway'], quote: 'thanked Mayor Okonkwo-Lind for his mediation' },
    { q: 'who met the leader of Calloway Shipping?', linked: ['edwin-calloway'], answer: ['idris-okonkwo-lind'], quote: CITY_HALL },
    { q: 'who met the wife of Tomas Zelazny?', linked: ['marta-zelazna'], answer: ['edwin-calloway', 'idris-okonkwo-lind'], quote: 'Marta Żelazná joined the City Hall meeting' },
  ],
  superlatives: [
    { q: 'who is the most connected person?', intent: 'superlative', answer: ['idris-okonkwo-lind', 'marta-zelazna'], text: /^Idris Okonkwo-Lind, \d+ relations/, quote: 'Guild leader Marta Żelazná said' },
    { q: 'who is the best connected person?', intent: 'superlative', answer: ['marta-zelazna'], quote: 'Mayor Idris Okonkwo-Lind brokered a deal' },
    { q: 'which organisation is the best connected?', intent: 'superlative', answer: ['calloway-shipping', 'ferryworkers-guild'], text: /^Calloway Shipping Company, \d+ relations/, quote: "between the Ferryworkers' Guild and the Calloway Shipping Company" },
    { q: 'which country appears most?', intent: 'superlative', text: /^Norland, mentioned in 2 articles/, quote: 'Portvale is the largest port of Norland.' },
    { q: 'which country is mentioned most?', intent: 'superlative', text: /^Norland,/, quote: 'Portvale is the largest port of Norland.' },
    { q: 'which place appears most?', intent: 'superlative', text: /^Portvale, mentioned in/, quote: 'The three-week ferry strike in Portvale' },
    { q: 'which organisation appears most?', intent: 'superlative', answer: ['calloway-shipping', 'ferryworkers-guild'], quote: "between the Ferryworkers' Guild and the Calloway Shipping Company" },
    { q: 'who is mentioned in the most articles?', intent: 'superlative', answer: ['edwin-calloway', 'idris-okonkwo-lind', 'marta-zelazna'], quote: 'led by Edwin Calloway' },
    { q: 'who said the most?', intent: 'superlative', text: /^Edwin Calloway, Idris Okonkwo-Lind and Marta Żelazná, 3 quoted statements each/, quote: 'Guild leader Marta Żelazná said' },
    { q: 'which event is the most connected?', intent: 'superlative', answer: ['strike-deal', 'ferry-strike'], quote: 'The three-week ferry strike in Portvale ended' },
  ],
  'where someone is from': [
    { q: 'where is Lena Marsh from?', intent: 'origin', text: /^Norland\./, answer: ['norland'], quote: 'Ferry captain Lena Marsh, a citizen of Norland' },
    { q: "where's Lena Marsh from?", intent: 'origin', answer: ['norland'], quote: 'Ferry captain Lena Marsh, a citizen of Norland' },
    { q: 'which country is Lena Marsh from?', intent: 'origin', answer: ['norland'], quote: 'Ferry captain Lena Marsh, a citizen of Norland' },
    { q: "what is Lena Marsh's nationality?", answer: ['norland'], quote: 'Ferry captain Lena Marsh, a citizen of Norland' },
    { q: 'where is Piet Aalders from?', intent: 'origin', text: /^Netherlands\./, answer: ['netherlands'], not: ['norland'], quote: 'a Dutch national' },
    { q: 'where does Piet Aalders come from?', intent: 'origin', answer: ['netherlands'], quote: 'a Dutch national' },
    { q: 'what nationality is Piet Aalders?', intent: 'origin', answer: ['netherlands'], quote: 'a Dutch national' },
    { q: 'which country is Piet Aalders from?', intent: 'origin', answer: ['netherlands'], quote: 'a Dutch national' },
    { q: 'where is Ada Quill from?', intent: 'origin', answer: ['norland'], quote: 'Ada Quill, a journalist at the Portvale Gazette and a citizen of Norland' },
    { q: 'where does Ada Quill hail from?', intent: 'origin', answer: ['norland'], quote: 'a citizen of Norland' },
    { q: 'what country does Ada Quill come from?', intent: 'origin', answer: ['norland'], quote: 'a citizen of Norland' },
    { q: 'where is Edwin Calloway from?', intent: 'origin', text: /does not say where Edwin Calloway is from/ },
  ],
  'attributes and roles': [
    { q: 'which captains joined the strike?', text: /^Lena Marsh\./, not: ['tomas-zelazny', 'piet-aalders'], quote: 'Ferry captain Lena Marsh' },
    { q: 'which engineers took part in the strike?', text: /^Piet Aalders\./, not: ['lena-marsh'], quote: 'reportedly joined the strike as well' },
    { q: 'which foreigners joined the strike?', text: /^Piet Aalders\./, not: ['lena-marsh', 'tomas-zelazny'], quote: 'reportedly joined the strike as well' },
    { q: 'which deckhands took part in the strike?', text: /^Tomas Zelazny\./, not: ['lena-marsh'], quote: 'Tomas Zelazny, a deckhand, was among the strikers' },
    { q: 'which journalists work for the Portvale Gazette?', text: /^Ada Quill\./, quote: 'Ada Quill, a journalist at the Portvale Gazette' },
    { q: 'which journalists are citizens of Norland?', text: /^Ada Quill\./, not: ['lena-marsh'], quote: 'a citizen of Norland' },
    { q: 'who are the journalists?', intent: 'list', answer: ['ada-quill'], not: ['marta-zelazna'], quote: 'Ada Quill, a journalist at the Portvale Gazette' },
    { q: 'who are the captains?', intent: 'list', answer: ['lena-marsh'], not: ['tomas-zelazny'], quote: 'Ferry captain Lena Marsh' },
    { q: 'who are the foreigners?', intent: 'list', answer: ['piet-aalders'], not: ['lena-marsh'], quote: 'one of several foreign workers on the crews' },
    { q: 'list the engineers', intent: 'list', answer: ['piet-aalders'], quote: 'Engineer Piet Aalders' },
    { q: 'which leaders thanked the mayor?', answer: ['marta-zelazna', 'edwin-calloway'], quote: 'thanked Mayor Okonkwo-Lind for his mediation' },
    { q: 'which strikers crossed into Port Ansel?', text: /^Tomas Zelazny\./, quote: CROSSING },
  ],
  'exchanges and reasons': [
    { q: 'what did the Guild get in return?', intent: 'exchange', answer: ['back-pay'], text: /^Ferryworkers' Guild got Back pay for the strikers in return\./, quote: BACK_PAY },
    { q: 'what did the Guild receive in return?', intent: 'exchange', text: /got Back pay for the strikers/, quote: BACK_PAY },
    { q: 'what did the Guild get in exchange for ending the strike?', intent: 'exchange', text: /got Back pay for the strikers/, quote: BACK_PAY },
    { q: 'what did the Guild give in return?', intent: 'exchange', text: /^Ferryworkers' Guild gave End of the ferry strike\./, quote: BACK_PAY },
    { q: 'what did Calloway Shipping get in return?', intent: 'exchange', text: /^Calloway Shipping Company got Harbour tax rebate in return\./, quote: REBATE },
    { q: 'what did Calloway Shipping Company receive in return?', intent: 'exchange', text: /got Harbour tax rebate/, quote: REBATE },
    { q: 'what did Calloway Shipping give in exchange?', intent: 'exchange', text: /^Calloway Shipping Company gave Keeping all ferry routes open\./, quote: REBATE },
    { q: 'what did Portvale give in exchange?', intent: 'exchange', text: /^Portvale gave Harbour tax rebate\./, quote: REBATE },
    { q: 'what was given in return for the back pay?', intent: 'exchange', answer: ['strike-end', 'back-pay'], quote: BACK_PAY },
    { q: 'why did the Guild end the strike?', intent: 'why', answer: ['strike-end', 'back-pay'], quote: BACK_PAY },
    { q: 'why did the Guild go back to work?', intent: 'why', answer: ['back-pay'], quote: BACK_PAY },
    { q: 'why was Calloway Shipping given a tax rebate?', intent: 'why', answer: ['open-routes'], quote: REBATE },
    { q: 'why did Marta thank the mayor?', intent: 'why', answer: ['marta-zelazna', 'idris-okonkwo-lind'], quote: 'for his mediation' },
    { q: 'why did Edwin Calloway thank the mayor?', intent: 'why', answer: ['edwin-calloway'], quote: 'for keeping the talks going' },
  ],
  'meetings through events': [
    { q: 'who met Edwin Calloway?', answer: ['idris-okonkwo-lind', 'marta-zelazna', 'city-hall-meeting'], quote: CITY_HALL },
    { q: 'who did Edwin Calloway meet?', answer: ['idris-okonkwo-lind', 'marta-zelazna'], quote: CITY_HALL },
    { q: 'who greeted Edwin Calloway?', answer: ['idris-okonkwo-lind'], quote: CITY_HALL },
    { q: 'who met Marta?', text: /^Edwin Calloway and Idris Okonkwo-Lind\./, quote: 'Marta Żelazná joined the City Hall meeting' },
    { q: 'who met Marta Żelazná?', answer: ['edwin-calloway', 'idris-okonkwo-lind'], quote: 'Marta Żelazná joined the City Hall meeting' },
    { q: 'who met the mayor?', answer: ['edwin-calloway', 'marta-zelazna'], quote: CITY_HALL },
    { q: 'who met Idris Okonkwo-Lind?', answer: ['edwin-calloway', 'marta-zelazna'], quote: CITY_HALL },
    { q: 'who did the mayor meet?', answer: ['edwin-calloway', 'marta-zelazna'], quote: CITY_HALL },
    { q: 'who visited the mayor?', answer: ['edwin-calloway'], quote: CITY_HALL },
    { q: 'who met at City Hall?', answer: ['edwin-calloway', 'idris-okonkwo-lind', 'marta-zelazna'], quote: CITY_HALL },
    { q: 'who took part in the City Hall meeting?', answer: ['edwin-calloway', 'idris-okonkwo-lind', 'marta-zelazna'], quote: CITY_HALL },
  ],
  'hedges in the wording': [
    { q: 'what did the Guild get in return?', text: /According to Idris Okonkwo-Lind, End of the ferry strike was given in return for Back pay/, quote: BACK_PAY },
    { q: 'why did the Guild end the strike?', text: /According to Idris Okonkwo-Lind, /, notText: /: End of the ferry strike was given/, quote: BACK_PAY },
    { q: 'what did Calloway Shipping get in return?', text: /Promised \(according to Idris Okonkwo-Lind\), not done when reported: Harbour tax rebate was given/, quote: REBATE },
    { q: 'who took part in the tax rebate?', text: /the sources differ: article h003: promised or planned by Idris Okonkwo-Lind, not done; article h004: according to Calloway Shipping Company/, quote: 'has received its harbour tax rebate' },
    { q: 'tell me about the tax rebate', text: /According to Calloway Shipping Company, Calloway Shipping Company took part in Harbour tax rebate/, quote: 'the company said' },
    { q: 'who took part in the ferry sale?', text: /Reportedly, Calloway Shipping Company took part in Sale of two ferries/, notText: /[^,] Calloway Shipping Company took part in Sale/, quote: 'reportedly plans to sell two ferries' },
    { q: 'tell me about the sale of two ferries', text: /Reportedly, Calloway Shipping Company took part in Sale of two ferries/, quote: 'reportedly plans to sell two ferries' },
    { q: 'who joined the strike?', answer: ['lena-marsh', 'piet-aalders', 'tomas-zelazny'], text: /Reportedly, Piet Aalders took part in Portvale ferry strike/, notText: /; Piet Aalders took part/, quote: 'reportedly joined the strike as well' },
    { q: 'tell me about the ballot', text: /Promised \(according to Marta Żelazná\), not done when reported: Ferryworkers' Guild took part in Ballot on the deal/, quote: 'She promised that the Guild would hold a ballot' },
    { q: 'what did the Guild take part in?', text: /Promised \(according to Marta Żelazná\), not done when reported: Ferryworkers' Guild took part in Ballot/, quote: 'She promised that the Guild would hold a ballot' },
    { q: 'who said the company would keep every route open?', text: /Promised, not done when reported: Edwin Calloway said about Keeping all ferry routes open/, quote: 'said the company would keep every route open' },
    { q: 'did Calloway Shipping receive the tax rebate?', text: /the sources differ: article h003: promised or planned by Idris Okonkwo-Lind, not done; article h004: according to Calloway Shipping Company/, quote: 'will also receive a harbour tax rebate' },
  ],
  'what was said': [
    { q: "who said the agreement was a fair day's wage?", text: /^Marta Żelazná\./, quote: "a fair day's wage at last" },
    { q: 'who said the back pay got them back to work?', text: /^Marta Żelazná\./, quote: 'the reason we went back to work' },
    { q: 'who said they went back to work?', text: /^Marta Żelazná\./, quote: 'the reason we went back to work' },
    { q: 'who said the company would keep every route open?', answer: ['edwin-calloway', 'open-routes'], quote: 'keep every route open' },
    { q: 'who said the company had negotiated in good faith?', text: /^Edwin Calloway\./, quote: 'negotiated in good faith' },
    { q: 'who said the mayor kept the talks going?', text: /^Edwin Calloway\./, quote: 'for keeping the talks going' },
    { q: 'who said the Guild agreed to end the strike?', text: /^Idris Okonkwo-Lind\./, quote: 'told the Portvale Gazette' },
    { q: 'who said the company received its tax rebate?', text: /^Calloway Shipping Company/, quote: 'has received its harbour tax rebate' },
    { q: 'who said the Guild would hold a ballot?', text: /^Marta Żelazná\. Promised, not done when reported: /, quote: 'would hold a ballot on the deal' },
    { q: 'who said what about the tax rebate?', answer: ['calloway-shipping', 'idris-okonkwo-lind'], quote: 'will also receive a harbour tax rebate' },
  ],
  'passages when the question is not understood': [
    { q: 'who was on the picket line?', intent: 'passages', answer: ['ada-quill'], text: /^I could not read this as a question about the graph/, quote: 'covered the strike from the picket line' },
    { q: 'what about the picket line?', intent: 'passages', answer: ['ada-quill', 'portvale-gazette'], quote: 'covered the strike from the picket line' },
    { q: 'who raised wages by 9 percent?', intent: 'passages', answer: ['calloway-shipping', 'edwin-calloway'], quote: 'agreed to raise wages by 9 percent' },
    { q: 'asdf qwer', understood: false },
    { q: 'who is Napoleon?', understood: false, text: /"Napoleon"/ },
  ],
};

describe('questions, version 2, about the harbour story', () => {
  let store: LadybugStore;
  let engine: QuestionEngine;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'questions-v2-harbour-'));
    store = await LadybugStore.open({ path: path.join(dir, 'graph.lbug') });
    await store.load(readHarbourWithAftermath());
    engine = createQuestionEngine(store);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.entries(TABLES).filter(([name]) => !name.startsWith('passages')))('has at least ten phrasings about %s', (_name, cases) => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it('words every hedged relation of the story as firmly as its evidence, in the answers about it', async () => {
    const { items } = await store.relations(null, { first: 500 });
    const hedgedRelations = items.filter((r) => strongestCertainty(r.evidence) !== 'STATED');
    expect(hedgedRelations.length).toBeGreaterThanOrEqual(5);
    const before = { ATTRIBUTED: /According to [^,;:]+, $/, UNCONFIRMED: /Reportedly(?: \(according to [^)]+\))?, $/, PLANNED: /Promised(?: \(according to [^)]+\))?, not done when reported: $/ } as const;
    for (const r of hedgedRelations) {
      const [from, to] = await store.entitiesByIds([r.from, r.to]);
      const a = await engine.ask(`tell me about ${to!.name}`);
      const verbs: Record<string, string> = { PARTICIPATED_IN: 'took part in', IN_EXCHANGE_FOR: 'was given in return for', SAID: 'said about' };
      expect(Object.keys(verbs)).toContain(r.type);
      const core = `${from!.name} ${verbs[r.type]} ${to!.name}`;
      const at = [...a.text.matchAll(new RegExp(core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index!);
      const certainty = strongestCertainty(r.evidence) as keyof typeof before;
      expect({ relation: r.id, found: at.length > 0, hedged: at.every((i) => before[certainty].test(a.text.slice(0, i))) }).toEqual({ relation: r.id, found: true, hedged: true });
    }
  });

  describe.each(Object.entries(TABLES))('%s', (_name, cases) => {
    it.each(cases.map((c) => [c.q, c] as const))('answers "%s"', async (_q, c) => {
      expectAnswer(await engine.ask(c.q), c);
    });
  });
});

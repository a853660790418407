/**
 * The question engine over the seeded story (seed/data + seed/articles):
 * a table of questions in different phrasings, with typos, transliterations,
 * diacritics, lower case and trailing punctuation, and questions it must
 * refuse. Each asserts the entities in the answer, not only that it answered.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createQuestionEngine, type QuestionEngine } from '../../server/questions/index.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SEED, seededStore } from '../support/graph.js';
import { expectAnswer, type QuestionCase } from '../support/questions.js';

const RELEASE = 'release-of-52-prisoners-2025';

const CASES: QuestionCase[] = [
  // open relation questions
  { q: 'who negotiated what?', intent: 'relation', answer: ['united-states', 'us-delegation', RELEASE] },
  { q: 'Who negotiated the release?', linked: [RELEASE], answer: ['united-states', 'us-delegation'] },
  { q: 'who brokered the release?', linked: [RELEASE], answer: ['united-states', 'us-delegation'], not: ['john-coale'], text: /^United States/ },
  { q: 'Who mediated the release of the prisoners', answer: ['united-states', 'us-delegation'] },
  { q: 'who secured the release', answer: ['united-states'] },
  { q: 'who was released?', intent: 'relation', answer: ['ihar-losik', 'mikalai-statkevich', 'siarhei-tsikhanouski'] },
  { q: 'who was freed', answer: ['ihar-losik', 'alena-tsimashchuk'] },
  // The people are the answer; the release events are only where they were released.
  { q: 'which people were pardoned?', answer: ['ihar-losik', 'mikalai-statkevich'], text: /^(?![^.]*(June 2025 prisoner release|Release of 52))[^.]*Ihar Losik/ },
  { q: 'who crossed into Lithuania?', linked: ['lithuania'], answer: ['released-prisoners-2025-09-11', 'us-delegation'] },
  { q: 'who entered lithuania', answer: ['released-prisoners-2025-09-11'] },
  { q: 'who said what about the release?', linked: [RELEASE], answer: ['sviatlana-tsikhanouskaya', 'gitanas-nauseda'], text: /forced deportation/ },
  { q: 'who refused to cross into Lithuania?', text: /^Mikalai Statkevich\./ },
  { q: 'who was deported?', answer: ['released-prisoners-2025-09-11', 'lithuania'], text: /^The 52 political prisoners released on 11 September 2025\./ },
  { q: 'who condemned the release?', text: /^Sviatlana Tsikhanouskaya\./ },
  { q: 'who thanked Trump?', answer: ['gitanas-nauseda'], not: ['alexander-lukashenko'] },
  // A group whose summary says its members include journalists is not itself one of them.
  { q: 'Which journalists were released?', answer: ['ihar-losik', 'alena-tsimashchuk', 'larissa-shchyrakova'], text: /^Alena Tsimashchuk, Ihar Losik and Larissa Shchyrakova\./ },
  { q: 'who was released in June 2025?', answer: ['siarhei-tsikhanouski'], not: ['ihar-losik'] },
  { q: 'who crossed into Lithuania on 11 September 2025?', answer: ['released-prisoners-2025-09-11'] },
  { q: 'who released Ihar Losik?', answer: ['alexander-lukashenko', 'belarus'] },
  // the version-2 vocabulary: expulsion, escort, confiscation, offices, funding
  { q: 'who was expelled?', answer: ['released-prisoners-2025-09-11', 'belarus'], text: /^The 52 political prisoners released on 11 September 2025\./ },
  { q: 'who escorted the prisoners?', text: /^Belarusian officers at the Lithuanian border crossing\./ },
  { q: 'who confiscated the passports?', text: /^Belarusian security services\./ },
  { q: 'what office does Coale hold?', answer: ['john-coale', 'us-deputy-envoy-for-ukraine'] },
  { q: 'who funds Radio Free Europe/Radio Liberty?', text: /^United States\./ },
  { q: "who remained in no-man's land?", text: /^Mikalai Statkevich\./ },
  // one entity
  { q: 'who is Statkevich?', intent: 'profile', linked: ['mikalai-statkevich'], answer: ['mikalai-statkevich', RELEASE] },
  { q: 'Who is Mikola Statkevich', intent: 'profile', linked: ['mikalai-statkevich'] },
  { q: 'who is statkevic', intent: 'profile', linked: ['mikalai-statkevich'] },
  { q: 'tell me about Belavia', intent: 'profile', answer: ['belavia', 'united-states'] },
  { q: 'Tell me about Tikhanovskaya.', intent: 'profile', linked: ['sviatlana-tsikhanouskaya'] },
  { q: 'who is Nausėda?', intent: 'profile', linked: ['gitanas-nauseda'], answer: ['lithuania'] },
  { q: 'Lukashenka?', intent: 'profile', linked: ['alexander-lukashenko'], answer: ['belarus'] },
  { q: 'who is married to Tsikhanouskaya?', text: /^Siarhei Tsikhanouski\./ },
  { q: 'who is married to Svetlana Tikhanovskaya', linked: ['sviatlana-tsikhanouskaya'], answer: ['siarhei-tsikhanouski'] },
  { q: "Tsikhanouskaya's husband", text: /^Siarhei Tsikhanouski\./ },
  { q: "Sergei Tikhanovsky's wife", text: /^Sviatlana Tsikhanouskaya\./ },
  { q: 'who leads Belarus?', text: /^Alexander Lukashenko\./ },
  { q: 'who is the president of Lithuania?', text: /^Gitanas Nauseda\./ },
  { q: 'who heads the US delegation?', text: /^John Coale\./ },
  { q: 'what did Tsikhanouskaya say?', answer: ['sviatlana-tsikhanouskaya', RELEASE, 'mikalai-statkevich'] },
  { q: 'what did Lukashenko say', answer: ['alexander-lukashenko', 'donald-trump'] },
  { q: 'what did the president of Lithuania say?', linked: ['gitanas-nauseda'], answer: ['crossing-into-lithuania-2025'] },
  { q: 'who advises Tsikhanouskaya?', text: /^Franak Viachorka\./ },
  // The closest type ("deported to") names no one who deported: the wider one that does answers.
  { q: 'Who deported the prisoners?', answer: ['belarus'], text: /^Belarus\./ },
  { q: 'Where were the prisoners deported to?', text: /^Lithuania\./ },
  // two entities
  { q: 'how is Ihar Losik connected to Donald Trump?', intent: 'path', answer: ['ihar-losik', 'donald-trump'] },
  { q: 'How is Statkevich related to Lukashenko', intent: 'path', answer: ['mikalai-statkevich', 'alexander-lukashenko'] },
  // Related directly: every relation between the two, not the first the path found.
  { q: 'What is the relationship between Trump and Lukashenko?', intent: 'path', answer: ['donald-trump', 'alexander-lukashenko'], text: /^Donald Trump is connected to Alexander Lukashenko directly, by [2-9] relations: .*praised Donald Trump.*Donald Trump called for Alexander Lukashenko/ },
  { q: 'did John Coale negotiate with Lukashenko?', intent: 'relation-check', answer: ['john-coale', 'alexander-lukashenko'], text: /^Yes\./ },
  // The graph lacking a relation is not the articles denying it.
  { q: 'Was Kolesnikova released?', intent: 'relation', linked: ['maria-kolesnikova'], text: /^Not that the articles say: the graph holds no "released by" or "released in" relation involving Maria Kolesnikova\. What the graph holds about Maria Kolesnikova: /, quote: 'tore up her passport' },
  // "the 52" as a noun: the group whose name starts with the number.
  { q: 'Who were the 52?', intent: 'profile', linked: ['released-prisoners-2025-09-11'] },
  { q: 'Who released the 52?', intent: 'relation', answer: ['alexander-lukashenko', 'belarus'], linked: ['released-prisoners-2025-09-11'] },
  { q: 'did the US negotiate with Belarus?', intent: 'relation-check', linked: ['united-states', 'belarus'], text: /^Not that the articles say: the graph has no "negotiated" relation/ },
  // time
  { q: 'what happened on 11 September 2025?', intent: 'on-date', answer: [RELEASE, 'crossing-into-lithuania-2025'], not: ['june-2025-release'] },
  { q: 'What happened on September 11, 2025', intent: 'on-date', answer: [RELEASE, 'ihar-losik'] },
  { q: 'What happened on 12 September?', intent: 'on-date', answer: ['released-prisoners-press-conference-2025-09-12'], text: /^On 12 September \(any year\): / },
  { q: 'what happened in June 2025?', intent: 'on-date', answer: ['june-2025-release', 'siarhei-tsikhanouski'], not: [RELEASE] },
  { q: 'what happened before the release?', intent: 'before', answer: ['june-2025-release', 'trump-lukashenko-conversation'], not: ['released-prisoners-press-conference-2025-09-12'] },
  { q: 'what happened after the release?', intent: 'after', answer: ['released-prisoners-press-conference-2025-09-12'], not: ['june-2025-release'] },
  { q: 'what happened in 2020?', intent: 'on-date', answer: ['belarus-protests-2020'], not: [RELEASE] },
  { q: 'when was the release?', intent: 'when', text: /11 September 2025/ },
  // "when" with a verb: the dates lead, the relations follow
  { q: 'When was Tsikhanouski released?', intent: 'relation', answer: ['siarhei-tsikhanouski'], text: /^In June 2025\. Siarhei Tsikhanouski was released/ },
  { q: 'When did Statkevich refuse to cross?', intent: 'relation', text: /^On 11 September 2025\. Mikalai Statkevich refused to cross/ },
  { q: 'What date did the prisoners cross into Lithuania?', intent: 'relation', text: /^On 11 September 2025\./ },
  // an undated relation of a dated event takes the event's date
  { q: 'When did the press conference take place?', intent: 'relation', text: /^On 12 September 2025\. The released prisoners’ press conference in Vilnius took place in Vilnius/ },
  // two names and no end asked: only a relation between them answers, never another's with one of them
  { q: 'When did Coale meet Lukashenko?', intent: 'relation', text: /^The graph has no "met" relation between John Coale and Alexander Lukashenko, so it cannot say when\. Between them the graph holds: John Coale negotiated with Alexander Lukashenko: “US envoy John Coale, who has been involved in the negotiations with Lukashenko”\. Other "met" relations of Alexander Lukashenko: / },
  { q: 'Where did Coale meet Lukashenko?', intent: 'relation', text: /^The graph has no "met" relation between John Coale and Alexander Lukashenko, so it cannot say where\./ },
  // "what happened to the <described>": the entities so described, not an unknown question, not everyone
  { q: 'What happened to the journalists?', intent: 'list', answer: ['ihar-losik', 'alena-tsimashchuk'], text: /described as "journalists"/ },
  { q: 'What happened to the released journalists?', intent: 'relation', answer: ['ihar-losik', 'alena-tsimashchuk'], not: ['siarhei-tsikhanouski', 'mikalai-statkevich'] },
  // a "who" question whose verb is not read, answered with a profile, says so first
  { q: 'Who paid for the release?', intent: 'profile', text: /^Not answered as asked \("paid" not read\)\. What the graph holds: Release of 52 political prisoners \(event/ },
  // a name that swallowed a word of the verb ("Trump's letter to Lukashenko") is read again without it
  { q: 'Who sent a letter to Lukashenko?', intent: 'relation', linked: ['alexander-lukashenko'], answer: ['donald-trump'], text: /^Donald Trump\. According to BelTA, Donald Trump sent a letter to Alexander Lukashenko/ },
  { q: 'Who delivered the letter?', intent: 'relation', answer: ['john-coale'], text: /^John Coale\./ },
  // "with X": the others related the same way to what X is related to
  { q: 'Who else was released with Losik?', intent: 'relation', answer: ['alena-tsimashchuk', 'mikalai-statkevich'], not: ['siarhei-tsikhanouski'], text: /^.*Mikalai Statkevich and Vladimir Matskevich were also released in Release of 52 political prisoners\. Ihar Losik was released in/ },
  // the linked name at the other end of every relation than the question puts it: shown, not as the answer
  { q: 'Who did the US thank?', intent: 'relation', text: /^Not as asked: no "thanked" relation has United States where the question puts it; the graph holds: Kaja Kallas thanked United States/ },
  { q: 'Who thanked the US?', intent: 'relation', answer: ['kaja-kallas', 'sviatlana-tsikhanouskaya'], text: /^Kaja Kallas and Sviatlana Tsikhanouskaya\. / },
  // a negated question is not answered with its opposite
  { q: 'Who was not released?', intent: 'relation', text: /^Not answered as asked: the graph records what the articles say happened, not what did not \("not" not read\)\. It holds: / },
  { q: "Who wasn't released?", intent: 'relation', text: /^Not answered as asked: .*\("wasn't" not read\)\. It holds: / },
  // A verb inside the name ("prisoners released" of the group's name) still picks the relations whose dates lead.
  { q: 'When were the prisoners released?', intent: 'when', answer: ['released-prisoners-2025-09-11'], text: /^On 11 September 2025\. The 52 political prisoners released on 11 September 2025 were released by /, notText: /no date of its own/ },
  { q: 'When did Tsikhanouskaya meet the released prisoners?', intent: 'relation', text: /^On 11 September 2025\. Sviatlana Tsikhanouskaya met / },
  // counts and lists
  { q: 'how many prisoners were released?', intent: 'count', answer: ['released-prisoners-2025-09-11'], text: /^52 political prisoners released/ },
  { q: 'how many prisoners crossed into Lithuania?', intent: 'count', answer: ['released-prisoners-2025-09-11'], text: /disagree.*51 \(article 000_ce575159250a277d\), 52 \(article 004_db2554f03e592df2\)/ },
  { q: 'How many political prisoners remain in Belarus?', intent: 'count', answer: ['political-prisoners-held-in-belarus'], text: /disagree.*almost 1,200/ },
  { q: 'how many foreigners were freed', intent: 'count', text: /^14 foreigners/ },
  // A verb alone counts what its measure counts, the figure most articles give; "foreigners among the released" counts foreigners.
  { q: 'What did the EU say?', intent: 'relation', answer: ['kaja-kallas'], text: /^The graph has no "said about" relation with European Union as the speaker; Kaja Kallas speaks or acts for it \(Kaja Kallas holds EU foreign policy chief; EU foreign policy chief is position in European Union\): Kaja Kallas said about /, quote: 'Kaja Kallas announced' },
  { q: 'How many were released?', intent: 'count', answer: ['released-prisoners-2025-09-11'], text: /^52 political prisoners released/ },
  { q: 'How many were freed?', intent: 'count', text: /^52 political prisoners released/ },
  { q: 'How many were pardoned?', intent: 'count', answer: ['released-prisoners-june-2025'], text: /^14 prisoners pardoned and released in June/ },
  { q: 'How many were released in June?', intent: 'count', answer: ['released-prisoners-june-2025'], text: /^14 prisoners pardoned and released in June/ },
  { q: 'How many prisoners were foreigners?', intent: 'count', text: /^No figure the articles give holds "prisoners"; the nearest: 14 foreigners among the released/ },
  { q: 'How many journalists were released?', understood: false, text: /^I found no figure in the articles about "journalists"/ },
  { q: 'How many prisoners were Lithuanian?', understood: false, text: /^I found no figure in the articles about "prisoners Lithuanian"/ },
  { q: 'how many years was Losik sentenced to?', intent: 'count', answer: ['ihar-losik'], not: ['maria-kolesnikova'], text: /^15 / },
  // a figure in the question narrows the answers to those stated to hold it, or says none is
  { q: 'Who was sentenced to 15 years?', answer: ['ihar-losik'], not: ['maria-kolesnikova', 'mikalai-statkevich'], text: /^Ihar Losik\. / },
  { q: 'Who was sentenced to 3 years?', text: /^The articles state that figure \(3 years\) for none of them; they state: Ihar Losik 15 prison sentence \(years\); Maria Kolesnikova 11 / },
  // "how long": a figure in a unit of time, or a plain statement that the articles give none
  { q: 'What was Losik sentenced to?', intent: 'count', answer: ['ihar-losik'], not: ['maria-kolesnikova'], text: /^15 prison sentence \(years\) \(Ihar Losik\)/ },
  { q: 'How long was Losik sentenced to?', intent: 'count', answer: ['ihar-losik'], not: ['maria-kolesnikova'], text: /^15 prison sentence \(years\) \(Ihar Losik\)/ },
  { q: 'How long has Lukashenko led Belarus?', intent: 'count', answer: ['alexander-lukashenko'], text: /^more than 3 decades leading Belarus/ },
  { q: 'How long did the talks last?', intent: 'count', text: /^The articles state no duration for this\. What the graph holds: / },
  { q: 'How old is Losik?', intent: 'count', answer: ['ihar-losik'], text: /^33 age \(Ihar Losik\)/ },
  { q: 'How old is Statkevich?', intent: 'count', text: /^The articles state no age for Mikalai Statkevich\.$/ },
  { q: 'which countries are involved?', intent: 'list', answer: ['belarus', 'lithuania', 'united-states', 'russia'], text: /^\d+ countries: Belarus/ },
  { q: 'how many countries are involved?', intent: 'count', answer: ['belarus', 'lithuania'], text: /^The graph holds \d+ countries/ },
  // refused
  { q: 'who is Napoleon?', understood: false, text: /could not find "Napoleon"/ },
  { q: 'what is the weather in Paris?', understood: false },
  { q: 'who negotiated with napoleon?', understood: false, text: /"napoleon"/ },
  { q: "what did the guild's leader say?", understood: false, text: /"guild"/ },
  { q: 'how many journalists were released?', understood: false, text: /journalists/ },
  { q: 'asdf', understood: false },
];

describe('questions about the seeded story', () => {
  let store: GraphStore;
  let engine: QuestionEngine;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await seededStore(SEED));
    engine = createQuestionEngine(store);
  });
  afterAll(() => cleanup());

  it('has a table of at least 40 questions', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.q, c] as const))('answers "%s"', async (_q, c) => {
    expectAnswer(await engine.ask(c.q), c);
  });

  it('answers the same however the question is written', async () => {
    const texts = new Set<string>();
    for (const q of ['Who brokered the release?', 'who brokered the release', 'WHO BROKERED THE RELEASE?!', '  who   brokered the release ?']) {
      texts.add((await engine.ask(q)).text);
    }
    expect(texts.size).toBe(1);
  });

  it('keeps every figure the sources give, each with its own quote', async () => {
    const a = await engine.ask('how many prisoners crossed into Lithuania?');
    const figures = a.rows.map((r) => ({ figure: r.relation, article: r.evidence[0]?.article }));
    expect(figures).toEqual(
      expect.arrayContaining([
        { figure: '51 prisoners who crossed into Lithuania', article: '000_ce575159250a277d' },
        { figure: '52 prisoners who crossed into Lithuania', article: '004_db2554f03e592df2' },
      ]),
    );
  });

  it('carries the speaker and the quote in rows about what was said', async () => {
    const a = await engine.ask('what did Nauseda say?');
    expect(a.rows.length).toBeGreaterThan(0);
    for (const row of a.rows) {
      expect(row).toMatchObject({ subject: { id: 'gitanas-nauseda' }, relation: 'SAID' });
      expect(row.evidence[0]?.quote.length).toBeGreaterThan(20);
    }
  });

  it('shows how a name was read, and what else it could mean', async () => {
    const a = await engine.ask('who brokered the release?');
    expect(a.interpretation).toMatchObject({ intent: 'relation', relationTypes: ['BROKERED_BY'] });
    expect(a.interpretation.entities).toEqual([{ id: RELEASE, name: 'Release of 52 political prisoners', matched: 'release', alternatives: [{ id: 'june-2025-release', name: 'June 2025 prisoner release' }] }]);
  });

  it('suggests real names and relation types when it does not understand', async () => {
    const a = await engine.ask('who is Napoleon?');
    const names = (await store.graph({ limit: 10 })).nodes.map((n) => n.name);
    expect(a.suggestions.some((s) => names.some((n) => s.includes(n)))).toBe(true);
    for (const s of a.suggestions) expect((await engine.ask(s)).understood).toBe(true);
  });

  it('highlights the path it found', async () => {
    const a = await engine.ask('how is Ihar Losik connected to Donald Trump?');
    expect(a.subgraph.edges.length).toBe(a.rows.length);
    expect(a.subgraph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['ihar-losik', 'donald-trump']));
  });
});

/**
 * The question engine's passages of last resort come from the store's
 * full-text index, and an answer holds what the question is about.
 */
import type { Story } from '../../server/domain/types.js';
import { contentWords, storePassages, wordsNeeded } from '../../server/questions/link/passages.js';
import { createQuestionEngine } from '../../server/questions/index.js';
import { MemoryStore } from '../../server/store/memory/memory-store.js';

const TEXT = [
  'Captain Rhea Morrow tore up her harbour pass at the quay.',
  'The negotiations over the ferry fares lasted a week.',
  'The harbour master negotiated with the ferry owners in good faith.',
].join(' ');

const ev = (quote: string) => [{ article: 'h1', quote, certainty: 'STATED' as const }];
const STORY: Story = {
  articles: [{ id: 'h1', title: 'Harbour news', text: TEXT }],
  entities: [
    { id: 'rhea-morrow', kind: 'Person', name: 'Rhea Morrow', aliases: ['Captain Morrow'], summary: 'A captain who negotiated a truce with the ferry owners.', date: null, evidence: ev('Captain Rhea Morrow'), claims: [] },
    { id: 'harbour-master', kind: 'Person', name: 'Harbour master', aliases: [], summary: null, date: null, evidence: ev('The harbour master'), claims: [] },
    { id: 'ferry-owners', kind: 'Group', name: 'Ferry owners', aliases: [], summary: null, date: null, evidence: ev('the ferry owners'), claims: [] },
    { id: 'quay', kind: 'Place', name: 'The quay', aliases: [], summary: null, date: null, evidence: ev('at the quay'), claims: [] },
  ],
  relations: [
    { id: 'r-negotiated', type: 'NEGOTIATED', from: 'harbour-master', to: 'ferry-owners', date: null, note: null, evidence: ev('The harbour master negotiated with the ferry owners') },
  ],
  mentions: [],
};

async function loaded() {
  const store = new MemoryStore();
  await store.load(STORY);
  return store;
}

describe('passages of last resort from the full-text index', () => {
  it('reads the content words of a question: no question words, function words or numbers', () => {
    expect(contentWords('Who tore up her 2 passports?')).toEqual(['tore', 'passports']);
    expect(wordsNeeded(1)).toBe(1);
    expect(wordsNeeded(2)).toBe(2);
    expect(wordsNeeded(5)).toBe(3);
  });

  it('keeps the sentences that hold the question’s words, inflected or slightly misspelt, with their article and offsets', async () => {
    const source = storePassages(await loaded());
    const [best] = await source.passages('who tore up her harbor passes?', { first: 3 });
    expect(best?.text).toBe('Captain Rhea Morrow tore up her harbour pass at the quay.');
    expect(TEXT.slice(best!.start, best!.end)).toBe(best!.text);
    expect(best?.entities).toContain('rhea-morrow');
  });

  it('leaves out a sentence that holds one word of two, and never answers with a summary', async () => {
    const source = storePassages(await loaded());
    expect(await source.passages('who negotiated with the emperor?', { first: 5 })).toEqual([]);
    expect(await source.passages('who negotiated the truce?', { first: 5 })).toEqual([]);
    const negotiated = await source.passages('who negotiated about ferries?', { first: 5 });
    expect(negotiated.map((p) => p.text)).toEqual(['The harbour master negotiated with the ferry owners in good faith.']);
  });

  it('leaves out every sentence without a word the question names and the graph does not know', async () => {
    const source = storePassages(await loaded());
    expect(await source.passages('harbour ferry napoleon negotiated', { first: 5, require: ['napoleon'] })).toEqual([]);
    expect((await source.passages('harbour ferry napoleon negotiated', { first: 5 })).length).toBeGreaterThan(0);
  });

  it('answers a question its vocabulary lacks with the sentence, its article and the person it names', async () => {
    const engine = createQuestionEngine(await loaded());
    const answer = await engine.ask('Who tore up her harbour pass?');
    expect(answer.understood).toBe(true);
    expect(answer.text).toContain('“Captain Rhea Morrow tore up her harbour pass at the quay.” (article h1)');
    const row = answer.rows.find((r) => r.subject?.id === 'rhea-morrow');
    expect(row?.evidence).toEqual([{ article: 'h1', quote: 'Captain Rhea Morrow tore up her harbour pass at the quay.', certainty: 'STATED' }]);
  });

  it('shows the relation whose own quote says what was asked, rather than everyone the sentence names', async () => {
    const engine = createQuestionEngine(await loaded());
    const answer = await engine.ask('who haggled in good faith with ferry owners?');
    expect(answer.rows.map((r) => r.relationId)).toEqual(['r-negotiated']);
  });
});

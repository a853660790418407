/**
 * Linking names when a longer name holds the question's own words: "who met
 * Vance?" asks about Vance, although a position is named "Courier who met
 * Vance" and an event "Meeting with Vance at the pier".
 */
import type { Story } from '../../server/domain/types.js';
import { createQuestionEngine } from '../../server/questions/index.js';
import { MemoryStore } from '../../server/store/memory/memory-store.js';

const TEXT = 'A courier met Ada Vance at the pier on Monday. Vance later met the mayor at the town hall.';
const ev = (quote: string) => [{ article: 'p1', quote, certainty: 'STATED' as const }];
const STORY: Story = {
  articles: [{ id: 'p1', title: 'Pier news', text: TEXT }],
  entities: [
    { id: 'ada-vance', kind: 'Person', name: 'Ada Vance', aliases: ['Vance'], summary: null, date: null, evidence: ev('Ada Vance'), claims: [] },
    { id: 'courier', kind: 'Position', name: 'Courier who met Vance', aliases: [], summary: null, date: null, evidence: ev('A courier met Ada Vance at the pier'), claims: [] },
    { id: 'mayor', kind: 'Person', name: 'The mayor', aliases: ['Mayor'], summary: null, date: null, evidence: ev('the mayor'), claims: [] },
    { id: 'pier-meeting', kind: 'Event', name: 'Meeting with Vance at the pier', aliases: [], summary: null, date: null, evidence: ev('A courier met Ada Vance at the pier'), claims: [] },
    { id: 'pier', kind: 'Place', name: 'The pier', aliases: ['Pier'], summary: null, date: null, evidence: ev('the pier'), claims: [] },
    { id: 'town-hall', kind: 'Place', name: 'Town hall', aliases: [], summary: null, date: null, evidence: ev('the town hall'), claims: [] },
  ],
  relations: [
    { id: 'r-courier-met', type: 'MET', from: 'courier', to: 'ada-vance', date: null, note: null, evidence: ev('A courier met Ada Vance at the pier') },
    { id: 'r-mayor-met', type: 'MET', from: 'ada-vance', to: 'mayor', date: null, note: null, evidence: ev('Vance later met the mayor at the town hall') },
  ],
  mentions: [],
};

async function engine() {
  const store = new MemoryStore();
  await store.load(STORY);
  return createQuestionEngine(store);
}

describe('linking a name that a longer name holds', () => {
  it('reads "who met Vance?" as a question about Vance, not about the position whose name holds "met Vance"', async () => {
    const a = await (await engine()).ask('who met Vance?');
    expect(a.interpretation.entities.map((e) => e.id)).toEqual(['ada-vance']);
    expect(a.interpretation.relationTypes).toContain('MET');
    const subjects = a.rows.filter((r) => r.object?.id === 'ada-vance').map((r) => r.subject?.id);
    expect(subjects).toContain('courier');
    expect(a.rows.flatMap((r) => r.evidence.map((e) => e.quote))).toContain('A courier met Ada Vance at the pier');
  });

  it('reads "Vance at the pier" as Vance and the pier, not as part of the event’s name', async () => {
    const a = await (await engine()).ask('who met Vance at the pier?');
    expect(a.interpretation.entities.map((e) => e.id)).toEqual(['ada-vance', 'pier']);
  });

  it('still links a longer name when the question says it whole', async () => {
    const a = await (await engine()).ask('tell me about the Courier who met Vance');
    expect(a.interpretation.entities.map((e) => e.id)).toEqual(['courier']);
  });
});

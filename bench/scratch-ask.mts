import { seededStore, SEED, HARBOUR } from '../tests/support/graph.js';
import { createQuestionEngine } from '../server/questions/index.js';
const { store, cleanup } = await seededStore(process.env.STORY === 'harbour' ? HARBOUR : SEED);
const qe = createQuestionEngine(store);
const qs = process.argv.slice(2);
for (const q of qs) {
  const a: any = await qe.ask(q);
  console.log('Q:', q, '\n  intent:', a.interpretation?.intent, (a.interpretation?.entities ?? a.interpretation?.links ?? []).map((l: any) => l.entity?.id ?? l.id ?? JSON.stringify(l)).join(','), '\n  A:', String(a.answer ?? a.text ?? JSON.stringify(a)).slice(0, 700), '\n');
}
await cleanup();
process.exit(0);

/**
 * A child process for the fault tests: saves over and over in a story folder,
 * merging two entities at even revisions and undoing at odd ones, so every
 * odd revision holds the merged story and every even one the original.
 * Prints "saved N" after each save. Killed by the test at any moment.
 */
import { StoryWorkspace } from '../../server/curation/workspace.js';

const [root, from, into] = process.argv.slice(2) as [string, string, string];
const ws = new StoryWorkspace(root);
process.stdout.write('ready\n');
for (;;) {
  const saved = ws.revision() % 2 === 0 ? await ws.change({ op: 'mergeEntities', from, into }, { who: 'fault-test' }) : await ws.undo({ who: 'fault-test' });
  process.stdout.write(`saved ${saved.revision}\n`);
}

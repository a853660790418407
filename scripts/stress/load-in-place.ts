/**
 * node --import tsx scripts/stress/load-in-place.ts DB_FILE DATA_DIR ARTICLES_DIR
 *
 * GraphStore.load over the open database file, in place: the path the server
 * takes when it seeds an empty graph or reloads on SIGHUP (npm run seed builds
 * a new file and renames it instead). The fault cases kill it mid-load.
 */
import { LadybugStore } from '../../server/store/ladybug/ladybug-store.js';
import { readStory } from '../../server/domain/story/read-story.js';

const [file, data, articles] = process.argv.slice(2);
if (!file || !data || !articles) {
  console.error('usage: load-in-place.ts DB_FILE DATA_DIR ARTICLES_DIR');
  process.exit(2);
}
const story = readStory({ data, articles });
const store = await LadybugStore.open({ path: file });
const loaded = await store.load(story);
await store.close();
console.log(`Loaded ${loaded.entities} entities, ${loaded.relations} relations in place.`);

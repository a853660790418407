/**
 * Entry point: asks for the graph first, then builds the page around it and restores the URL's view.
 * This entry is small on purpose: the requests leave while the browser still parses the rest of the
 * page (Cytoscape, the layout, the panels: the explorer chunk, fetched in parallel via a modulepreload
 * link that client/vite.config.ts adds), instead of after it.
 */
import './styles.css';
import { createGraphQLClient } from './api.js';
import { createExplorerApi } from './queries.js';
import { canvasSize, OVERVIEW_LIMIT } from './scale.js';

const api = createExplorerApi(createGraphQLClient());
// The server lays the overview out for this canvas's size (module scripts run once the page's HTML and CSS are in).
const overview = api.overview(OVERVIEW_LIMIT, canvasSize(document.getElementById('graph')));
const timeline = api.timeline();
overview.catch(() => undefined);
timeline.catch(() => undefined);
performance.mark('main:requests-sent');
const { Explorer } = await import('./explorer.js');
performance.mark('main:explorer-loaded');
const explorer = new Explorer(api);
// Curator mode (client/src/curator): a button in the top bar; the panel asks for the token.
// Loaded after the first drawing (or its error), so its parsing does not compete with it.
void explorer
  .start(location.search, { overview, timeline })
  .finally(() => import('./curator/curator-panel.js').then(({ mountCurator }) => mountCurator(document.querySelector<HTMLElement>('.topbar')!)));

/** Entry point: asks for the graph first, then builds the page around it and restores the URL's view. */
import './styles.css';
import { createGraphQLClient } from './api.js';
import { Explorer } from './explorer.js';
import { createExplorerApi } from './queries.js';
import { OVERVIEW_LIMIT } from './scale.js';

const api = createExplorerApi(createGraphQLClient());
// Start the requests before anything else: the page mostly waits for them.
const overview = api.overview(OVERVIEW_LIMIT);
const timeline = api.timeline();
overview.catch(() => undefined);
timeline.catch(() => undefined);
const explorer = new Explorer(api);
void explorer.start(location.search, { overview, timeline });

// Curator mode (client/src/curator): a button in the top bar; the panel asks for the token.
void import('./curator/curator-panel.js').then(({ mountCurator }) => mountCurator(document.querySelector<HTMLElement>('.topbar')!));

/**
 * The bare reference page of the page benchmarks (bench/ui.ts, bench/ui-big.ts):
 * Cytoscape and the explorer's stylesheet, nothing else. It draws the
 * elements served at /bare/elements.json at their given positions (the
 * first drawing's reference), shows a path or an answer as the explorer
 * would with nothing else around it (a click's reference), and draws the
 * panning graph. Built with vite into `<tmp>/bare`, served under /bare/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../server/config.js';

/** The bare page: Cytoscape and the explorer's stylesheet, drawing the positions the explorer gets from the server; fcose for the panning graph. */
const BARE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>bare</title>
<style>html,body{margin:0;height:100%}#cy{position:absolute;inset:0}</style></head>
<body><div id="cy"></div><script type="module" src="./bare.ts"></script></body></html>`;

const BARE_TS = `
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { renderPlan } from ${JSON.stringify(path.join(PROJECT_ROOT, 'client/src/scale.ts'))};
import { explorerStyle } from ${JSON.stringify(path.join(PROJECT_ROOT, 'client/src/style.ts'))};
import { GraphView } from ${JSON.stringify(path.join(PROJECT_ROOT, 'client/src/graph-view.ts'))};
import { subgraphToElements } from ${JSON.stringify(path.join(PROJECT_ROOT, 'client/src/elements.ts'))};
import { ASK, SHORTEST_PATH } from ${JSON.stringify(path.join(PROJECT_ROOT, 'client/src/queries.ts'))};
cytoscape.use(fcose);
const params = new URLSearchParams(location.search);
const container = document.getElementById('cy');
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

async function seed() {
  // The elements with the positions the server laid out for the explorer's canvas, and the label scale it made room for.
  // A big scene comes with the explorer's renderer choices (lean labels, textures while moving, WebGL).
  const { elements, labelScale, lean = false, textureOnViewport = false, webgl = false } = await (await fetch('/bare/elements.json')).json();
  performance.mark('bare:fetched');
  const cy = cytoscape({
    container, elements, style: explorerStyle({ labelScale, lean }), layout: { name: 'preset', fit: true, padding: 24 },
    textureOnViewport, pixelRatio: webgl ? 1 : 'auto', ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  });
  performance.mark('bare:created');
  await frames();
  performance.mark('bare:drawn');
  window.cy = cy;
}

/**
 * The reference for a click: the least any page does to show a path or an answer on the drawn
 * seed graph. The same request as the explorer's, its elements lit and the rest faded with the
 * explorer's classes, the result fitted as the explorer fits it, then the frames the explorer's
 * click is timed to (one to draw, two to settle). No panel, no label pass, no history.
 */
window.bareClick = async (what) => {
  const cy = window.cy;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const t0 = performance.now();
  const [query, variables] = what === 'path' ? [SHORTEST_PATH, { from: 'gitanas-nauseda', to: 'maria-kolesnikova' }] : [ASK, { question: 'Who brokered the release?' }];
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query, variables }) });
  const { data } = await res.json();
  const result = what === 'path' ? data.shortestPath : data.ask.subgraph;
  const ids = new Set([...result.nodes, ...result.edges].map((x) => x.id));
  const lit = cy.elements().filter((el) => ids.has(el.id()));
  if (lit.empty()) throw new Error('bareClick: the ' + what + ' lit nothing on the drawn graph');
  cy.batch(() => cy.elements().forEach((el) => {
    const on = ids.has(el.id());
    el.toggleClass(what, on);
    el.toggleClass('faded', !on);
  }));
  cy.fit(lit, 60);
  if (cy.zoom() > 1.6) cy.zoom({ level: 1.6, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  await frame();
  await frame();
  await frame();
  return performance.now() - t0;
};

/** A neighbourhood-sized synthetic graph: a random tree plus cross links, degrees like a real story. */
function synthetic(n) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const kinds = ['PERSON', 'ORGANISATION', 'COUNTRY', 'EVENT', 'PLACE'];
  const nodes = Array.from({ length: n }, (_, i) => ({ id: 'n' + i, kind: kinds[i % 5], name: 'Entity number ' + i, aliases: [], degree: 1, date: null }));
  const edges = [];
  for (let i = 1; i < n; i++) edges.push({ id: 'e' + i, type: 'MET', label: 'met', date: null, from: { id: 'n' + Math.floor(rnd() * i) }, to: { id: 'n' + i }, evidence: [{ article: { id: 'a' } }] });
  for (let i = 0; i < n / 2; i++) edges.push({ id: 'x' + i, type: 'SAID', label: 'said about', date: null, from: { id: 'n' + Math.floor(rnd() * n) }, to: { id: 'n' + Math.floor(rnd() * n) }, evidence: [{ article: { id: 'a' } }] });
  const degree = new Map();
  for (const e of edges) for (const id of [e.from.id, e.to.id]) degree.set(id, (degree.get(id) || 0) + 1);
  for (const node of nodes) node.degree = degree.get(node.id) || 0;
  return { nodes, edges, truncated: false };
}

async function pan() {
  const n = Number(params.get('n') || 2000);
  const elements = subgraphToElements(synthetic(n));
  const t0 = performance.now();
  let cy;
  if (params.get('renderer') === 'canvas') {
    cy = cytoscape({ container, elements, style: explorerStyle(), layout: { name: 'preset' } });
    const layout = cy.layout(renderPlan(elements.length).layout);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
  } else {
    // 'webgl' forces the WebGL renderer; 'auto' is what the explorer picks on this machine.
    const view = new GraphView({ container, onSelect() {}, webgl: params.get('renderer') === 'auto' ? 'auto' : 'always' });
    await view.show(elements);
    cy = view.cy;
    window.usesWebGL = view.usesWebGL;
  }
  await frames();
  window.drawMs = performance.now() - t0;
  window.cy = cy;
  window.elementCount = elements.length;
}

window.panFrames = (count) => new Promise((resolve) => {
  const cy = window.cy;
  const times = [];
  let last = performance.now();
  let i = 0;
  const step = (now) => {
    times.push(now - last);
    last = now;
    cy.panBy({ x: i % 120 < 60 ? 6 : -6, y: i % 80 < 40 ? 3 : -3 });
    if (++i < count) requestAnimationFrame(step);
    else resolve(times.slice(5));
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(step); });
});

(params.get('mode') === 'pan' ? pan() : seed()).catch((err) => { document.title = 'error: ' + err.message; console.error(err); });
`;

/** Builds the bare page into `<tmp>/bare` (served under /bare/); returns that directory. */
export async function buildBarePage(tmp: string): Promise<string> {
  const bareRoot = path.join(tmp, 'bare-src');
  fs.mkdirSync(bareRoot);
  fs.writeFileSync(path.join(bareRoot, 'index.html'), BARE_HTML);
  fs.writeFileSync(path.join(bareRoot, 'bare.ts'), BARE_TS);
  const bareDist = path.join(tmp, 'bare');
  await build({
    logLevel: 'error',
    configFile: false,
    root: bareRoot,
    base: '/bare/',
    resolve: {
      alias: {
        cytoscape: path.join(PROJECT_ROOT, 'node_modules', 'cytoscape', 'dist', 'cytoscape.esm.mjs'),
        'cytoscape-fcose': path.join(PROJECT_ROOT, 'node_modules', 'cytoscape-fcose', 'cytoscape-fcose.js'),
      },
    },
    build: { outDir: bareDist, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false }, ...(process.env.BENCH_PAUSE ? { minify: false } : {}) },
  });
  return bareDist;
}

/** The toolbar's exports: link, PNG, SVG, JSON and CSV, each carrying its sources. */
import { download, exportName, jsonBlob, sourcesOf, textBlob, viewCsv, viewJson, type ExportEdge, type ExportNode, type ExportQuote } from './export.js';
import type { Explorer } from './explorer.js';
import { framedPng, framedSvg, type Frame } from './graph/export.js';

export function exportActions(x: Explorer) {
  const visible = () => {
    const cy = x.view.cy;
    const nodes: ExportNode[] = cy.nodes(':visible').map((n) => ({ id: n.id(), name: n.data('name'), kind: n.data('kind'), degree: n.data('degree'), date: n.data('date'), x: n.position('x'), y: n.position('y') }));
    const edges: ExportEdge[] = cy.edges(':visible').map((e) => ({ id: e.id(), from: e.source().id(), to: e.target().id(), type: e.data('type'), label: e.data('label'), date: e.data('date'), certainty: e.data('certainty') }));
    return { nodes, edges };
  };
  const quotes = () => x.cache.get('quotes:all', () => x.api.relationQuotes()) as Promise<Map<string, ExportQuote[]>>;
  const frame = async (): Promise<Frame> => {
    const { edges } = visible();
    const sources = sourcesOf(edges, await quotes());
    const names = [...new Set(sources.map((s) => s.source ?? s.title))];
    return {
      title: document.title.replace(/ · .*$/, '') + (x.state.question ? `: “${x.state.question}”` : ''),
      date: `Exported ${new Date().toISOString().slice(0, 10)} · ${location.href}`,
      caption: `Sources (${sources.length} articles): ${names.join('; ')}`,
    };
  };
  // The label pass covers what is on screen; a picture holds the whole graph, so every label is placed first.
  const picture = () =>
    frame().then((f) => {
      x.view.refreshLabels({ everywhere: true });
      return f;
    });
  const failed = (what: string) => (err: unknown) => x.notice(`The ${what} could not be made: ${err instanceof Error ? err.message : String(err)}`);
  return {
    png: () => picture().then((f) => framedPng(x.view.cy, f)).then((blob) => download(blob, exportName('png')), failed('PNG')),
    svg: () => picture().then((f) => download(textBlob(framedSvg(x.view.cy, f), 'image/svg+xml'), exportName('svg')), failed('SVG')),
    json: () =>
      quotes().then((q) => {
        const { nodes, edges } = visible();
        download(jsonBlob(viewJson(nodes, edges, q, { title: document.title, link: location.href, exported: new Date().toISOString(), state: x.state })), exportName('json'));
      }, failed('JSON')),
    csv: () =>
      quotes().then((q) => {
        const { nodes, edges } = visible();
        const files = viewCsv(nodes, edges, q);
        download(textBlob(files.nodes, 'text/csv'), exportName('nodes.csv'));
        download(textBlob(files.edges, 'text/csv'), exportName('relations.csv'));
      }, failed('CSV')),
  };
}

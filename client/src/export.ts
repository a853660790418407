/** Export the view (PNG through cy.png, JSON of the visible elements and the state) and copy its link. */

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name stamped with the date: story-graph-2025-09-12.png */
export function exportName(ext: string, now = new Date()): string {
  return `story-graph-${now.toISOString().slice(0, 10)}.${ext}`;
}

export function jsonBlob(value: unknown): Blob {
  return new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
}

/** Copies text; falls back to a selected text field when the clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.appendChild(field);
    field.select();
    const ok = document.execCommand?.('copy') ?? false;
    field.remove();
    return ok;
  }
}

export interface ExportEdge { id: string; from: string; to: string; type: string; label: string; date: string | null; certainty: string }
export interface ExportNode { id: string; name: string; kind: string; degree: number; date: string | null; x: number; y: number }
export interface ExportQuote { quote: string; certainty?: string; accordingTo?: { id: string; name: string } | null; article: { id: string; title: string; source?: string | null; url?: string | null } }

/** The view as JSON: every node and relation, each relation with every quote, its certainty and its article. */
export function viewJson(nodes: readonly ExportNode[], edges: readonly ExportEdge[], quotes: ReadonlyMap<string, readonly ExportQuote[]>, meta: { title: string; link: string; exported: string; state: unknown }) {
  return {
    ...meta,
    nodes: nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, degree: n.degree, date: n.date, position: { x: Math.round(n.x), y: Math.round(n.y) } })),
    edges: edges.map((e) => ({
      ...e,
      evidence: (quotes.get(e.id) ?? []).map((q) => ({ quote: q.quote, certainty: q.certainty ?? 'STATED', accordingTo: q.accordingTo?.name ?? null, article: { id: q.article.id, title: q.article.title, source: q.article.source ?? null, url: q.article.url ?? null } })),
    })),
    sources: sourcesOf(edges, quotes),
  };
}

/** Articles cited by these relations, each once, in order of first citation. */
export function sourcesOf(edges: readonly ExportEdge[], quotes: ReadonlyMap<string, readonly ExportQuote[]>): { id: string; title: string; source: string | null }[] {
  const seen = new Map<string, { id: string; title: string; source: string | null }>();
  for (const e of edges) for (const q of quotes.get(e.id) ?? []) if (!seen.has(q.article.id)) seen.set(q.article.id, { id: q.article.id, title: q.article.title, source: q.article.source ?? null });
  return [...seen.values()];
}

/** One CSV field: quoted when it holds a comma, a quote or a line break; formula-looking text is defused. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Nodes, then a blank line, then relations with their quotes (one row per quote). */
export function viewCsv(nodes: readonly ExportNode[], edges: readonly ExportEdge[], quotes: ReadonlyMap<string, readonly ExportQuote[]>): { nodes: string; edges: string } {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const nodeRows = [['id', 'name', 'kind', 'relations', 'date'], ...nodes.map((n) => [n.id, n.name, n.kind, n.degree, n.date ?? ''])];
  const edgeRows: unknown[][] = [['id', 'from', 'relation', 'to', 'date', 'certainty', 'quote', 'according to', 'article', 'source']];
  for (const e of edges) {
    const qs = quotes.get(e.id) ?? [];
    const base = [e.id, names.get(e.from) ?? e.from, e.label, names.get(e.to) ?? e.to, e.date ?? ''];
    if (!qs.length) edgeRows.push([...base, e.certainty, '', '', '', '']);
    for (const q of qs) edgeRows.push([...base, q.certainty ?? 'STATED', q.quote, q.accordingTo?.name ?? '', q.article.title, q.article.source ?? '']);
  }
  return { nodes: csv(nodeRows), edges: csv(edgeRows) };
}

/** A text blob for download. */
export function textBlob(text: string, type: string): Blob {
  return new Blob([text], { type });
}

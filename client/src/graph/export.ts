/**
 * Pictures of the view that carry their sources: a PNG (Cytoscape's own
 * drawing) and an SVG (drawn here from positions), each framed with a title,
 * the date, the legend and a caption naming the articles.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { KIND_LOOKS } from '../style.js';

export interface Frame {
  title: string;
  date: string;
  /** "Sources: AP, Reuters, …" */
  caption: string;
}

const HEAD = 56;
const FOOT = 74;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Words wrapped to lines no longer than `max` characters. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The PNG: the drawing, with title and date above, legend and sources below. */
export async function framedPng(cy: Core, frame: Frame): Promise<Blob> {
  const drawing = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 });
  const img = await createImageBitmap(drawing);
  const width = Math.max(img.width, 1400);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = img.height + (HEAD + FOOT) * 2;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, (width - img.width) / 2, HEAD * 2);
  g.fillStyle = '#1b1f24';
  g.font = `bold 40px ${FONT}`;
  g.fillText(frame.title, 32, 64);
  g.font = `26px ${FONT}`;
  g.fillStyle = '#4a545e';
  g.fillText(frame.date, 32, 100);
  let x = 32;
  const legendY = img.height + HEAD * 2 + 40;
  g.font = `26px ${FONT}`;
  for (const k of KIND_LOOKS) {
    g.fillStyle = k.colour;
    g.beginPath();
    g.arc(x + 12, legendY - 9, 12, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#1b1f24';
    g.fillText(k.label, x + 32, legendY);
    x += 48 + g.measureText(k.label).width;
  }
  g.fillStyle = '#4a545e';
  g.fillText('Dashed lines: attributed, reported or promised, not stated by the article itself.', x + 16, legendY);
  g.font = `22px ${FONT}`;
  wrap(frame.caption, Math.floor(width / 11)).slice(0, 3).forEach((line, i) => g.fillText(line, 32, legendY + 40 + i * 28));
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The SVG: every visible node and relation at its place, labels as shown, framed like the PNG. */
export function framedSvg(cy: Core, frame: Frame): string {
  const nodes = cy.nodes(':visible');
  const box = nodes.nonempty() ? cy.elements(':visible').boundingBox({}) : { x1: 0, y1: 0, x2: 400, y2: 300, w: 400, h: 300 };
  const pad = 24;
  const width = Math.max(900, box.w + pad * 2);
  const height = box.h + pad * 2 + HEAD + FOOT;
  const ox = -box.x1 + pad + (width - box.w - pad * 2) / 2;
  const oy = -box.y1 + pad + HEAD;
  const colour = new Map(KIND_LOOKS.map((k) => [k.kind, k.colour]));
  const parts: string[] = [];
  parts.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  parts.push(`<text x="16" y="30" font-size="20" font-weight="bold" fill="#1b1f24">${esc(frame.title)}</text><text x="16" y="48" font-size="13" fill="#4a545e">${esc(frame.date)}</text>`);
  cy.edges(':visible').forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    const dash = { ATTRIBUTED: '8 3', UNCONFIRMED: '4 4', PLANNED: '2 3' }[String(e.data('certainty')) as 'ATTRIBUTED'] ?? '';
    parts.push(`<line x1="${s.x + ox}" y1="${s.y + oy}" x2="${t.x + ox}" y2="${t.y + oy}" stroke="#8a949e" stroke-width="${Number(e.data('width') ?? 1.5)}"${dash ? ` stroke-dasharray="${dash}"` : ''}><title>${esc(`${e.source().data('name')} ${e.data('label')} ${e.target().data('name')}`)}</title></line>`);
  });
  nodes.forEach((n) => {
    const p = (n as NodeSingular).position();
    const r = Number(n.data('size') ?? 30) / 2;
    parts.push(`<circle cx="${p.x + ox}" cy="${p.y + oy}" r="${r}" fill="${colour.get(n.data('kind')) ?? '#888'}" stroke="#ffffff" stroke-width="2"><title>${esc(String(n.data('name')))}</title></circle>`);
    if (!n.hasClass('quiet')) parts.push(`<text x="${p.x + ox}" y="${p.y + oy + r + 14}" font-size="12" text-anchor="middle" fill="#1b1f24" paint-order="stroke" stroke="#ffffff" stroke-width="3">${esc(String(n.data('label')))}</text>`);
  });
  let x = 16;
  const ly = height - FOOT + 24;
  for (const k of KIND_LOOKS) {
    parts.push(`<circle cx="${x + 6}" cy="${ly - 4}" r="6" fill="${k.colour}"/><text x="${x + 16}" y="${ly}" font-size="13" fill="#1b1f24">${k.label}</text>`);
    x += 30 + k.label.length * 7.5;
  }
  wrap(frame.caption, Math.floor(width / 6.5)).slice(0, 3).forEach((line, i) => parts.push(`<text x="16" y="${ly + 22 + i * 16}" font-size="12" fill="#4a545e">${esc(line)}</text>`));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width)}" height="${Math.round(height)}" viewBox="0 0 ${Math.round(width)} ${Math.round(height)}" font-family='${FONT}'>\n<title>${esc(frame.title)}</title>\n${parts.join('\n')}\n</svg>\n`;
}

/**
 * The size a node's label takes on the page, estimated without a browser:
 * the advance widths of the label font as Chromium measures them
 * (glyph-widths.ts, written by scripts/measure-glyphs.ts) and Cytoscape's
 * own wrapping rule (a line longer than text-max-width breaks between
 * words). Another browser's font differs by a few per cent; the page's label
 * pass measures the real labels and resolves what is left.
 */
import { GLYPHS as glyphs } from './glyph-widths.js';
import { LABEL_FONT_PX, LABEL_MAX_WIDTH_PX } from './readable.js';

/** The width in pixels of `text` at `fontPx` (Cytoscape rounds each line up). */
export function textWidth(text: string, fontPx: number = LABEL_FONT_PX): number {
  let w = 0;
  for (const ch of text) w += glyphs.widths[ch] ?? glyphs.fallback;
  return Math.ceil((w * fontPx) / glyphs.px);
}

/** The lines Cytoscape's 'text-wrap: wrap' makes of `text` within `maxWidth` pixels. */
export function wrapLines(text: string, maxWidth: number, fontPx: number = LABEL_FONT_PX): string[] {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (textWidth(line, fontPx) <= maxWidth) {
      lines.push(line);
      continue;
    }
    let current = '';
    for (const match of line.matchAll(/(\S*)(\s+|$)/g)) {
      const [, word = '', gap = ''] = match;
      if (!word && !gap) break;
      const candidate = current ? current + word + gap : word;
      if (textWidth(candidate, fontPx) <= maxWidth) current = current + word + gap;
      else {
        if (current) lines.push(current);
        current = word + gap;
      }
    }
    if (current.trim()) lines.push(current);
  }
  return lines;
}

/** Width and height in model pixels of a node label drawn at `scale` (the page's label scale). */
export function labelBox(text: string, scale = 1): { width: number; height: number } {
  const fontPx = LABEL_FONT_PX * scale;
  const lines = wrapLines(text, Math.round(LABEL_MAX_WIDTH_PX * scale), fontPx);
  // The label's background padding (1 px) on each side, as in the page's bounding boxes.
  return { width: Math.max(0, ...lines.map((l) => textWidth(l.trimEnd(), fontPx))) + 2, height: lines.length * fontPx + 2 };
}

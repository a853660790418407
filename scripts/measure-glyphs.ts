/**
 * Measures the advance width of each character of the graph's label font in
 * Debian's Chromium, as Cytoscape measures labels (a 2D canvas), and writes
 * server/layout/glyph-widths.ts. The server lays out the overview with these
 * widths (server/layout/label-box.ts), so its layout leaves the room the
 * page's labels will take. Run again when the label font changes:
 *   npx tsx scripts/measure-glyphs.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { LABEL_FONT_FAMILY, LABEL_FONT_PX } from '../server/layout/readable.js';
import { PROJECT_ROOT } from '../server/config.js';

/** Basic Latin, Latin-1 Supplement and Latin Extended-A: the names of European stories. */
const RANGES: [number, number][] = [[32, 126], [160, 383]];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const chars = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i)));
  const widths = await page.evaluate(
    ({ chars, font }) => {
      const c2d = document.createElement('canvas').getContext('2d')!;
      c2d.font = font;
      return chars.map((ch) => Math.round(c2d.measureText(ch).width * 1000) / 1000);
    },
    { chars, font: `normal normal ${LABEL_FONT_PX}px ${LABEL_FONT_FAMILY}` },
  );
  const table = Object.fromEntries(chars.map((ch, i) => [ch, widths[i]]));
  const letters = chars.filter((ch) => /\p{L}/u.test(ch)).map((ch) => table[ch]!);
  const out = {
    about: `Advance widths in px of ${LABEL_FONT_PX}px ${LABEL_FONT_FAMILY} in ${await browser.version()} (scripts/measure-glyphs.ts)`,
    px: LABEL_FONT_PX,
    fallback: Math.round((letters.reduce((a, b) => a + b, 0) / letters.length) * 1000) / 1000,
    widths: table,
  };
  const body = `/** ${out.about}. Written by scripts/measure-glyphs.ts: do not edit. */\nexport const GLYPHS: { about: string; px: number; fallback: number; widths: Record<string, number> } = ${JSON.stringify(out, null, 1)};\n`;
  fs.writeFileSync(path.join(PROJECT_ROOT, 'server', 'layout', 'glyph-widths.ts'), body);
  console.log(out.about, `fallback ${out.fallback}`);
} finally {
  await browser.close();
}

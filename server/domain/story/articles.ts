/** Source documents: a folder of *.txt files (seed/articles for the first story), the file name being the article id. */
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../types.js';

const BOILERPLATE = /^(skip to (main )?content|advertisement|menu|share|subscribe|sign in|log in)\b/i;

/**
 * A title derived from the text: the first short headline-like line (5 to 20
 * words, no closing full stop) near the top, or else the first sentence.
 */
export function deriveTitle(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  for (const line of lines.slice(0, 6)) {
    const words = line.split(/\s+/).length;
    if (!BOILERPLATE.test(line) && words >= 5 && words <= 20 && !/[.!?]$/.test(line)) return line;
  }
  const first = lines.find((l) => !BOILERPLATE.test(l)) ?? '';
  const sentence = first.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? first;
  return sentence.length > 140 ? `${sentence.slice(0, 137).replace(/\s+\S*$/, '')}...` : sentence;
}

export function readArticles(dir: string): Article[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return { id: file.replace(/\.txt$/, ''), title: deriveTitle(text), text };
    });
}

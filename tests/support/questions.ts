/** Shared by the question tables: one case, the check of an answer against it, and the stories they ask about. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.js';
import { readStory } from '../../server/domain/story/read-story.js';
import type { Story } from '../../server/domain/types.js';
import type { Answer } from '../../server/questions/types.js';

const fixture = (name: string) => ({ data: path.join(PROJECT_ROOT, 'tests', 'fixtures', name, 'data'), articles: path.join(PROJECT_ROOT, 'tests', 'fixtures', name, 'articles') });

/**
 * The harbour story with its aftermath (tests/fixtures/harbour-aftermath: two
 * more articles and a version-2 file of citizenship, meetings, exchanges and
 * hedged evidence), read by the real reader from one folder assembled in a
 * temporary directory. The harbour fixture itself stays as the store tests
 * count it.
 */
export function readHarbourWithAftermath(): Story {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harbour-aftermath-'));
  try {
    const target = { data: path.join(dir, 'data'), articles: path.join(dir, 'articles') };
    for (const layer of [fixture('harbour'), fixture('harbour-aftermath')]) {
      for (const kind of ['data', 'articles'] as const) {
        fs.mkdirSync(target[kind], { recursive: true });
        for (const file of fs.readdirSync(layer[kind])) fs.copyFileSync(path.join(layer[kind], file), path.join(target[kind], file));
      }
    }
    return readStory(target);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface QuestionCase {
  q: string;
  /** @default true */
  understood?: boolean;
  intent?: string;
  /** Entities the interpretation must have linked. */
  linked?: string[];
  /** Entities that must be in the answer's rows. */
  answer?: string[];
  /** Entities that must not be in the answer's rows. */
  not?: string[];
  text?: RegExp;
  /** A passage the answer must carry as evidence in its rows (verbatim from the story's articles). */
  quote?: string;
  /** A pattern the text must not match (a hedged fact stated as fact). */
  notText?: RegExp;
}

/** Checks one answer against its case: entities in the rows, not just that it answered. */
export function expectAnswer(a: Answer, c: QuestionCase): void {
  const understood = c.understood ?? true;
  expect({ q: c.q, understood: a.understood, text: a.text }).toEqual({ q: c.q, understood, text: a.text });
  if (c.intent) expect({ q: c.q, intent: a.interpretation.intent }).toEqual({ q: c.q, intent: c.intent });
  const linked = a.interpretation.entities.map((e) => e.id);
  if (c.linked) expect({ q: c.q, linked }).toEqual({ q: c.q, linked: expect.arrayContaining(c.linked) });
  const inRows = [...new Set(a.rows.flatMap((r) => [r.subject?.id, r.object?.id]).filter(Boolean))];
  if (c.answer) expect({ q: c.q, inRows }).toEqual({ q: c.q, inRows: expect.arrayContaining(c.answer) });
  for (const id of c.not ?? []) expect({ q: c.q, inRows }).not.toEqual({ q: c.q, inRows: expect.arrayContaining([id]) });
  if (c.text) expect(a.text).toMatch(c.text);
  if (c.notText) expect(a.text).not.toMatch(c.notText);
  if (c.quote) {
    const quotes = a.rows.flatMap((r) => r.evidence.map((e) => e.quote));
    expect({ q: c.q, quoted: quotes.some((q) => q.includes(c.quote!)) }).toEqual({ q: c.q, quoted: true });
  }
  if (understood) {
    for (const row of a.rows) expect(row.evidence.length).toBeGreaterThan(0);
    const nodes = new Set(a.subgraph.nodes.map((n) => n.id));
    for (const id of inRows) expect(nodes.has(id!)).toBe(true);
  } else {
    expect(a.rows).toEqual([]);
    expect(a.suggestions.length).toBeGreaterThan(0);
  }
}

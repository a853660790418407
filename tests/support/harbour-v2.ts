/**
 * A version-2 story file over the harbour articles (tests/fixtures/harbour):
 * every version-2 feature once, every quote verbatim. storyWith() lays it
 * beside the harbour's own version-1 file in a temp folder, each spoiled as a
 * test likes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HARBOUR, tempDir } from './graph.js';

/** A version-2 file over the harbour articles: every version-2 feature once, quotes verbatim. */
export function harbourV2(): any {
  return {
    version: 2,
    articles: [{ id: 'h002', source: 'Portvale Gazette', published: '2031-03-04', publishedDerived: 'the crossing it reports "on Tuesday, March 4, 2031"' }],
    entities: [
      {
        id: 'strikers',
        kind: 'Group',
        name: 'The striking ferry workers',
        claims: [
          { id: 'strikers-300', measure: 'workers who took part in the strike', value: 300, qualifier: 'about',
            evidence: [{ article: 'h001', quote: 'About 300 workers took part in the strike, according to the Portvale Gazette.', certainty: 'ATTRIBUTED', accordingTo: 'portvale-gazette' }] },
          { id: 'strikers-340', measure: 'workers who took part in the strike', value: 340,
            evidence: [{ article: 'h002', quote: 'The Guild counted 340 strikers', certainty: 'ATTRIBUTED', accordingTo: 'ferryworkers-guild' }] },
        ],
        evidence: [{ article: 'h001', quote: 'was among the strikers who returned to work' }],
      },
      { id: 'guild-leader', kind: 'Position', name: "Leader of the Ferryworkers' Guild", evidence: [{ article: 'h001', quote: 'Guild leader Marta Żelazná said' }] },
      {
        id: 'strike-weeks',
        kind: 'Event',
        name: 'The three weeks of the ferry strike',
        date: '2031-02',
        endDate: '2031-03-03',
        dateDerived: '"three-week" strike that ended on Monday, March 3, 2031',
        evidence: [{ article: 'h001', quote: 'The three-week ferry strike in Portvale ended on Monday, March 3, 2031' }],
      },
    ],
    relations: [
      { from: 'tomas-zelazny', type: 'MEMBER_OF', to: 'strikers', evidence: [{ article: 'h001', quote: 'Tomas Zelazny, a deckhand, was among the strikers' }] },
      { from: 'calloway-shipping', type: 'PARTICIPATED_IN', to: 'ferry-strike', role: 'target', date: '2031-02', endDate: '2031-03-03',
        evidence: [{ article: 'h001', quote: 'agreed to raise wages by 9 percent', certainty: 'PLANNED' }] },
    ],
    statements: [
      {
        id: 'calloway-good-faith',
        speaker: 'edwin-calloway',
        // Typographic apostrophes and a line break the article does not have: folded as quotes are.
        words: 'the company had\n negotiated in good faith',
        date: '2031-03-03',
        dateDerived: 'reported with the deal of Monday, March 3, 2031',
        channel: 'statement to the Portvale Gazette',
        about: ['calloway-shipping', 'strike-deal'],
        reportedBy: ['portvale-gazette'],
        evidence: [{ article: 'h001', quote: 'Calloway said the company had negotiated in good faith.' }],
      },
      {
        id: 'zelazna-fair-wage',
        speaker: 'marta-zelazna',
        words: 'a fair day’s wage at last',
        about: ['strike-deal'],
        evidence: [{ article: 'h001', quote: 'said the agreement was "a fair day\'s wage at last"' }],
      },
    ],
  };
}

/**
 * The harbour story (version 1) plus harbourV2() in v2.json, spoiled as a test
 * likes, in a temp folder; `under` puts data/ and articles/ in a subfolder
 * (seed/, for tools that look for seed/data and seed/articles).
 */
export function storyWith(spoilV2: (doc: any) => void = () => undefined, spoilV1: (doc: any) => void = () => undefined, under = '') {
  const dir = path.join(tempDir('story-v2-'), under);
  fs.cpSync(path.dirname(HARBOUR.data), dir, { recursive: true });
  const v1File = path.join(dir, 'data', 'story.json');
  const v1 = JSON.parse(fs.readFileSync(v1File, 'utf8'));
  spoilV1(v1);
  fs.writeFileSync(v1File, JSON.stringify(v1, null, 2));
  const v2 = harbourV2();
  spoilV2(v2);
  fs.writeFileSync(path.join(dir, 'data', 'v2.json'), JSON.stringify(v2, null, 2));
  return { data: path.join(dir, 'data'), articles: path.join(dir, 'articles') };
}

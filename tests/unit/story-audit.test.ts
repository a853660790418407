/**
 * The data audit (an editor's reading of seed/data against the articles), one
 * test per row where a test can show it: no record stated more firmly than its
 * article, groups and offices as their own kinds, statements instead of SAID
 * edges, spans and derived dates, roles. Reads the JSON files directly (no
 * format code, no database), so it holds whatever the loader does.
 */
import { describe, expect, it } from '@jest/globals';
import { RELATION_TYPES } from '../../server/domain/relation-types.js';
import { normaliseQuote } from '../../server/domain/text.js';
import { readStoryFiles, relationId, type RawRelation } from '../support/story-files.js';

const story = readStoryFiles();
const entity = (id: string) => {
  const e = story.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
};
const relations = (from: string | null, type: string | null, to: string | null) =>
  story.relations.filter((r) => (from === null || r.from === from) && (type === null || r.type === type) && (to === null || r.to === to));
const certainties = (r: RawRelation) => r.evidence.map((e) => e.certainty);
const names = (id: string) => [entity(id).name, ...(entity(id).aliases ?? [])].map((n) => normaliseQuote(n).toLowerCase());

describe('the format of every file', () => {
  it('says version 2 at the top of each file and keeps each file under 700 lines', () => {
    for (const f of story.files) {
      expect([f.name, Object.keys(f.doc)[0], f.doc.version]).toEqual([f.name, 'version', 2]);
      expect([f.name, f.text.split('\n').length < 700]).toEqual([f.name, true]);
    }
  });

  it('gives every evidence item a certainty, and a known source with every ATTRIBUTED one', () => {
    const ids = new Set(story.entities.map((e) => e.id));
    const evidence = [
      ...story.entities.flatMap((e) => [...e.evidence, ...(e.claims ?? []).flatMap((c) => c.evidence)]),
      ...story.relations.flatMap((r) => r.evidence),
      ...story.statements.flatMap((s) => s.evidence),
    ];
    expect(evidence.length).toBeGreaterThan(400);
    for (const ev of evidence) {
      expect(['STATED', 'ATTRIBUTED', 'UNCONFIRMED', 'PLANNED']).toContain(ev.certainty);
      if (ev.certainty === 'ATTRIBUTED') expect(ev.accordingTo).toBeDefined();
      if (ev.accordingTo !== undefined) expect(ids.has(ev.accordingTo)).toBe(true);
    }
  });

  it('keeps ids unique across entities, relations, statements, claims and articles', () => {
    const ids = [
      ...story.entities.map((e) => e.id),
      ...story.entities.flatMap((e) => (e.claims ?? []).flatMap((c) => (c.id ? [c.id] : []))),
      ...story.relations.map(relationId),
      ...story.statements.map((s) => s.id),
    ];
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it('uses only documented relation types, and no relation points at itself', () => {
    for (const r of story.relations) {
      expect(Object.keys(RELATION_TYPES)).toContain(r.type);
      expect(r.from).not.toBe(r.to);
    }
  });

  it('uses only aliases that some article spells', () => {
    const all = [...story.texts.values()].join('\n').toLowerCase();
    for (const e of story.entities) for (const a of e.aliases ?? []) expect([e.id, a, all.includes(normaliseQuote(a).toLowerCase())]).toEqual([e.id, a, true]);
  });

  it('dates articles only from their text, and says how when the date is worked out', () => {
    expect(story.articles.map((a) => a.id).sort()).toEqual([...story.texts.keys()].sort());
    for (const a of story.articles) if (a.published) expect(a.publishedDerived?.length).toBeGreaterThan(10);
  });
});

describe('no SAID relation remains: statements carry what was said', () => {
  it('has no SAID relation, and many statements with speaker, words and evidence', () => {
    expect(relations(null, 'SAID', null)).toEqual([]);
    expect(story.statements.length).toBeGreaterThan(40);
  });

  it('quotes every statement word for word from one of its evidence articles, by a known speaker', () => {
    const ids = new Set(story.entities.map((e) => e.id));
    for (const s of story.statements) {
      expect([s.id, ids.has(s.speaker)]).toEqual([s.id, true]);
      for (const id of [...(s.about ?? []), ...(s.reportedBy ?? [])]) expect([s.id, id, ids.has(id)]).toEqual([s.id, id, true]);
      const found = s.evidence.some((ev) => story.texts.get(ev.article)?.includes(normaliseQuote(s.words)));
      expect([s.id, found]).toEqual([s.id, true]);
    }
  });

  it('keeps who relayed a statement: BelTA quoting Coale quoting Trump', () => {
    const embassy = story.statements.find((s) => s.speaker === 'donald-trump' && s.about?.includes('us-embassy-minsk'));
    expect(embassy?.reportedBy).toEqual(['john-coale', 'belta']);
    expect(embassy?.evidence[0]).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'john-coale' });
  });

  it('gives the released prisoners their own words: no warning, “Middle Ages”, return without new arrests', () => {
    const words = story.statements.filter((s) => s.speaker === 'released-prisoners-2025-09-11').map((s) => s.words).join(' ');
    expect(words).toMatch(/little to no warning/);
    expect(words).toMatch(/Middle Ages/);
    expect(words).toMatch(/not at the cost of new arrests or trials/);
  });

  it('turns Lukashenko’s “stand with Trump” into his statement relayed by BelTA, not an act of support', () => {
    expect(relations('alexander-lukashenko', 'SUPPORTED', 'donald-trump')).toEqual([]);
    const stand = story.statements.find((s) => /stand with Trump/.test(s.words));
    expect(stand).toMatchObject({ speaker: 'alexander-lukashenko', reportedBy: ['belta'] });
  });

  it('records Lukashenko’s August 22 words about “bandits” as a statement about the prisoners, not about itself', () => {
    const bandits = story.statements.find((s) => /bandits/.test(s.words));
    expect(bandits).toMatchObject({ speaker: 'alexander-lukashenko', date: '2025-08-22' });
    expect(bandits?.about).not.toContain(bandits?.id);
    expect(story.entities.some((e) => /bandits/.test(e.name))).toBe(false);
  });
});

describe('stated no more firmly than the article', () => {
  it('holds no relation saying the United States granted Belarus sanctions relief as a fact', () => {
    const toBelarus = relations('united-states', 'GRANTED_SANCTIONS_RELIEF_TO', 'belarus');
    expect(toBelarus).toHaveLength(1);
    expect(certainties(toBelarus[0]!)).toEqual(['PLANNED']);
    expect(certainties(relations('united-states', 'GRANTED_SANCTIONS_RELIEF_TO', 'belavia')[0]!)).toEqual(['STATED', 'PLANNED']);
    expect(relations('belavia-sanctions-relief', 'IN_EXCHANGE_FOR', null)[0]!.evidence).toEqual([expect.objectContaining({ certainty: 'PLANNED', accordingTo: 'us-embassy-vilnius-spokesperson' })]);
    expect(entity('belavia-sanctions-relief').date).toBeUndefined();
    for (const id of ['united-states', 'belavia']) expect(entity(id).summary).not.toMatch(/\bgranted\b/);
  });

  it('records Statkevich’s return to Belarus as UNCONFIRMED and attributed to Tsikhanouskaya', () => {
    const back = relations('mikalai-statkevich', null, 'belarus').filter((r) => ['CROSSED_INTO', 'RETURNED_TO'].includes(r.type));
    expect(back).toHaveLength(1);
    expect(back[0]!.evidence).toEqual([expect.objectContaining({ certainty: 'UNCONFIRMED', accordingTo: 'sviatlana-tsikhanouskaya' })]);
  });

  it('does not say John Coale brokered the release: he negotiated with Lukashenko and headed the delegation', () => {
    expect(relations(null, 'BROKERED_BY', 'john-coale')).toEqual([]);
    expect(relations('john-coale', 'NEGOTIATED', 'alexander-lukashenko')).toHaveLength(1);
    expect(relations('john-coale', 'LEADS', 'us-delegation')).toHaveLength(1);
  });

  it('marks every relation whose quote says “reportedly” or “what it said were” as less than stated', () => {
    // An event's participants, place and order are stated even when a detail of the event is hedged.
    const framing = new Set(['PARTICIPATED_IN', 'OCCURRED_IN', 'PRECEDED']);
    for (const r of story.relations.filter((x) => !framing.has(x.type))) for (const ev of r.evidence) {
      if (/reportedly|what it said were|could not immediately confirm/.test(ev.quote)) expect([relationId(r), ev.certainty]).not.toEqual([relationId(r), 'STATED']);
      if (/\b(will grant|promised to|plans to)\b/.test(ev.quote)) expect([relationId(r), ev.certainty]).toEqual([relationId(r), 'PLANNED']);
    }
  });

  it('keeps Poland’s word that the drones were Russian as Poland’s', () => {
    expect(relations('poland', 'SHOT_DOWN', 'russia')[0]!.evidence).toEqual([expect.objectContaining({ certainty: 'UNCONFIRMED', accordingTo: 'poland' })]);
  });

  it('says Statkevich was taken in the direction of the Belarusian crossing, not taken to it', () => {
    expect(relations('mikalai-statkevich', 'TRANSPORTED_TO', null)).toEqual([]);
    expect(relations('mikalai-statkevich', 'TAKEN_TOWARDS', 'belarusian-border-crossing')[0]!.evidence[0]).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'anatol-lyabedzka' });
  });

  it('records RFE/RL as US government-funded, not supported by the United States', () => {
    expect(relations('united-states', 'SUPPORTED', 'rfe-rl')).toEqual([]);
    expect(relations('rfe-rl', 'FUNDED_BY', 'united-states')).toHaveLength(1);
  });

  it('keeps Tsikhanouskaya’s recognition by Western governments apart from representing a state', () => {
    expect(relations('sviatlana-tsikhanouskaya', 'REPRESENTS', null)).toEqual([]);
    expect(relations('sviatlana-tsikhanouskaya', 'RECOGNISED_AS_REPRESENTATIVE_OF', 'belarus')).toHaveLength(1);
  });

  it('does not make Statkevich a member of the exiled opposition he refused to join in exile', () => {
    expect(relations('mikalai-statkevich', 'MEMBER_OF', 'belarusian-opposition')).toEqual([]);
  });

  it('does not have the United States take part in the June release: an envoy visited during it', () => {
    expect(relations('united-states', 'PARTICIPATED_IN', 'june-2025-release')).toEqual([]);
    expect(relations('june-2025-release', 'DURING', null)).toHaveLength(1);
  });

  it('reads “Thirteen others” without deciding whether they are among the 14', () => {
    const thirteen = story.entities.flatMap((e) => e.claims ?? []).filter((c) => c.value === 13);
    expect(thirteen).toHaveLength(1);
    expect(thirteen[0]!.measure).toMatch(/leaves open/);
  });
});

describe('groups, offices and places standing for governments', () => {
  it('makes the 52 released prisoners a GROUP with the 51 and 52 crossing claims side by side', () => {
    const g = entity('released-prisoners-2025-09-11');
    expect(g.kind).toBe('Group');
    const crossed = (g.claims ?? []).filter((c) => /crossed/.test(c.measure));
    expect(crossed.map((c) => [c.value, c.evidence[0]!.accordingTo])).toEqual([[51, 'anatol-lyabedzka'], [52, 'gitanas-nauseda']]);
    expect(relations('mikalai-statkevich', 'MEMBER_OF', g.id)).toHaveLength(1);
  });

  it('keeps each figure for the prisoners still held with its own source', () => {
    const held = entity('political-prisoners-held-in-belarus');
    expect(held.kind).toBe('Group');
    expect((held.claims ?? []).map((c) => [c.value, c.qualifier ?? null, c.evidence[0]!.accordingTo])).toEqual([
      [1200, 'almost', 'viasna'], [1000, 'well over', 'viasna'], [1400, null, 'john-coale'],
    ]);
  });

  it('makes the 14 foreigners a sub-group of the 52, and no person a citizen of several countries', () => {
    expect(entity('released-foreigners-2025-09-11').kind).toBe('Group');
    expect(relations('released-foreigners-2025-09-11', 'PART_OF', 'released-prisoners-2025-09-11')).toHaveLength(1);
    for (const p of story.entities.filter((e) => e.kind === 'Person')) expect([p.id, relations(p.id, 'CITIZEN_OF', null).length <= 1]).toEqual([p.id, true]);
  });

  it('models unnamed office-holders as Positions, and names no one “(unnamed)”', () => {
    for (const id of ['us-embassy-vilnius-spokesperson', 'lithuanian-minister-of-foreign-affairs', 'senior-us-envoy-minsk-visit', 'us-special-envoy-june-2025']) expect(entity(id).kind).toBe('Position');
    for (const e of story.entities) expect(e.name).not.toMatch(/unnamed/i);
  });

  it('gives an office a holder only where the quote names the holder with it (no unnamed envoy merged with Coale)', () => {
    expect(relations(null, 'HOLDS', 'senior-us-envoy-minsk-visit')).toEqual([]);
    expect(relations(null, 'HOLDS', 'us-special-envoy-june-2025')).toEqual([]);
    for (const r of relations(null, 'HOLDS', null)) {
      const spelled = r.evidence.every((ev) => names(r.from).some((n) => normaliseQuote(ev.quote).toLowerCase().includes(n)));
      expect([relationId(r), spelled]).toEqual([relationId(r), true]);
    }
  });

  it('lets Minsk, Washington, Moscow and Brussels stand for their governments while staying Places', () => {
    const pairs = [['minsk', 'belarus'], ['washington', 'united-states'], ['moscow', 'russia'], ['brussels', 'european-union']];
    for (const [place, state] of pairs) {
      expect(entity(place!)).toMatchObject({ kind: 'Place', standsFor: state });
      expect(entity(state!).aliases ?? []).not.toContain(entity(place!).name);
    }
  });
});

describe('time and roles', () => {
  it('draws “since July 2023” as an open span and leaves undated what the text does not date', () => {
    expect(entity('releases-since-july-2023')).toMatchObject({ date: '2023-07' });
    expect(entity('releases-since-july-2023').endDate).toBeUndefined();
    expect(entity('trump-letter-to-lukashenko').date).toBeUndefined();
  });

  it('says why, in one line, for every date worked out from relative wording', () => {
    for (const id of ['poland-drone-shootdown', 'russia-belarus-military-exercises', 'kolesnikova-conviction', 'trump-lukashenko-conversation', 'tsikhanouskaya-news-conference-2025-09-12']) {
      expect(entity(id).dateDerived).toMatch(/^[^\n]{10,}$/);
    }
    const relative = /\b(on the eve of|a day after|last month|a year later|the next day|said Friday)\b/;
    for (const r of story.relations) if (r.date && r.evidence.every((ev) => relative.test(ev.quote))) expect([relationId(r), r.dateDerived]).toEqual([relationId(r), expect.any(String)]);
  });

  it('gives Belavia the beneficiary’s role in its own sanctions relief', () => {
    expect(relations('belavia', 'PARTICIPATED_IN', null).map((r) => r.role)).toEqual(['beneficiary']);
  });

  it('makes Kolesnikova the target of her deportation attempt and the defendant at her conviction', () => {
    expect(relations('maria-kolesnikova', 'PARTICIPATED_IN', 'kolesnikova-deportation-attempt')[0]!.role).toBe('target');
    expect(relations('maria-kolesnikova', 'PARTICIPATED_IN', 'kolesnikova-conviction')[0]!.role).toBe('defendant');
  });

  it('keeps Tsikhanouskaya’s news conference and the prisoners’ press conference as two events', () => {
    const hers = relations('sviatlana-tsikhanouskaya', 'PARTICIPATED_IN', null).map((r) => r.to);
    const theirs = relations('released-prisoners-2025-09-11', 'PARTICIPATED_IN', null).map((r) => r.to);
    expect(hers.filter((id) => theirs.includes(id))).toEqual([]);
    expect(hers.some((id) => /conference/.test(id)) && theirs.some((id) => /conference/.test(id))).toBe(true);
  });

  it('documents PART_OF and LOCATED_IN for organisations too', () => {
    expect(RELATION_TYPES.PART_OF.description).toMatch(/organisation/);
    expect(RELATION_TYPES.LOCATED_IN.description).toMatch(/organisation/);
  });
});

describe('what the audit found left out', () => {
  it('records the condition of the release: leave Belarus immediately', () => {
    const [condition] = relations(null, 'CONDITION_OF', 'release-of-52-prisoners-2025');
    expect(condition?.evidence[0]).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'released-prisoners-2025-09-11' });
    expect(condition?.evidence[0]!.quote).toMatch(/only if they left Belarus immediately/);
  });

  it('records the escort to the line, reportedly and as the prisoners described it', () => {
    const [escort] = relations('belarusian-officers-at-the-crossing', 'ESCORTED', 'released-prisoners-2025-09-11');
    expect(certainties(escort!)).toEqual(expect.arrayContaining(['UNCONFIRMED', 'ATTRIBUTED']));
  });

  it('records Statkevich in no-man’s land, blocked, and the pictures of him there', () => {
    expect(relations('mikalai-statkevich', 'REMAINED_IN', 'no-mans-land')).toHaveLength(1);
    expect(relations(null, 'BLOCKED', 'mikalai-statkevich')).toHaveLength(1);
    expect(story.statements.some((s) => s.speaker === 'belarusian-opposition' && /pictures/.test(s.words))).toBe(true);
  });

  it('records the confiscated passports and the A4 papers, according to Tsikhanouskaya', () => {
    for (const type of ['CONFISCATED', 'ISSUED_DOCUMENTS_TO']) {
      expect(relations('belarusian-security-services', type, 'released-prisoners-2025-09-11')[0]!.evidence[0]).toMatchObject({ certainty: 'ATTRIBUTED', accordingTo: 'sviatlana-tsikhanouskaya' });
    }
  });
});

/**
 * Statements and the SAID edges. Version 2 records what someone said as a
 * statement; a version-1 SAID relation is read as one (speaker = from,
 * about = [to], words = its quotes, evidence kept). The page and the
 * questions still draw who spoke about whom: one SAID edge per speaker and
 * subject, derived here from the statements, carrying their evidence.
 */
import type { Evidence, Relation, Statement } from '../types.js';
import type { RelationRecord } from './format.js';
import { SAID } from './format.js';

/** The id of the derived edge from a speaker to one subject: what a version-1 SAID relation was called by default. */
export const speakerEdgeId = (speaker: string, about: string) => `${speaker}.${SAID.toLowerCase()}.${about}`;

/**
 * A version-1 SAID relation read as a statement. Its id is the relation's own
 * (stories and links name it), unless that is the derived edge's id, which
 * ids being unique across records, the edge keeps.
 */
export function statementFromSaid(r: RelationRecord): Statement {
  const own = r.id && r.id !== speakerEdgeId(r.from, r.to) ? r.id : null;
  return {
    id: own ?? `${r.from}.statement.${r.to}`,
    speaker: r.from,
    // The quotes are what was said, verbatim; the note is the curator's line and is not.
    words: [...new Set(r.evidence.map((e) => e.quote.trim()))].join(' … '),
    date: r.date ?? null,
    channel: null,
    about: [r.to],
    reportedBy: [],
    evidence: r.evidence,
  };
}

/**
 * One SAID edge per speaker and subject. Its date is the earliest statement's
 * (with the reason, when that date was derived);
 * its note is the version-1 relation's own when the edge stands for exactly
 * that one relation (`notes`: statement id -> note).
 */
export function speakerEdges(statements: readonly Statement[], notes: ReadonlyMap<string, string> = new Map()): Relation[] {
  const edges = new Map<string, { from: string; to: string; said: Statement[] }>();
  for (const s of statements) {
    for (const about of new Set(s.about)) {
      const id = speakerEdgeId(s.speaker, about);
      const edge = edges.get(id) ?? { from: s.speaker, to: about, said: [] };
      edge.said.push(s);
      edges.set(id, edge);
    }
  }
  return [...edges].map(([id, { from, to, said }]) => {
    const first = said.filter((s) => s.date).sort((a, b) => a.date!.localeCompare(b.date!))[0];
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const ev of said.flatMap((s) => s.evidence)) {
      const key = `${ev.article}\u0000${ev.quote}`;
      if (!seen.has(key)) evidence.push(ev);
      seen.add(key);
    }
    const note = said.length === 1 ? (notes.get(said[0]!.id) ?? null) : null;
    const edge: Relation = { id, type: SAID, from, to, date: first?.date ?? null, note, evidence };
    if (first?.dateDerived) edge.dateDerived = first.dateDerived;
    return edge;
  });
}

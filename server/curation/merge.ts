/**
 * Merging one entity into another: the survivor takes the other's name and
 * aliases as aliases, its evidence and claims; every reference to the merged
 * id (relations, statements, accordingTo, standsFor) now names the survivor;
 * a relation between the two disappears, two relations that became the same
 * become one with both evidence lists; the merged id redirects.
 */
import { BadInput, NotFound } from '../domain/errors.js';
import { fold } from '../domain/text.js';
import { findRecord, recordKey, type Rec, type StoryState } from './story-state.js';

export function mergeEntities(state: StoryState, from: string, into: string): string {
  if (from === into) throw new BadInput(`mergeEntities: "from" and "into" are both "${from}": an entity cannot be merged into itself.`);
  const gone = findRecord(state, 'entities', from);
  const survivor = findRecord(state, 'entities', into);
  if (!gone) throw new NotFound(`mergeEntities: from: no entity "${from}".`);
  if (!survivor) throw new NotFound(`mergeEntities: into: no entity "${into}".`);
  const s = survivor.rec;
  const names = new Set([fold(String(s.name)), ...((s.aliases as string[] | undefined) ?? []).map(fold)]);
  const aliases = [...((s.aliases as string[] | undefined) ?? [])];
  for (const name of [String(gone.rec.name), ...((gone.rec.aliases as string[] | undefined) ?? [])]) {
    if (!names.has(fold(name))) aliases.push(name);
    names.add(fold(name));
  }
  s.aliases = aliases;
  const evidence = [...(s.evidence as Rec[])];
  for (const ev of gone.rec.evidence as Rec[]) if (!evidence.some((e) => e.article === ev.article && e.quote === ev.quote)) evidence.push(ev);
  s.evidence = evidence;
  const claims = [...((s.claims as Rec[] | undefined) ?? []), ...((gone.rec.claims as Rec[] | undefined) ?? [])];
  if (claims.length > 0) s.claims = claims;
  state.files.get(gone.file)!.entities!.splice(gone.index, 1);

  const rename = (id: unknown) => (id === from ? into : id);
  const renameAll = (ids: unknown) => (Array.isArray(ids) ? [...new Set(ids.map(rename))] : ids);
  const fixEvidence = (list: unknown) => {
    for (const ev of (list as Rec[] | undefined) ?? []) if (ev.accordingTo === from) ev.accordingTo = into;
  };
  /** Relations kept so far, by key, across files: two that became the same become one. */
  const seen = new Map<string, Rec>();
  for (const doc of state.files.values()) {
    for (const e of doc.entities ?? []) {
      if (e.standsFor === from) e.standsFor = into;
      fixEvidence(e.evidence);
      for (const c of (e.claims as Rec[] | undefined) ?? []) fixEvidence(c.evidence);
    }
    for (const st of doc.statements ?? []) {
      st.speaker = rename(st.speaker);
      if (st.about) st.about = renameAll(st.about);
      if (st.reportedBy) st.reportedBy = renameAll(st.reportedBy);
      fixEvidence(st.evidence);
    }
    const kept: Rec[] = [];
    for (const r of doc.relations ?? []) {
      r.from = rename(r.from);
      r.to = rename(r.to);
      fixEvidence(r.evidence);
      if (r.from === r.to) continue; // a relation between the two merged entities
      const twin = seen.get(recordKey('relations', r));
      if (twin) {
        for (const ev of r.evidence as Rec[]) if (!(twin.evidence as Rec[]).some((e) => e.article === ev.article && e.quote === ev.quote)) (twin.evidence as Rec[]).push(ev);
        continue;
      }
      kept.push(r);
      seen.set(recordKey('relations', r), r);
    }
    if (doc.relations) doc.relations = kept;
  }
  for (const [old, target] of Object.entries(state.redirects)) if (target === from) state.redirects[old] = into;
  state.redirects[from] = into;
  // The survivor is an entity, so an older redirect away from its id (it was merged once, then made again) is stale.
  delete state.redirects[into];
  return `merged ${from} into ${into}`;
}

/**
 * Applies one parsed change to a copy of the story state and says in a line
 * what it did. Refusals that need the story (an unknown id, an entity still
 * referenced, a text change that would orphan a quote) are thrown here with a
 * message naming the field; everything else the seed checks is left to the
 * validation that follows (validateState), so there is one validator.
 */
import { BadInput, NotFound } from '../domain/errors.js';
import { normaliseQuote } from '../domain/text.js';
import type { Change } from './change-input.js';
import { mergeEntities } from './merge.js';
import { articleId, cleanEvidence, defined, idsInUse, newRecordsFile, newSlug } from './records.js';
import { cloneState, findRecord, recordsOf, type Rec, type StoryState } from './story-state.js';

export interface Applied {
  state: StoryState;
  /** One line for the change log and the CLI: "created entity portvale (Place)". */
  summary: string;
  /** The id the change created or touched, where there is one. */
  id: string | null;
}

export function applyChange(before: StoryState, change: Change): Applied {
  const state = cloneState(before);
  const done = (summary: string, id: string | null = null): Applied => ({ state, summary, id });
  const entity = (field: string, id: string) => {
    const found = findRecord(state, 'entities', id);
    if (!found) throw new NotFound(`${change.op}: ${field}: no entity "${id}"${state.redirects[id] ? ` (it was merged into "${state.redirects[id]}")` : ''}.`);
    return found.rec;
  };
  switch (change.op) {
    case 'addArticle': {
      const { text, title, source, published, url } = change.article;
      const same = [...state.texts].find(([, t]) => normaliseQuote(t) === normaliseQuote(text));
      if (same) throw new BadInput(`addArticle: text: this article is already in the story as ${same[0]}.`);
      const id = articleId(text, state.texts.size);
      state.texts.set(id, text.endsWith('\n') ? text : `${text}\n`);
      const doc = newRecordsFile(state);
      (doc.articles ??= []).push(defined({ id, title, url, source, published }));
      return done(`added article ${id} "${title}" (${source}, ${published})`, id);
    }
    case 'updateArticleText': {
      if (!state.texts.has(change.article)) throw new NotFound(`updateArticleText: article: no article "${change.article}".`);
      const text = normaliseQuote(change.text);
      const orphaned = quotesCiting(state, change.article).filter((q) => !text.includes(normaliseQuote(q)));
      if (orphaned.length > 0) {
        throw new BadInput(`updateArticleText: text: ${orphaned.length} quote${orphaned.length === 1 ? '' : 's'} citing ${change.article} would no longer be found in it (first: "${orphaned[0]!.slice(0, 80)}"). Keep those passages verbatim, or remove that evidence first.`);
      }
      state.texts.set(change.article, change.text);
      return done(`changed the text of article ${change.article}; every quote citing it still matches`, change.article);
    }
    case 'createEntity': {
      const { evidence, aliases, ...fields } = change.entity;
      const id = fields.id ?? newSlug(fields.name, idsInUse(state), 'entity');
      if (fields.id && idsInUse(state).has(fields.id)) throw new BadInput(`createEntity: entity.id: "${fields.id}" is already used; choose another or leave it out.`);
      (newRecordsFile(state).entities ??= []).push(defined({ ...fields, id, aliases: aliases?.length ? aliases : undefined, evidence: evidence.map(cleanEvidence) }));
      return done(`created entity ${id} (${fields.kind} "${fields.name}")`, id);
    }
    case 'updateEntity': {
      const { id, ...patch } = change.entity;
      return done(`edited entity ${id} (${edit(entity('entity.id', id), patch)})`, id);
    }
    case 'deleteEntity': {
      entity('id', change.id);
      const refs = referencesTo(state, change.id);
      if (refs.length > 0) throw new BadInput(`deleteEntity: id: "${change.id}" is still named by ${refs.length} record${refs.length === 1 ? '' : 's'} (${refs.slice(0, 3).join('; ')}${refs.length > 3 ? '; ...' : ''}): delete those first, or merge the entity into another.`);
      const found = findRecord(state, 'entities', change.id)!;
      state.files.get(found.file)!.entities!.splice(found.index, 1);
      return done(`deleted entity ${change.id}`, change.id);
    }
    case 'addAlias': {
      const rec = entity('entity', change.entity);
      const aliases = (rec.aliases as string[] | undefined) ?? [];
      if ([rec.name, ...aliases].includes(change.alias)) throw new BadInput(`addAlias: alias: "${change.alias}" is already a name of ${change.entity}.`);
      rec.aliases = [...aliases, change.alias];
      return done(`added alias "${change.alias}" to ${change.entity}`, change.entity);
    }
    case 'removeAlias': {
      const rec = entity('entity', change.entity);
      const aliases = (rec.aliases as string[] | undefined) ?? [];
      if (!aliases.includes(change.alias)) throw new NotFound(`removeAlias: alias: ${change.entity} has no alias "${change.alias}".`);
      rec.aliases = aliases.filter((a) => a !== change.alias);
      return done(`removed alias "${change.alias}" from ${change.entity}`, change.entity);
    }
    case 'addEvidence': {
      const rec = entity('entity', change.entity);
      const evidence = rec.evidence as Rec[];
      if (evidence.some((e) => e.article === change.evidence.article && e.quote === change.evidence.quote)) throw new BadInput(`addEvidence: evidence: ${change.entity} already cites this passage.`);
      rec.evidence = [...evidence, cleanEvidence(change.evidence)];
      return done(`added evidence from ${change.evidence.article} to ${change.entity}`, change.entity);
    }
    case 'createRelation': {
      const { evidence, ...fields } = change.relation;
      entity('relation.from', fields.from);
      entity('relation.to', fields.to);
      const key = fields.id ?? `${fields.from}.${fields.type.toLowerCase()}.${fields.to}`;
      if (findRecord(state, 'relations', key)) throw new BadInput(`createRelation: relation: ${key} already exists; add evidence to it, or give this one an "id".`);
      (newRecordsFile(state).relations ??= []).push(defined({ ...fields, evidence: evidence.map(cleanEvidence) }));
      return done(`created relation ${fields.from} -${fields.type}-> ${fields.to}`, key);
    }
    case 'updateRelation': {
      const { id, evidence, ...patch } = change.relation;
      const found = findRecord(state, 'relations', id);
      if (!found) throw new NotFound(`updateRelation: relation.id: no relation "${id}" (a relation's id is its "id", or from.type.to in lower case).`);
      return done(`edited relation ${id} (${edit(found.rec, { ...patch, evidence: evidence?.map(cleanEvidence) })})`, id);
    }
    case 'deleteRelation': {
      const found = findRecord(state, 'relations', change.id);
      if (!found) throw new NotFound(`deleteRelation: id: no relation "${change.id}" (a relation's id is its "id", or from.type.to in lower case).`);
      state.files.get(found.file)!.relations!.splice(found.index, 1);
      return done(`deleted relation ${change.id}`, change.id);
    }
    case 'createClaim': {
      const rec = entity('entity', change.entity);
      const { evidence, ...claim } = change.claim;
      if (claim.id && idsInUse(state).has(claim.id)) throw new BadInput(`createClaim: claim.id: "${claim.id}" is already used.`);
      const id = claim.id ?? newSlug(`${change.entity} ${claim.measure}`, idsInUse(state), 'claim');
      rec.claims = [...((rec.claims as Rec[] | undefined) ?? []), defined({ ...claim, id, evidence: evidence.map(cleanEvidence) })];
      return done(`added claim ${id} (${claim.measure}: ${claim.value}) to ${change.entity}`, id);
    }
    case 'updateClaim': {
      const { claims, at } = claimOf(entity('entity', change.entity), change.op, change.entity, change.claim);
      const { evidence, ...patch } = change.patch;
      const what = edit(claims[at]!, { ...patch, evidence: evidence?.map(cleanEvidence) });
      return done(`edited claim ${change.claim} of ${change.entity} (${what})`, String(claims[at]!.id ?? change.claim));
    }
    case 'deleteClaim': {
      const rec = entity('entity', change.entity);
      const { claims, at } = claimOf(rec, change.op, change.entity, change.claim);
      rec.claims = claims.filter((_, i) => i !== at);
      if ((rec.claims as Rec[]).length === 0) delete rec.claims;
      return done(`deleted claim ${change.claim} of ${change.entity}`, change.claim);
    }
    case 'createStatement': {
      const { evidence, ...fields } = change.statement;
      entity('statement.speaker', fields.speaker);
      const taken = idsInUse(state);
      if (fields.id && taken.has(fields.id)) throw new BadInput(`createStatement: statement.id: "${fields.id}" is already used.`);
      const id = fields.id ?? newSlug(`${fields.speaker} ${fields.words.split(/\s+/).slice(0, 4).join(' ')}`, taken, 'statement');
      const about = fields.about?.length ? fields.about : undefined;
      const reportedBy = fields.reportedBy?.length ? fields.reportedBy : undefined;
      (newRecordsFile(state).statements ??= []).push(defined({ ...fields, id, about, reportedBy, evidence: evidence.map(cleanEvidence) }));
      return done(`created statement ${id} by ${fields.speaker}`, id);
    }
    case 'updateStatement': {
      const { id, evidence, ...patch } = change.statement;
      const found = findRecord(state, 'statements', id);
      if (!found) throw new NotFound(`updateStatement: statement.id: no statement "${id}".`);
      for (const [field, ids] of [['about', patch.about], ['reportedBy', patch.reportedBy]] as const) for (const ref of ids ?? []) entity(`statement.${field}`, ref);
      const lists = { about: patch.about?.length ? patch.about : patch.about && null, reportedBy: patch.reportedBy?.length ? patch.reportedBy : patch.reportedBy && null };
      return done(`edited statement ${id} (${edit(found.rec, { ...patch, ...lists, evidence: evidence?.map(cleanEvidence) })})`, id);
    }
    case 'deleteStatement': {
      const found = findRecord(state, 'statements', change.id);
      if (!found) throw new NotFound(`deleteStatement: id: no statement "${change.id}".`);
      state.files.get(found.file)!.statements!.splice(found.index, 1);
      return done(`deleted statement ${change.id}`, change.id);
    }
    case 'mergeEntities':
      return done(mergeEntities(state, change.from, change.into), change.into);
  }
}

/** Sets the fields given; null or "" removes an optional one. Says which fields it touched. */
function edit(rec: Rec, patch: Record<string, unknown>): string {
  const touched: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    touched.push(key);
    if (value === null || value === '') delete rec[key];
    else rec[key] = value;
  }
  return touched.join(', ') || 'nothing';
}

/** A claim of an entity by its id, or "#N" (its place from 1) for a claim without an id. */
function claimOf(rec: Rec, op: string, entityId: string, key: string): { claims: Rec[]; at: number } {
  const claims = (rec.claims as Rec[] | undefined) ?? [];
  const numbered = /^#(\d+)$/.exec(key);
  const at = numbered ? Number(numbered[1]) - 1 : claims.findIndex((c) => c.id === key);
  if (at < 0 || at >= claims.length) throw new NotFound(`${op}: claim: ${entityId} has no claim "${key}" (give its id, or #N for the N-th claim of ${claims.length}).`);
  return { claims, at };
}

/** Every quote and statement's words that cite an article. */
function quotesCiting(state: StoryState, article: string): string[] {
  const out: string[] = [];
  const scan = (evidence: unknown) => {
    for (const ev of (evidence as Rec[] | undefined) ?? []) if (ev.article === article) out.push(String(ev.quote));
  };
  for (const list of ['entities', 'relations', 'statements'] as const) {
    for (const { rec } of recordsOf(state, list)) {
      scan(rec.evidence);
      for (const c of (rec.claims as Rec[] | undefined) ?? []) scan(c.evidence);
    }
  }
  return out;
}

/** Records that name an entity: "relation a.met.b", "statement s1 (about)". */
function referencesTo(state: StoryState, id: string): string[] {
  const refs: string[] = [];
  const cites = (evidence: unknown) => ((evidence as Rec[] | undefined) ?? []).some((ev) => ev.accordingTo === id);
  for (const { rec } of recordsOf(state, 'relations')) if (rec.from === id || rec.to === id || cites(rec.evidence)) refs.push(`relation ${rec.id ?? `${rec.from}.${String(rec.type).toLowerCase()}.${rec.to}`}`);
  for (const { rec } of recordsOf(state, 'statements')) {
    if (rec.speaker === id || (rec.about as string[] | undefined)?.includes(id) || (rec.reportedBy as string[] | undefined)?.includes(id) || cites(rec.evidence)) refs.push(`statement ${rec.id}`);
  }
  for (const { rec } of recordsOf(state, 'entities')) {
    if (rec.id !== id && (rec.standsFor === id || cites(rec.evidence) || ((rec.claims as Rec[] | undefined) ?? []).some((c) => cites(c.evidence)))) refs.push(`entity ${rec.id}`);
  }
  return refs;
}

/**
 * `where` and `orderBy` of relations and entities, as pure predicates and
 * comparators over domain objects. Lists they apply to are bounded (one
 * entity's relations, one article's entities) or scanned within the request's
 * object budget.
 */
import { BadInput } from '../domain/errors.js';
import { RELATION_TYPE_NAMES } from '../domain/relation-types.js';
import { CERTAINTIES, strongestCertainty, type Certainty, type Entity, type EntityKind, type Relation } from '../domain/types.js';

export interface RelationWhere {
  types?: string[] | null;
  from?: string | null;
  to?: string | null;
  endpoint?: string | null;
  kinds?: EntityKind[] | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  article?: string | null;
  certainty?: Certainty[] | null;
  minCertainty?: Certainty | null;
}

export interface EntityWhere {
  kinds?: EntityKind[] | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  article?: string | null;
  relatedTo?: string | null;
}

export interface Order<F extends string> {
  field: F;
  direction?: 'ASC' | 'DESC' | null;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Refuses relation types outside the vocabulary and the graph, naming the known ones. */
export function checkTypes(name: string, types: readonly string[] | null | undefined, inGraph: readonly string[]): void {
  if (!types?.length) return;
  const known = new Set<string>([...RELATION_TYPE_NAMES, ...inGraph]);
  const unknown = types.filter((t) => !known.has(t));
  if (unknown.length) {
    throw new BadInput(`Unknown relation type${unknown.length > 1 ? 's' : ''} in "${name}": ${unknown.join(', ')}. Known types: ${[...known].sort().join(', ')}.`);
  }
}

export function checkDates(where: { dateFrom?: string | null; dateTo?: string | null } | null | undefined): void {
  for (const key of ['dateFrom', 'dateTo'] as const) {
    const v = where?.[key];
    if (v != null && !ISO_DATE.test(v)) throw new BadInput(`"where.${key}" must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (got "${v}").`);
  }
}

/** True when the (possibly partial) date overlaps [from, to]; a partial date stands for its whole year or month. */
export function dateWithin(date: string | null | undefined, from: string | null | undefined, to: string | null | undefined): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  if (from && date < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

export function certaintyOf(r: Pick<Relation, 'evidence'>): Certainty {
  return strongestCertainty(r.evidence);
}

/** A predicate for `where`; `kindOf` gives the kind of an entity id (for `kinds`), `self` the entity whose relations these are. */
export function relationMatches(where: RelationWhere | null | undefined, kindOf: (id: string) => EntityKind | undefined, self?: string): (r: Relation) => boolean {
  if (!where) return () => true;
  const types = where.types?.length ? new Set(where.types) : null;
  const kinds = where.kinds?.length ? new Set(where.kinds) : null;
  const certainties = where.certainty?.length ? new Set(where.certainty) : null;
  const weakest = where.minCertainty ? CERTAINTIES.indexOf(where.minCertainty) : null;
  return (r) => {
    if (types && !types.has(r.type)) return false;
    if (where.from && r.from !== where.from) return false;
    if (where.to && r.to !== where.to) return false;
    if (where.endpoint && r.from !== where.endpoint && r.to !== where.endpoint) return false;
    if (kinds) {
      const ends = self ? [r.from === self ? r.to : r.from] : [r.from, r.to];
      if (!ends.some((id) => kinds.has(kindOf(id) as EntityKind))) return false;
    }
    if (!dateWithin(r.date, where.dateFrom, where.dateTo)) return false;
    if (where.article && !r.evidence.some((ev) => ev.article === where.article)) return false;
    const c = certaintyOf(r);
    if (certainties && !certainties.has(c)) return false;
    if (weakest !== null && CERTAINTIES.indexOf(c) > weakest) return false;
    return true;
  };
}

export function entityMatches(where: EntityWhere | null | undefined): (e: Entity) => boolean {
  if (!where) return () => true;
  const kinds = where.kinds?.length ? new Set(where.kinds) : null;
  return (e) => (!kinds || kinds.has(e.kind)) && dateWithin(e.date, where.dateFrom, where.dateTo);
}

type Compare<T> = (a: T, b: T) => number;

const byId: Compare<{ id: string }> = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Undated items last, whichever the direction. */
const byDate = <T extends { date: string | null }>(dir: number): Compare<T> => (a, b) =>
  a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : dir * (a.date < b.date ? -1 : 1);

export function relationOrder(order: Order<'DATE' | 'TYPE' | 'CERTAINTY' | 'ID'> | null | undefined): Compare<Relation> | null {
  if (!order) return null;
  const dir = order.direction === 'DESC' ? -1 : 1;
  switch (order.field) {
    case 'DATE':
      return (a, b) => byDate<Relation>(dir)(a, b) || byId(a, b);
    case 'TYPE':
      return (a, b) => dir * (a.type.localeCompare(b.type) || byId(a, b));
    case 'CERTAINTY':
      return (a, b) => dir * (CERTAINTIES.indexOf(certaintyOf(a)) - CERTAINTIES.indexOf(certaintyOf(b))) || byId(a, b);
    case 'ID':
      return (a, b) => dir * byId(a, b);
  }
}

export function entityOrder(order: Order<'NAME' | 'DATE' | 'DEGREE' | 'ID'> | null | undefined): Compare<Entity> | null {
  if (!order) return null;
  const dir = order.direction === 'DESC' ? -1 : 1;
  switch (order.field) {
    case 'NAME':
      return (a, b) => dir * (a.name.localeCompare(b.name) || byId(a, b));
    case 'DATE':
      return (a, b) => byDate<Entity>(dir)(a, b) || byId(a, b);
    case 'DEGREE':
      return (a, b) => dir * (a.degree - b.degree) || byId(a, b);
    case 'ID':
      return (a, b) => dir * byId(a, b);
  }
}

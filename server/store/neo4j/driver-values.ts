/**
 * Pure mapping from neo4j-driver values to plain JS and domain objects
 * (unit-tested without a server: tests/neo4j-mapping.test.ts).
 */
import { isInt, isNode, isRelationship, type Integer, type Node, type Path, type Relationship } from 'neo4j-driver';
import type { Article, Entity, Relation, Subgraph } from '../../domain/types.js';
import type { PathRows } from '../cypher-engine.js';
import { articleFromProps, entityFromProps, relationFromProps } from '../decode.js';

type Row = Record<string, unknown>;

/** Driver values to plain JS: Integers become numbers (or decimal strings beyond 2^53), lists and maps recursively. */
export function toNative(value: unknown): unknown {
  if (isInt(value)) {
    const n = value as Integer;
    return n.inSafeRange() ? n.toNumber() : n.toString();
  }
  if (Array.isArray(value)) return value.map(toNative);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNative(v)]));
  }
  return value;
}

/** The properties of a node or relationship, as plain values. */
export function propertiesOf(item: unknown): Row {
  if (!isNode(item) && !isRelationship(item)) throw new TypeError(`Expected a Neo4j node or relationship, got ${kindOf(item)}`);
  return toNative((item as Node | Relationship).properties) as Row;
}

export function entityFromNode(node: Node): Entity {
  return entityFromProps(propertiesOf(node));
}

export function articleFromNode(node: Node): Article {
  return articleFromProps(propertiesOf(node));
}

/** A :RELATION relationship as a domain relation between entity ids `from` and `to`. */
export function relationFromRelationship(rel: Relationship, from: string, to: string): Relation {
  return relationFromProps(propertiesOf(rel), from, to);
}

/**
 * A path's entities in path order and its relations, each keeping its
 * stored direction (from/to), whichever way the path walked it.
 */
export function pathRows(path: Path): PathRows {
  const nodes = [path.start, ...path.segments.map((s) => s.end)];
  const idOf = new Map(nodes.map((n) => [nodeKey(n), String(propertiesOf(n).id)]));
  const relations = path.segments.map(({ relationship: rel }) => {
    const from = idOf.get(String(rel.startNodeElementId ?? rel.start));
    const to = idOf.get(String(rel.endNodeElementId ?? rel.end));
    if (from === undefined || to === undefined) throw new Error(`Relationship ${String(rel.elementId ?? rel.identity)} does not join two nodes of its path`);
    return { properties: propertiesOf(rel), from, to };
  });
  return { nodes: nodes.map(propertiesOf), relations };
}

/** A path as a subgraph of domain objects. */
export function subgraphFromPath(path: Path): Subgraph {
  const { nodes, relations } = pathRows(path);
  return { nodes: nodes.map(entityFromProps), edges: relations.map((r) => relationFromProps(r.properties, r.from, r.to)), truncated: false };
}

function nodeKey(node: Node): string {
  return String(node.elementId ?? node.identity);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

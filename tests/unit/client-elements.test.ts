/** The pure mapping from API subgraphs to Cytoscape elements (client/src/elements.ts). */
import { edgeWidth, elementIds, mergeSubgraphs, nodeSize, pathSteps, readableType, relationToEdge, subgraphToElements } from '../../client/src/elements.js';
import type { EntityNode, RelationEdge, Subgraph } from '../../client/src/queries.js';

const node = (id: string, over: Partial<EntityNode> = {}): EntityNode => ({ id, kind: 'PERSON', name: id.toUpperCase(), aliases: [], degree: 1, date: null, ...over });
const edge = (from: string, to: string, over: Partial<RelationEdge> = {}): RelationEdge => ({
  id: `${from}-${to}`,
  type: 'MET',
  label: 'met',
  date: null,
  from: { id: from },
  to: { id: to },
  evidence: [{ article: { id: 'a1' } }],
  ...over,
});
const n1 = node('n1', { degree: 9, kind: 'EVENT', date: '2025-09-11', aliases: ['one'] });
const n2 = node('n2');
const n3 = node('n3');
const e12 = edge('n1', 'n2', { type: 'RELEASED_BY', label: 'released by', evidence: [{ article: { id: 'a1' } }, { article: { id: 'a2' } }, { article: { id: 'a1' } }] });
const e23 = edge('n2', 'n3');

describe('subgraphToElements', () => {
  it('maps entities to nodes carrying kind, name, degree-based size, date and aliases', () => {
    const [first] = subgraphToElements({ nodes: [n1], edges: [] });
    expect(first).toEqual({
      group: 'nodes',
      data: { id: 'n1', kind: 'EVENT', name: 'N1', label: 'N1', degree: 9, size: nodeSize(9), date: '2025-09-11', aliases: ['one'] },
    });
  });

  it('maps relations to edges labelled in readable words, with their source count as width', () => {
    const els = subgraphToElements({ nodes: [n1, n2], edges: [e12] });
    expect(els[2]).toEqual({
      group: 'edges',
      data: { id: 'n1-n2', source: 'n1', target: 'n2', type: 'RELEASED_BY', label: 'released by', date: null, sources: 2, width: edgeWidth(2), certainty: 'STATED' },
    });
  });

  it('puts nodes before edges and drops edges whose end is missing', () => {
    const els = subgraphToElements({ nodes: [n2, n1], edges: [e23, e12] });
    expect(els.map((e) => e.group)).toEqual(['nodes', 'nodes', 'edges']);
    expect(els.map((e) => e.data.id)).toEqual(['n2', 'n1', 'n1-n2']);
  });

  it('keeps the first of duplicate ids', () => {
    const els = subgraphToElements({ nodes: [n1, { ...n1, name: 'other' }], edges: [e12, e12] });
    expect(els.filter((e) => e.data.id === 'n1')).toHaveLength(1);
    expect(els.filter((e) => e.data.id === 'n1-n2')).toHaveLength(0);
  });

  it('labels a relation by its type when the API gave no label', () => {
    expect(relationToEdge(edge('n1', 'n2', { type: 'GRANTED_SANCTIONS_RELIEF_TO', label: '' })).data.label).toBe('granted sanctions relief to');
    expect(readableType('SPOUSE_OF')).toBe('spouse of');
  });
});

describe('sizes', () => {
  it('grows nodes with degree, hubs visibly bigger but bounded', () => {
    expect(nodeSize(0)).toBeLessThan(nodeSize(1));
    expect(nodeSize(33)).toBeGreaterThan(2 * nodeSize(0));
    expect(nodeSize(-3)).toBe(nodeSize(0));
  });

  it('widens edges with more sources, up to a maximum', () => {
    expect(edgeWidth(1)).toBeLessThan(edgeWidth(3));
    expect(edgeWidth(100)).toBe(6);
  });
});

describe('mergeSubgraphs and elementIds', () => {
  it('unions nodes and edges, first occurrence wins, truncated if any part was', () => {
    const a: Subgraph = { nodes: [n1, n2], edges: [e12], truncated: false };
    const b: Subgraph = { nodes: [{ ...n2, name: 'later' }, n3], edges: [e23], truncated: true };
    const merged = mergeSubgraphs([a, null, b]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(merged.nodes[1]!.name).toBe('N2');
    expect(merged.edges.map((e) => e.id)).toEqual(['n1-n2', 'n2-n3']);
    expect(merged.truncated).toBe(true);
    expect([...elementIds(merged)].sort()).toEqual(['n1', 'n1-n2', 'n2', 'n2-n3', 'n3']);
    expect(elementIds(null).size).toBe(0);
  });
});

describe('pathSteps', () => {
  it('walks the path from its start, noting relations read against their direction', () => {
    const steps = pathSteps({ nodes: [n1, n2, n3], edges: [e23, e12] }, 'n3');
    expect(steps.map((s) => [s.relation.id, s.forward])).toEqual([
      ['n2-n3', false],
      ['n1-n2', false],
    ]);
    expect(pathSteps({ nodes: [n1, n2], edges: [e12] }, 'n1').map((s) => s.forward)).toEqual([true]);
  });
});

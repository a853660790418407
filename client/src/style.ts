/**
 * The look of the graph: one colour-blind-safe colour (Okabe–Ito) and one
 * shape per kind, so kinds read in greyscale too; size by degree, edge width
 * by how many articles state the relation.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Kind } from './queries.js';
import { BORDER_PX, LABEL_FONT_FAMILY, LABEL_FONT_PX, LABEL_MARGIN_PX, LABEL_MAX_WIDTH_PX } from '../../server/layout/readable.js';

export interface KindLook {
  kind: Kind;
  /** Legend words. */
  label: string;
  colour: string;
  /** A Cytoscape node shape. */
  shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'round-triangle' | 'round-octagon' | 'star';
}

export const KIND_LOOKS: readonly KindLook[] = [
  { kind: 'PERSON', label: 'Person', colour: '#0072B2', shape: 'ellipse' },
  { kind: 'GROUP', label: 'Group', colour: '#56B4E9', shape: 'round-octagon' },
  { kind: 'ORGANISATION', label: 'Organisation', colour: '#E69F00', shape: 'round-rectangle' },
  { kind: 'POSITION', label: 'Position', colour: '#4D4D4D', shape: 'star' },
  { kind: 'COUNTRY', label: 'Country', colour: '#009E73', shape: 'hexagon' },
  { kind: 'EVENT', label: 'Event', colour: '#D55E00', shape: 'diamond' },
  { kind: 'PLACE', label: 'Place', colour: '#CC79A7', shape: 'round-triangle' },
];

export function kindLook(kind: Kind): KindLook {
  return KIND_LOOKS.find((k) => k.kind === kind) ?? KIND_LOOKS[0]!;
}

const INK = '#1b1f24';
const EDGE = '#8a949e';
const PATH = '#F0E442';
const ANSWER = '#56B4E9';
/** Edge labels show once they would render at least this big, and always when highlighted. */
export const EDGE_LABEL_MIN_PX = 11;

/** A label scale that can change under a stylesheet (GraphView changes it as the user zooms). */
export interface LabelScaleRef {
  value: number;
}

/**
 * The stylesheet. `labelScale` (>= 1) grows label fonts in model pixels as the
 * user zooms out, so labels stay readable on screen; overlaps are then
 * resolved by hiding the lesser labels (label-culling.ts).
 *
 * Given a ref, the sizes that follow the scale are function mappers reading
 * it, so a new scale is `ref.value = x` and `cy.style().update()`:
 * Cytoscape then recomputes only its mapped properties. A new stylesheet
 * instead re-applied all sixty-odd properties of every element, each
 * marking the element's edges dirty (~100 ms for the seed's 380 elements in
 * headless Chromium, on every zoom to an answer or a path).
 */
export function explorerStyle({ labelScale = 1, lean = false }: { labelScale?: number | LabelScaleRef; lean?: boolean } = {}): StylesheetJson {
  const ref = labelScale;
  // n model pixels at scale 1: a number for a fixed scale, else read from the ref whenever a style is computed.
  const s = typeof ref === 'number' ? (n: number) => n * ref : (n: number) => () => n * ref.value;
  // Big scenes draw only the labels the label pass picks (class "labelled"), none while zoomed far out.
  const nodeLabel = lean ? '' : 'data(label)';
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': '#888',
        'border-width': BORDER_PX,
        'border-color': '#ffffff',
        label: nodeLabel,
        'font-family': LABEL_FONT_FAMILY,
        'font-size': s(LABEL_FONT_PX),
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': s(LABEL_MARGIN_PX),
        'text-wrap': 'wrap',
        'text-max-width': typeof ref === 'number' ? `${Math.round(LABEL_MAX_WIDTH_PX * ref)}px` : () => `${Math.round(LABEL_MAX_WIDTH_PX * ref.value)}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 6,
        'z-index': 10,
      },
    },
    ...KIND_LOOKS.map((k) => ({ selector: `node[kind = "${k.kind}"]`, style: { 'background-color': k.colour, shape: k.shape } })),
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': EDGE,
        'target-arrow-color': EDGE,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        // Big scenes draw straight 'haystack' lines without arrows: no curve to compute per edge (their first
        // frame was most of a second of the big-graph overview); a lit edge gets its curve and arrow back.
        'curve-style': lean ? 'haystack' : 'bezier',
        ...(lean ? { 'haystack-radius': 0 } : {}),
        opacity: 0.75,
        label: nodeLabel,
        'font-size': s(10),
        color: '#3d4650',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        // Edge labels appear once zoomed in far enough to read them, and always when highlighted.
        'min-zoomed-font-size': EDGE_LABEL_MIN_PX,
      },
    },
    { selector: 'node.labelled', style: { label: 'data(label)' } },
    // Hedged relations (reported, attributed, promised) look less certain than stated ones.
    { selector: 'edge[certainty = "ATTRIBUTED"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 3] } },
    { selector: 'edge[certainty = "UNCONFIRMED"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [4, 4], opacity: 0.55 } },
    { selector: 'edge[certainty = "PLANNED"]', style: { 'line-style': 'dotted', opacity: 0.55 } },
    { selector: 'edge.near, edge.path, edge.answer, edge:selected', style: { label: 'data(label)', ...(lean ? { 'curve-style': 'bezier' } : {}) } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    { selector: 'edge.faded', style: { opacity: 0.08, 'text-opacity': 0 } },
    { selector: 'edge.near', style: { opacity: 1, 'line-color': '#56606b', 'target-arrow-color': '#56606b', 'min-zoomed-font-size': 0, 'z-index': 8 } },
    { selector: 'node.near', style: { 'z-index': 12 } },
    { selector: '.answer', style: { 'underlay-color': ANSWER, 'underlay-opacity': 0.55, 'underlay-padding': 7, 'z-index': 13 } },
    { selector: 'edge.answer', style: { 'line-color': '#1f6fa3', 'target-arrow-color': '#1f6fa3', opacity: 1, 'min-zoomed-font-size': 0, width: 4 } },
    { selector: '.path', style: { 'underlay-color': PATH, 'underlay-opacity': 0.95, 'underlay-padding': 8, 'z-index': 14 } },
    { selector: 'edge.path', style: { 'line-color': INK, 'target-arrow-color': INK, opacity: 1, width: 4.5, 'min-zoomed-font-size': 0, 'font-weight': 'bold', color: INK } },
    { selector: 'node:selected', style: { 'border-color': INK, 'border-width': 4, 'font-weight': 'bold', 'z-index': 30 } },
    { selector: 'edge:selected', style: { 'line-color': INK, 'target-arrow-color': INK, opacity: 1, width: 5, 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'z-index': 11 } },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#5a6470' } },
    { selector: 'node.expanded:selected', style: { 'border-color': INK } },
    { selector: 'node.pinned', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': INK } },
    // Last, so it wins: a label that would overlap a more important one waits for more zoom.
    { selector: '.quiet', style: { 'text-opacity': 0 } },
    // Unlabelled nodes sit below labelled ones, so a hub's label is never cut by a lesser node.
    { selector: 'node.quiet', style: { 'z-index': 5 } },
    { selector: 'node.quiet:selected', style: { 'text-opacity': 1 } },
    // Always-labelled names (hubs, the selection, results) are drawn after every other node: nothing covers them.
    { selector: 'node.top', style: { 'z-index': 25, 'min-zoomed-font-size': 0 } },
    // Where the label pass found room for a label other than below its node.
    { selector: 'node.label-above', style: { 'text-valign': 'top', 'text-margin-y': s(-3) } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': s(3), 'text-justification': 'left' } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': s(-3), 'text-justification': 'right' } },
    { selector: 'node.top:selected', style: { 'z-index': 30 } },
  ];
}

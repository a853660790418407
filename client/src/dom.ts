/** A tiny element builder: text always goes in as text, never as HTML. */

type Child = Node | string | number | null | undefined | false | readonly Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page is missing #${id}`);
  return el as T;
}

/** A small inline SVG of a kind's shape in its colour, for the legend and badges. */
export function kindSwatch(shape: string, colour: string, size = 14): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  let el: SVGElement;
  switch (shape) {
    case 'round-rectangle':
      el = document.createElementNS(ns, 'rect');
      Object.entries({ x: 2, y: 4, width: 16, height: 12, rx: 3 }).forEach(([k, v]) => el.setAttribute(k, String(v)));
      break;
    case 'hexagon':
      el = document.createElementNS(ns, 'polygon');
      el.setAttribute('points', '5,2 15,2 19,10 15,18 5,18 1,10');
      break;
    case 'diamond':
      el = document.createElementNS(ns, 'polygon');
      el.setAttribute('points', '10,1 19,10 10,19 1,10');
      break;
    case 'round-octagon':
      el = document.createElementNS(ns, 'polygon');
      el.setAttribute('points', '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6');
      break;
    case 'star':
      el = document.createElementNS(ns, 'polygon');
      el.setAttribute('points', '10,1 12.6,7 19,7.4 14,11.6 15.6,18.5 10,14.8 4.4,18.5 6,11.6 1,7.4 7.4,7');
      break;
    case 'round-triangle':
      el = document.createElementNS(ns, 'polygon');
      el.setAttribute('points', '10,2 19,18 1,18');
      el.setAttribute('stroke-linejoin', 'round');
      break;
    default:
      el = document.createElementNS(ns, 'circle');
      Object.entries({ cx: 10, cy: 10, r: 8 }).forEach(([k, v]) => el.setAttribute(k, String(v)));
  }
  el.setAttribute('fill', colour);
  svg.appendChild(el);
  return svg;
}

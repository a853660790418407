/** Small DOM builders for the curator panel (text nodes only: nothing from the server is parsed as HTML). */
type Props = Record<string, unknown> & { dataset?: Record<string, string> };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { dataset, ariaLabel, ...rest } = props;
  Object.assign(node, rest);
  if (dataset) Object.assign(node.dataset, dataset);
  if (typeof ariaLabel === 'string') node.setAttribute('aria-label', ariaLabel);
  node.append(...children);
  return node;
}

export function field(label: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'curator-field' }, el('span', {}, label), control);
}

export function select(id: string, values: readonly string[]): HTMLSelectElement {
  return el('select', { id }, ...values.map((v) => el('option', { value: v }, v)));
}

/** The text with every known name marked (whole words, case folded): the known entities the article mentions. */
export function highlighted(text: string, names: readonly string[]): (Node | string)[] {
  const usable = [...new Set(names.filter((n) => n.trim().length >= 3))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [text];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${usable.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: (Node | string)[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    out.push(text.slice(at, m.index), el('mark', { className: 'known-name' }, m[0]));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

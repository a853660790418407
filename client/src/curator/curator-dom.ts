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

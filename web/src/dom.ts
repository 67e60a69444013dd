// DOM building without HTML strings. Every string becomes a text node, so
// nothing that reaches the page (above all, server messages) is ever parsed
// as markup. innerHTML / insertAdjacentHTML / outerHTML are not used anywhere.

export type Child = Node | string | null | undefined | false;

export interface Props {
  /** Space-separated CSS classes. */
  className?: string;
  /** Plain attributes. Event handlers and inline styles are refused. */
  attrs?: Record<string, string>;
}

const FORBIDDEN_ATTRIBUTE = /^(on|style$|srcdoc$)/i;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className !== undefined) node.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`attribute not allowed: ${name}`);
    node.setAttribute(name, value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Sets a node's text; the only way messages reach the page. */
export function setText(node: Node, text: string): void {
  node.textContent = text;
}

/** Makes a message element visible with `text`, or hides it when text is empty. */
export function showMessage(node: HTMLElement, text: string): void {
  setText(node, text);
  node.hidden = text === '';
}

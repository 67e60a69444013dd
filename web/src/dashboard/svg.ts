// SVG elements without markup strings (../dom.ts makes HTML elements only). Sizes
// go in attributes, never in style="": the page runs under a CSP without inline styles.

const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^(on|style$)/i.test(name)) throw new Error(`attribute not allowed: ${name}`);
    node.setAttribute(name, String(value));
  }
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** A fraction 0..1 kept inside the chart. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}

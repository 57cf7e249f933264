/** An element of index.html; a page without it is a broken build, said plainly. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`nslab graph: index.html has no #${id}`);
  return e as T;
}

export interface ElAttrs {
  readonly text?: string;
  readonly className?: string;
  readonly [attribute: string]: string | undefined;
}

/** A new element with text, class and attributes set, and its children appended. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: ElAttrs = {}, children: readonly Node[] = []): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'className') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.appendChild(c);
  return e;
}

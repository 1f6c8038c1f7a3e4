/** A tiny element builder: text always goes in as text nodes, never as HTML. */
type Child = Node | string | false | null | undefined;
type Attrs = Record<string, string | boolean | number | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'className') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== false && child !== null && child !== undefined) el.append(child);
  }
  return el;
}

let ids = 0;
/** A unique id for label/aria-describedby pairs. */
export const uid = (prefix: string) => `${prefix}-${++ids}`;

/** A labelled control with room for an error message tied to it (aria-describedby). */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  control.id ||= uid('f');
  const hintId = hint ? uid('hint') : undefined;
  const errorId = uid('err');
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  control.dataset.errorId = errorId;
  return h(
    'div',
    { className: 'field' },
    h('label', { for: control.id }, label),
    hint && h('p', { className: 'hint', id: hintId }, hint),
    control,
    h('p', { className: 'error', id: errorId, hidden: true }),
  );
}

/** Shows (or clears) the error under a control and marks it invalid. */
export function setError(control: HTMLElement, message?: string): void {
  const error = control.dataset.errorId ? document.getElementById(control.dataset.errorId) : null;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (error) {
    error.textContent = message ?? '';
    error.hidden = !message;
  }
}

/** A group of radios or checkboxes in a fieldset with a legend. */
export function choices(
  type: 'radio' | 'checkbox',
  name: string,
  legend: string,
  options: Record<string, string>,
  opts: { hint?: string; checked?: string[]; inline?: boolean } = {},
): HTMLFieldSetElement {
  const errorId = uid('err');
  const hintId = opts.hint ? uid('hint') : undefined;
  return h(
    'fieldset',
    {
      className: opts.inline ? 'choices inline' : 'choices',
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
      'data-error-id': errorId,
    },
    h('legend', {}, legend),
    opts.hint && h('p', { className: 'hint', id: hintId }, opts.hint),
    Object.entries(options).map(([value, text]) => {
      const id = uid(name);
      return h(
        'div',
        { className: 'choice' },
        h('input', { type, name, value, id, checked: opts.checked?.includes(value) }),
        h('label', { for: id }, text),
      );
    }),
    h('p', { className: 'error', id: errorId, hidden: true }),
  );
}

export function checkedValues(root: ParentNode, name: string): string[] {
  return Array.from(root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`), (i) => i.value);
}

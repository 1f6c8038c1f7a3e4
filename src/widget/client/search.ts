import { type Api, FriendlyError } from './api.js';
import { resourceCard } from './cards.js';
import { field, h, setError } from './dom.js';
import { FORMAT_LABELS, type SearchFilters, searchParams, validateSearch } from './format.js';

/**
 * Search mode: place (or online only), format and cost → a list of resources, nearest first.
 * The result count is announced through a polite live region; the list itself is not read out.
 */
export function searchView(api: Api): HTMLElement {
  const { form, submit, filters, showInvalid } = searchForm();
  const status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
  // Every result page carries a way out for someone who is afraid: a search screens nobody.
  const safetyNote = h('aside', { className: 'safety-note', 'aria-label': 'If you are afraid of your partner', hidden: true });
  const list = h('ul', { className: 'cards', 'aria-label': 'Search results' });
  const more = h('button', { type: 'button', className: 'secondary', hidden: true }, 'Show more');

  let params: URLSearchParams | undefined;
  let cursor: string | null = null;
  let shown = 0;

  async function load(append: boolean): Promise<void> {
    if (!params) return;
    const page = new URLSearchParams(params);
    if (append && cursor) page.set('cursor', cursor);
    submit.disabled = more.disabled = true;
    list.setAttribute('aria-busy', 'true');
    status.classList.remove('problem');
    status.textContent = append ? 'Loading more…' : 'Searching…';
    try {
      const [result] = await Promise.all([
        api.searchResources(page),
        append ? undefined : showSafetyNote(api, filters().country, safetyNote),
      ]);
      if (!append) {
        list.replaceChildren();
        shown = 0;
      }
      const firstNew = list.children.length;
      list.append(...result.data.map((r) => resourceCard(r, 'h3')));
      shown += result.data.length;
      cursor = result.page.nextCursor;
      more.hidden = !cursor;
      const total = result.page.totalExact ? String(result.page.total) : `${result.page.total}+`;
      status.textContent =
        shown === 0
          ? 'Nothing matched. Try a larger area, "Online only", or another cost option.'
          : `Showing ${shown} of ${total} ${result.page.total === 1 ? 'option' : 'options'}.`;
      // After "Show more", keyboard users continue at the first new result.
      if (append) list.children[firstNew]?.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
      if (append) list.children[firstNew]?.querySelector<HTMLElement>('h3')?.focus();
    } catch (error) {
      status.textContent = error instanceof FriendlyError ? error.message : 'Something went wrong. Please try again.';
      status.classList.add('problem');
    } finally {
      submit.disabled = more.disabled = false;
      list.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const f = filters();
    if (showInvalid(validateSearch(f))) return;
    params = searchParams(f);
    cursor = null;
    void load(false);
  });
  more.addEventListener('click', () => void load(true));

  return h(
    'section',
    { className: 'view' },
    h('h2', { className: 'view-title' }, 'Find couples counseling near you'),
    form,
    status,
    list,
    more,
    safetyNote,
  );
}

/** The search form: its controls, the filters they hold, and where a validation problem is shown. */
function searchForm() {
  const postal = h('input', {
    type: 'text',
    name: 'postalCode',
    autocomplete: 'off',
    inputmode: 'text',
    maxlength: 10,
    spellcheck: 'false',
  });
  const country = h('select', { name: 'country' }, h('option', { value: 'US' }, 'United States'), h('option', { value: 'CA' }, 'Canada'));
  const online = h('input', { type: 'checkbox', name: 'onlineOnly', id: 'online-only' });
  const format = h(
    'select',
    { name: 'format' },
    h('option', { value: '' }, 'Any way'),
    Object.entries(FORMAT_LABELS).map(([v, t]) => h('option', { value: v }, t)),
  );
  const cost = h(
    'select',
    { name: 'cost' },
    h('option', { value: 'any' }, 'Any cost'),
    h('option', { value: 'free' }, 'Free only'),
    h('option', { value: 'sliding' }, 'Sliding scale (pay what you can)'),
    h('option', { value: 'max' }, 'Up to a fee I choose'),
  );
  const maxFee = h('input', { type: 'number', name: 'maxFee', min: 0, max: 10000, step: 1, inputmode: 'numeric' });
  const maxFeeField = field('Most you can pay per session ($)', maxFee);
  maxFeeField.hidden = true;
  cost.addEventListener('change', () => (maxFeeField.hidden = cost.value !== 'max'));
  const submit = h('button', { type: 'submit' }, 'Search');

  const filters = (): SearchFilters => ({
    postalCode: postal.value,
    country: country.value as 'US' | 'CA',
    format: format.value,
    cost: cost.value as SearchFilters['cost'],
    maxFee: maxFee.value,
    onlineOnly: online.checked,
  });
  /** Clears old errors, shows the new one (if any) and focuses its control; true when there is one. */
  const showInvalid = (invalid: ReturnType<typeof validateSearch>): boolean => {
    setError(postal);
    setError(maxFee);
    if (!invalid) return false;
    const control = invalid.field === 'postalCode' ? postal : maxFee;
    setError(control, invalid.message);
    control.focus();
    return true;
  };

  const form = h(
    'form',
    { className: 'search', novalidate: true, 'aria-label': 'Search for counseling' },
    h('div', { className: 'row' }, field('ZIP or postal code', postal, 'Where you could go to sessions.'), field('Country', country)),
    h('div', { className: 'choice' }, online, h('label', { for: 'online-only' }, 'Online only (video, phone or chat)')),
    h('div', { className: 'row' }, field('How you want to meet', format), field('Cost', cost)),
    maxFeeField,
    h('div', { className: 'actions' }, submit),
  );
  return { form, submit, filters, showInvalid };
}

/** The local domestic-violence line and emergency number in `note`, from the same verified lines intakes use. */
async function showSafetyNote(api: Api, countryCode: string, note: HTMLElement): Promise<void> {
  try {
    const found = await api.safetyLines(new URLSearchParams({ country: countryCode, roles: 'domestic_violence' }));
    const line = found.lines.find((l) => l.lineRoles?.includes('domestic_violence'));
    const emergency = found.emergency
      ? `In danger right now? Call ${found.emergency.number}.`
      : 'In danger right now? Call your local emergency number.';
    note.replaceChildren(
      h('p', {}, "If you are afraid of your partner, couples counseling isn't the safe next step. ", emergency),
      ...(line ? [h('ul', { className: 'cards' }, resourceCard(line, 'h3'))] : []),
    );
    note.hidden = false;
  } catch {
    note.replaceChildren(
      h(
        'p',
        {},
        "If you are afraid of your partner, couples counseling isn't the safe next step. In danger right now? Call your local emergency number.",
      ),
    );
    note.hidden = false;
  }
}

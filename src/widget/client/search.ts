import { type CardEnv, resourceCard } from './cards.js';
import { field, h, setError } from './dom.js';
import { FORMAT_CODES, type SearchFilters, searchParams, validateSearch } from './format.js';
import { errorText, type Ui } from './ui.js';

/**
 * Search mode: place (or online only), format and cost → a list of resources, nearest first.
 * The result count is announced through a polite live region; the list itself is not read out.
 */
export function searchView(env: CardEnv): HTMLElement {
  const { api, ui } = env;
  const { t } = ui;
  const { form, submit, filters, showInvalid } = searchForm(ui);
  const status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
  // Every result page carries a way out for someone who is afraid: a search screens nobody.
  const safetyNote = h('aside', { className: 'safety-note', 'aria-label': t('safetyNote.label'), hidden: true });
  const list = h('ul', { className: 'cards', 'aria-label': t('search.results') });
  const more = h('button', { type: 'button', className: 'secondary', hidden: true }, t('search.more'));

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
    status.textContent = t(append ? 'search.loadingMore' : 'search.searching');
    try {
      const [result] = await Promise.all([
        api.searchResources(page),
        append ? undefined : showSafetyNote(env, filters().country, safetyNote),
      ]);
      if (!append) {
        list.replaceChildren();
        shown = 0;
      }
      const firstNew = list.children.length;
      list.append(...result.data.map((r) => resourceCard(env, r, 'h3')));
      shown += result.data.length;
      cursor = result.page.nextCursor;
      more.hidden = !cursor;
      status.textContent = shown === 0 ? t('search.none') : t('search.showing', { shown, total: result.page.total });
      // After "Show more", keyboard users continue at the first new result.
      if (append) list.children[firstNew]?.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
      if (append) list.children[firstNew]?.querySelector<HTMLElement>('h3')?.focus();
    } catch (error) {
      status.textContent = errorText(ui, error);
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

  return h('section', { className: 'view' }, h('h2', { className: 'view-title' }, t('search.title')), form, status, list, more, safetyNote);
}

/** The search form: its controls, the filters they hold, and where a validation problem is shown. */
function searchForm(ui: Ui) {
  const { t } = ui;
  const postal = h('input', {
    type: 'text',
    name: 'postalCode',
    autocomplete: 'off',
    inputmode: 'text',
    maxlength: 10,
    spellcheck: 'false',
  });
  const country = h(
    'select',
    { name: 'country' },
    h('option', { value: 'US' }, t('country.US')),
    h('option', { value: 'CA' }, t('country.CA')),
  );
  const online = h('input', { type: 'checkbox', name: 'onlineOnly', id: 'online-only' });
  const format = h(
    'select',
    { name: 'format' },
    h('option', { value: '' }, t('search.anyFormat')),
    FORMAT_CODES.map((code) => h('option', { value: code }, ui.term('format', code))),
  );
  const cost = h(
    'select',
    { name: 'cost' },
    h('option', { value: 'any' }, t('search.anyCost')),
    h('option', { value: 'free' }, t('search.freeOnly')),
    h('option', { value: 'sliding' }, t('search.sliding')),
    h('option', { value: 'max' }, t('search.upTo')),
  );
  const maxFee = h('input', { type: 'number', name: 'maxFee', min: 0, max: 10000, step: 1, inputmode: 'numeric' });
  const maxFeeField = field(t('search.maxFee'), maxFee);
  maxFeeField.hidden = true;
  cost.addEventListener('change', () => (maxFeeField.hidden = cost.value !== 'max'));
  const submit = h('button', { type: 'submit' }, t('search.submit'));

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
    setError(control, t(invalid.message));
    control.focus();
    return true;
  };

  const form = h(
    'form',
    { className: 'search', novalidate: true, 'aria-label': t('search.form') },
    h('div', { className: 'row' }, field(t('search.postal'), postal, t('search.postalHint')), field(t('search.country'), country)),
    h('div', { className: 'choice' }, online, h('label', { for: 'online-only' }, t('search.onlineOnly'))),
    h('div', { className: 'row' }, field(t('search.format'), format), field(t('search.cost'), cost)),
    maxFeeField,
    h('div', { className: 'actions' }, submit),
  );
  return { form, submit, filters, showInvalid };
}

/** The local domestic-violence line and emergency number in `note`, from the same verified lines intakes use. */
async function showSafetyNote(env: CardEnv, countryCode: string, note: HTMLElement): Promise<void> {
  const { t } = env.ui;
  try {
    const found = await env.api.safetyLines(new URLSearchParams({ country: countryCode, roles: 'domestic_violence' }));
    const line = found.lines.find((l) => l.lineRoles?.includes('domestic_violence'));
    const emergency = found.emergency ? t('safetyNote.call', { number: found.emergency.number }) : t('safetyNote.callLocal');
    note.replaceChildren(
      h('p', {}, `${t('safetyNote.text')} ${emergency}`),
      ...(line ? [h('ul', { className: 'cards' }, resourceCard(env, line, 'h3'))] : []),
    );
    note.hidden = false;
  } catch {
    note.replaceChildren(h('p', {}, `${t('safetyNote.text')} ${t('safetyNote.callLocal')}`));
    note.hidden = false;
  }
}

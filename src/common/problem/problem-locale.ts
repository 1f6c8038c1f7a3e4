import { hasMessage } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { render } from '../i18n/render.js';
import { type FieldError, type ProblemDetails, ProblemException } from './problem.js';

/**
 * A problem in the reader's language: title, detail and errors[].message, for the problems that
 * carry their detail as a message (request validation, the place, intake and search parameters),
 * the ones a person may meet through the widget. `code`, `type` and errors[].field/code never
 * change. Other problems (keys, partners, webhooks: for developers) stay in English.
 * Returns the locale the problem is written in, for Content-Language.
 */
export function localizeProblem(problem: ProblemDetails, exception: unknown, locale: Locale): Locale {
  const message = exception instanceof ProblemException ? exception.detailMessage : undefined;
  if (!message || locale === 'en') return 'en';
  const ctx = { locale };
  const english = problem.detail;
  problem.detail = render(message, ctx);
  const titleKey = `problem.title.${problem.status}`;
  if (hasMessage(titleKey, locale)) problem.title = render({ id: titleKey }, ctx);
  if (problem.errors) {
    problem.errors = problem.errors.map((error) =>
      // A one-field problem repeats its detail as the field's message; the pipe's carry class-validator's words.
      error.message === english ? { ...error, message: problem.detail! } : { ...error, message: validationText(error, locale) },
    );
  }
  return locale;
}

/** errors[].message of a failed constraint, from its code; bounds and accepted values are read off class-validator's own message. */
export function validationText(error: FieldError, locale: Locale): string {
  const leaf =
    error.field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? error.field;
  const id = [`validation.${error.code}.${leaf}`, `validation.${error.code}`, 'validation.invalid'].find((key) => hasMessage(key, locale))!;
  const limit = /(-?\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? '';
  const colon = error.message.lastIndexOf(': ');
  const values = colon >= 0 ? error.message.slice(colon + 2) : '';
  return render({ id, values: { field: error.field, limit, values } }, { locale });
}

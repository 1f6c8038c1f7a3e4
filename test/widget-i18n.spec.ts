import { createIntl } from '@formatjs/intl';
import { describe, expect, it } from '@jest/globals';

import { formatMessage, WIDGET_LANGS, widgetLang } from '../src/widget/client/messages.js';
import { DEMO_PAGE_MESSAGES } from '../src/widget/demo-page.messages.js';
import { WIDGET_MESSAGES } from '../src/widget/widget-messages.js';
import { icuArgumentsOf } from './support/icu-arguments.js';

const CATALOGUES = { widget: WIDGET_MESSAGES, demo: DEMO_PAGE_MESSAGES } as Record<string, Record<string, Record<string, string>>>;

// The widget's own catalogues (src/widget/client/messages.ts, src/widget/demo-page.messages.ts).
describe('widget message catalogues', () => {
  it('every key exists in both languages, with the same ICU arguments', () => {
    for (const [name, catalogue] of Object.entries(CATALOGUES)) {
      const en = catalogue.en;
      for (const lang of WIDGET_LANGS) {
        const other = catalogue[lang];
        expect({ name, lang, missing: Object.keys(en).filter((k) => !Object.hasOwn(other, k)) }).toEqual({ name, lang, missing: [] });
        expect({ name, lang, extra: Object.keys(other).filter((k) => !Object.hasOwn(en, k)) }).toEqual({ name, lang, extra: [] });
        for (const key of Object.keys(en)) {
          expect({ key, lang, args: icuArgumentsOf(other[key]) }).toEqual({ key, lang, args: icuArgumentsOf(en[key]) });
        }
      }
    }
  });

  it("the frame's small formatter writes every message exactly as @formatjs/intl does", () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const lang of WIDGET_LANGS) {
        const intl = createIntl({
          locale: `${lang}-US`,
          messages: catalogue[lang],
          onError: (e) => {
            throw e;
          },
        });
        for (const [key, pattern] of Object.entries(catalogue[lang])) {
          const args = icuArgumentsOf(pattern);
          // Plurals at their edges (=0, one, other, thousands); plain arguments as text and as numbers.
          for (const n of [0, 1, 2, 7, 1234]) {
            const values = Object.fromEntries(
              Object.entries(args).map(([name, type]) => [name, type === 'plural' ? n : name === 'miles' ? n : `‹${name}›`]),
            );
            expect({ key, lang, n, text: formatMessage(pattern, values, lang) }).toEqual({
              key,
              lang,
              n,
              text: intl.formatMessage({ id: key }, values),
            });
          }
        }
      }
    }
  });

  it('the Spanish addresses people with usted, never tú or vosotros', () => {
    // The API catalogue's check (src/common/i18n/catalogues.spec.ts): informal forms without a formal homograph.
    const informal = /\b(tú|tu pareja|tus|te|contigo|puedes|quieres|necesitas|estás|eres|tienes|vosotros|os)\b/i;
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue.es)) expect([key, informal.test(text)]).toEqual([key, false]);
    }
  });

  it('the Spanish does not assume anyone is a man: no masculine-only forms for the reader, their partner or "the other"', () => {
    // Either partner may be a woman: "alguna de las dos personas … la otra", "le", never "forzado", "lo aleja", "del otro".
    const masculine =
      /\b(alguno|uno) de (los dos|ustedes)\b|\b(del|al|el) otro\b|\blo (aleja|aparta|aísla|controla|obliga)\b|\b(sido|está|esté|estar|sentirse) (forzado|presionado|obligado|seguro|solo|asustado|amenazado)\b|\bjuntos\b/i;
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue.es)) expect([key, text, masculine.test(text)]).toEqual([key, text, false]);
    }
  });

  it('no Spanish message is left in English', () => {
    // Words that read the same in both (Video, TTY, "No") are short; a sentence copied over is not.
    const same = Object.keys(WIDGET_MESSAGES.en).filter(
      (key) => WIDGET_MESSAGES.en[key as keyof typeof WIDGET_MESSAGES.en] === WIDGET_MESSAGES.es[key as keyof typeof WIDGET_MESSAGES.es],
    );
    expect(same.sort()).toEqual(['channel.labelled', 'common.no', 'cost.range', 'cost.single'].sort());
  });

  it('takes the language of a BCP 47 tag, and only the ones it speaks', () => {
    expect(widgetLang('es')).toBe('es');
    expect(widgetLang('es-MX')).toBe('es');
    expect(widgetLang(' ES_us ')).toBe('es');
    expect(widgetLang('en-GB')).toBe('en');
    expect(widgetLang('fr-CA')).toBeUndefined();
    expect(widgetLang('espanol')).toBeUndefined();
    expect(widgetLang('')).toBeUndefined();
    expect(widgetLang(undefined)).toBeUndefined();
  });
});

import { type Messages, type Translate, translator, type WidgetLang } from './client/messages.js';
import { en } from './client/messages-en.js';
import { es } from './client/messages-es.js';

/** Both of the widget's catalogues, for the server's pages and the tests (the frame loads only its own). */
export const WIDGET_MESSAGES: Record<WidgetLang, Messages> = { en, es };

export const widgetTranslator = (lang: WidgetLang): Translate => translator(lang, WIDGET_MESSAGES[lang]);

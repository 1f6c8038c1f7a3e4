import type { WidgetLang } from './client/messages.js';

/**
 * The demo partner page's words (widget-pages.ts demoPage), in the widget's languages: a
 * fictional blog's article with the finder embedded. Server-side only, so they do not weigh on
 * the frame's scripts; checked with the frame's catalogue by test/widget-i18n.spec.ts.
 */
const en = {
  'demo.title': 'When trust breaks: first steps after an affair — Second Chances',
  'demo.nav': 'Relationships · Trust · Healing',
  'demo.byline': 'Relationship advice · 6 min read',
  'demo.heading': 'When trust breaks: first steps after an affair',
  'demo.p1':
    'Finding out that your partner has been unfaithful — or being the one who was — can turn ordinary days upside down. Many couples do rebuild trust, and most of those who do had help along the way.',
  'demo.p2':
    'Start by agreeing on what trust means to each of you. Say what you need without attacking, and resist the urge to monitor each other: checking phones rarely brings the safety it promises. Try to understand what led to the breach, and protect your own worth while you do.',
  'demo.p3':
    'A counselor who works with couples can give you a structure for these conversations. If either of you feels afraid of the other, though, couples counseling is not the right first step: reach out to a domestic-violence advocate instead.',
  'demo.embedLabel': 'Find help',
  'demo.intakeHeading': 'Not sure where to start? Answer a few questions',
  'demo.addHeading': 'Add this finder to your site',
  'demo.addText': "Two lines, with your publishable key (your page's origin must be one of your partner account's allowed origins):",
  'demo.options':
    "Options: {mode}, {accent}, {exit} (where Quick exit goes), {lang} (the finder's language; without it, the page's {html}).",
  'demo.searchHeading': 'Search counseling near you',
  'demo.footer': 'Second Chances is a fictional blog. The finder is served by Mend at {base}.',
  'demo.missingKey':
    "No publishable key for this demo. Start Mend with the embedded database (it creates a {demo} partner), or open {url} with a key whose partner allows this page's origin.",
};

export type DemoMessageKey = keyof typeof en;

const es: Record<DemoMessageKey, string> = {
  'demo.title': 'Cuando se rompe la confianza: primeros pasos después de una infidelidad — Second Chances',
  'demo.nav': 'Relaciones · Confianza · Sanar',
  'demo.byline': 'Consejos de pareja · 6 min de lectura',
  'demo.heading': 'Cuando se rompe la confianza: primeros pasos después de una infidelidad',
  'demo.p1':
    'Descubrir que su pareja le ha sido infiel —o ser quien lo fue— puede poner de cabeza hasta los días más normales. Muchas parejas logran reconstruir la confianza, y la mayoría de las que lo consiguen tuvieron ayuda en el camino.',
  'demo.p2':
    'Empiecen por ponerse de acuerdo en qué significa la confianza para cada uno. Digan lo que necesitan sin atacar, y eviten vigilarse: revisar el teléfono de la otra persona casi nunca da la tranquilidad que promete. Intenten entender qué llevó a romper la confianza, y cuiden su propio valor mientras tanto.',
  'demo.p3':
    'Un consejero o una terapeuta que trabaje con parejas puede darles una estructura para estas conversaciones. Pero si alguna de las dos personas siente miedo de la otra, la terapia de pareja no es el primer paso adecuado: busque primero a una persona defensora especializada en violencia doméstica.',
  'demo.embedLabel': 'Buscar ayuda',
  'demo.intakeHeading': '¿No sabe por dónde empezar? Responda unas preguntas',
  'demo.addHeading': 'Agregue este buscador a su sitio',
  'demo.addText':
    'Dos líneas, con su clave publicable (el origen de su página debe estar entre los orígenes permitidos de su cuenta de organización aliada):',
  'demo.options':
    'Opciones: {mode}, {accent}, {exit} (adónde lleva la salida rápida), {lang} (el idioma del buscador; si falta, el {html} de la página).',
  'demo.searchHeading': 'Busque terapia cerca de usted',
  'demo.footer': 'Second Chances es un blog ficticio. Mend sirve el buscador desde {base}.',
  'demo.missingKey':
    'Esta demostración no tiene clave publicable. Inicie Mend con la base de datos integrada (crea una organización aliada {demo}), o abra {url} con una clave cuya organización permita el origen de esta página.',
};

export const DEMO_PAGE_MESSAGES: Record<WidgetLang, Record<DemoMessageKey, string>> = { en, es };

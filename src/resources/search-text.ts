import { APPROACHES, AUDIENCES, FORMATS, RESOURCE_KINDS, SPECIALTIES } from '../taxonomy/taxonomy.js';

/**
 * Everyday words people type, mapped to words that appear in the taxonomy labels
 * indexed with each resource (search_keywords). Keys and values are single words.
 * A Map, not an object literal: the words come from users, and `constructor` or `__proto__`
 * looked up on a plain object finds Object.prototype's members (a 500 before this was a Map).
 */
export const SEARCH_SYNONYMS: ReadonlyMap<string, string[]> = new Map(
  Object.entries({
    affair: ['infidelity'],
    affairs: ['infidelity'],
    cheating: ['infidelity'],
    cheated: ['infidelity'],
    unfaithful: ['infidelity'],
    betrayal: ['infidelity', 'trust'],
    lying: ['trust'],
    lies: ['trust'],
    money: ['financial'],
    spending: ['financial'],
    debt: ['financial'],
    finances: ['financial'],
    drinking: ['substance'],
    alcohol: ['substance'],
    drugs: ['substance'],
    addiction: ['substance'],
    snooping: ['jealousy', 'control'],
    jealous: ['jealousy'],
    controlling: ['control'],
    online: ['video', 'chat'],
    virtual: ['video', 'chat'],
    telehealth: ['video'],
    abuse: ['violence'],
    abusive: ['violence'],
    suicide: ['crisis'],
    suicidal: ['crisis'],
    gay: ['lgbtq'],
    lesbian: ['lgbtq'],
    queer: ['lgbtq'],
    christian: ['faith'],
    church: ['faith'],
    divorce: ['separation', 'divorce'],
    cheap: ['sliding'],
    affordable: ['sliding', 'free'],
  }),
);

/**
 * Everyday Spanish, mapped to the English words that find the same help (each then expanded with
 * its own SEARCH_SYNONYMS): the directory's labels and descriptions are English, so without this a
 * Spanish search found nothing (review 15, H3). Keys are lower case without accents (foldAccents):
 * "doméstica" and "domestica" find the same. Phrases are word by word: "violencia de género" is
 * violence & gender, and "género" also reads as domestic, the everyday name for partner violence
 * in Spain and Latin America.
 */
export const SPANISH_WORDS: ReadonlyMap<string, string[]> = new Map(
  Object.entries({
    infidelidad: ['infidelity'],
    infidelidades: ['infidelity'],
    infiel: ['unfaithful'],
    infieles: ['unfaithful'],
    engano: ['cheating'],
    enganos: ['cheating'],
    traicion: ['betrayal'],
    aventura: ['affair'],
    confianza: ['trust'],
    mentiras: ['lies'],
    mentira: ['lies'],
    dinero: ['money'],
    deuda: ['debt'],
    deudas: ['debt'],
    finanzas: ['finances'],
    gastos: ['spending'],
    alcohol: ['alcohol'],
    alcoholismo: ['alcohol'],
    bebida: ['drinking'],
    drogas: ['drugs'],
    adiccion: ['addiction'],
    adicciones: ['addiction'],
    apuestas: ['gambling'],
    azar: ['gambling'],
    ludopatia: ['gambling'],
    celos: ['jealous'],
    celoso: ['jealous'],
    celosa: ['jealous'],
    control: ['controlling'],
    controlador: ['controlling'],
    controladora: ['controlling'],
    violencia: ['violence'],
    domestica: ['domestic'],
    domestico: ['domestic'],
    intrafamiliar: ['domestic'],
    genero: ['gender', 'domestic'],
    abuso: ['abuse'],
    abusos: ['abuse'],
    maltrato: ['abuse'],
    maltratos: ['abuse'],
    agresion: ['abuse'],
    abusivo: ['abusive'],
    abusiva: ['abusive'],
    sexual: ['sexual'],
    violacion: ['rape'],
    suicidio: ['suicide'],
    suicida: ['suicidal'],
    crisis: ['crisis'],
    terapia: ['therapy', 'counseling'],
    terapeuta: ['therapist', 'counselor'],
    terapeutas: ['therapist', 'counselor'],
    psicologo: ['therapist', 'counselor'],
    psicologa: ['therapist', 'counselor'],
    consejeria: ['counseling'],
    asesoramiento: ['counseling'],
    pareja: ['couples'],
    parejas: ['couples'],
    matrimonio: ['marriage'],
    matrimonial: ['marriage'],
    prematrimonial: ['premarital'],
    divorcio: ['divorce'],
    separacion: ['separation'],
    comunicacion: ['communication'],
    intimidad: ['intimacy'],
    sexualidad: ['sexuality'],
    linea: ['hotline', 'line'],
    ayuda: ['help'],
    apoyo: ['support'],
    grupo: ['group'],
    taller: ['workshop'],
    retiro: ['retreat'],
    libro: ['book'],
    libros: ['book'],
    curso: ['course'],
    gratis: ['free'],
    gratuito: ['free'],
    gratuita: ['free'],
    barato: ['cheap'],
    economico: ['affordable'],
    asequible: ['affordable'],
    virtual: ['virtual'],
    telefono: ['phone'],
    videollamada: ['video'],
    lesbiana: ['lesbian'],
    lesbianas: ['lesbian'],
    cristiano: ['christian'],
    cristiana: ['christian'],
    iglesia: ['church'],
    fe: ['faith'],
    jovenes: ['young'],
    adolescentes: ['young'],
    veteranos: ['veterans'],
    militares: ['military'],
    sordos: ['deaf'],
    sordas: ['deaf'],
    espanol: ['spanish'],
  }),
);

/**
 * Spanish words that carry no topic ("terapia de pareja", "problemas con el alcohol"): dropped
 * from a query that has a word of SPANISH_WORDS or one of the unambiguously Spanish ones
 * (SPANISH_ONLY), so an English "therapist LA" keeps its LA, and a query of nothing else is kept
 * as it is (it then matches what it matched before).
 */
const SPANISH_FILLER: ReadonlySet<string> = new Set(
  'de del la las el los lo y e o u en con por para mi mis su sus un una unos unas al que se me te es problema problemas'.split(' '),
);
const SPANISH_ONLY: ReadonlySet<string> = new Set('del los las una unos unas con para por mis sus problema problemas'.split(' '));

/** Lower case without accents (NFD, combining marks removed): how SPANISH_WORDS are looked up. */
export function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** A word's alternatives: itself, its English words if Spanish, and every synonym of those. */
function alternativesOf(word: string): string[] {
  const english = SPANISH_WORDS.get(foldAccents(word)) ?? [];
  return [...new Set([word, ...[word, ...english].flatMap((w) => [w, ...(SEARCH_SYNONYMS.get(w) ?? [])])])];
}

const MAX_WORDS = 12;

/**
 * Turns free text into a to_tsquery expression: words are reduced to letters and digits
 * (so no tsquery syntax can be injected), each word ORed with its synonyms (a Spanish word with its
 * English words and theirs), words ANDed; a Spanish query loses its function words (SPANISH_FILLER).
 * Returns undefined when nothing searchable is left.
 */
export function buildTsQuery(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const spanish = words.some((w) => SPANISH_WORDS.has(foldAccents(w)) || SPANISH_ONLY.has(w));
  const topical = spanish ? words.filter((w) => !SPANISH_FILLER.has(w)) : words;
  const groups = [...new Set(topical.length ? topical : words)].map((word) => {
    const alternatives = alternativesOf(word);
    return alternatives.length === 1 ? word : `(${alternatives.join(' | ')})`;
  });
  return groups.join(' & ');
}

const label = (terms: readonly { code: string; label: string }[], codes: string[]) =>
  terms.filter((t) => codes.includes(t.code)).map((t) => t.label);

/** The weight-B text indexed with a resource: organization, kind, formats, specialties, approaches, audiences. */
export function searchKeywords(r: {
  organizationName: string;
  kind: string;
  formats: string[];
  specialties: string[];
  approaches: string[];
  audiences: string[];
}): string {
  return [
    r.organizationName,
    ...label(RESOURCE_KINDS.terms, [r.kind]),
    ...label(FORMATS.terms, r.formats),
    ...label(SPECIALTIES.terms, r.specialties),
    ...label(APPROACHES.terms, r.approaches),
    ...label(AUDIENCES.terms, r.audiences),
  ].join('. ');
}

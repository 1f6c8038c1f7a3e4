import { type CountryCode, findPhoneNumbersInText, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/core';
// The metadata as a module (not the JSON file the default entry imports): loads the same under Node and jest.
import metadata from 'libphonenumber-js/min/metadata';

/**
 * Finding contact details in free text that someone wants to slip past a check: fullwidth digits
 * and `＠`, zero-width characters, Cyrillic and Greek letters that look Latin, letters spaced out
 * one by one, digits spelled as words. Pure; no I/O. Used by report notes (reports/) and by
 * providers' free text on their listing (resources/curation/).
 */

/** Cyrillic and Greek letters drawn like Latin ones (Unicode confusables, the common ones). */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
/** Three or more single characters each followed by one space: "j a n e", "M a r i a". */
const SPACED_OUT = /(?<!\S)(?:\S ){2,}\S(?!\S)/gu;
const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const DIGIT_WORD = /zero|one|two|three|four|five|six|seven|eight|nine/giu;

/**
 * The text as a reader sees it: NFKC (fullwidth forms to ASCII), format characters (zero-width,
 * bidi controls) removed, look-alike letters read as Latin, spaced-out letters joined.
 */
export function readAsSeen(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(LOOKALIKE, (c) => LOOKALIKES[c] ?? c)
    .replace(SPACED_OUT, (run) => run.replace(/ /g, ''));
}

/**
 * Digits however they are written: spelled digits ("six one four", "nine hundred") become digits, and in a word
 * that already holds a digit ("61four", "O123") spelled digits, O and l are read as 0 and 1.
 */
export function readDigits(text: string): string {
  return (
    text
      .replace(/\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/giu, (w) => DIGIT_WORDS[w.toLowerCase()])
      // "nine hundred" is how 900 is said (one nine hundred …); "a hundred" alone is no digit.
      .replace(/(\d)\s*hundred\b/giu, (_, digit: string) => `${digit}00`)
      .replace(/\S*\d\S*/gu, (word) =>
        word
          .replace(DIGIT_WORD, (w) => DIGIT_WORDS[w.toLowerCase()])
          .replace(/[oO]/g, '0')
          .replace(/[lI]/g, '1'),
      )
  );
}

export interface PhoneContext {
  /** The listing's own numbers, as published: mentioning them is fine. */
  ownPhones: string[];
  /** ISO 3166-1 countries the listing serves or sits in: how local numbers are read (the US always). */
  countries: string[];
}

/** The E.164 forms of the listing's own numbers, read in each of its countries. */
function ownNumbers(ownPhones: string[], countries: CountryCode[]): Set<string> {
  const own = new Set<string>();
  for (const phone of ownPhones) {
    for (const country of countries) {
      const parsed = parsePhoneNumberFromString(phone, country, metadata);
      if (parsed) own.add(parsed.number);
    }
  }
  return own;
}

function foundPhone(text: string, own: Set<string>, countries: CountryCode[]): boolean {
  return countries.some((country) =>
    findPhoneNumbersInText(text, { defaultCountry: country }, metadata).some((found) => !own.has(found.number.number)),
  );
}

/** Whether the text holds a phone number other than the listing's own, written plainly or in disguise. */
export function hasOtherPhoneNumber(text: string, context: PhoneContext): boolean {
  const countries = [...new Set([...context.countries, 'US'])].filter((c): c is CountryCode =>
    isSupportedCountry(c as CountryCode, metadata),
  );
  const own = ownNumbers(context.ownPhones, countries);
  const seen = readAsSeen(text);
  return foundPhone(seen, own, countries) || foundPhone(readDigits(seen), own, countries);
}

const DIALLABLE = ['call', 'text', 'tty', 'videophone', 'relay'];

/** The numbers a listing publishes, for PhoneContext.ownPhones. */
export function publishedNumbers(resource: { phone: string | null; contactChannels: { type: string; value: string }[] }): string[] {
  return [resource.phone, ...resource.contactChannels.filter((c) => DIALLABLE.includes(c.type)).map((c) => c.value)].filter(
    (n): n is string => !!n,
  );
}

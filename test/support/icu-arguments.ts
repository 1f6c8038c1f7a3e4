import { parse, TYPE } from '@formatjs/icu-messageformat-parser';

type Element = ReturnType<typeof parse>[number];

/**
 * The arguments a message takes, with their ICU type (argument, plural, select…), read by the
 * library's own parser: catalogue parity tests compare them across languages.
 */
export function icuArgumentsOf(message: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal) {
        found[element.value] = TYPE[element.type];
      }
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return found;
}

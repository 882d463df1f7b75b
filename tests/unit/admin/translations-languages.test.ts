import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

/** Every admin string of en.json in every language file, not empty, with the same placeholders. */
const DIR = path.join(__dirname, '../../../admin/src/translations');
const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
const en = read('en.json');
const languages = fs.readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'en.json');

/** The argument names a message uses ({count}, {url}…). */
const argumentsOf = (message: string, locale: string): string[] => {
  const names = new Set<string>();
  const walk = (nodes: any[]) => {
    for (const n of nodes) {
      if (n.value && typeof n.value === 'string' && n.type !== 0) names.add(n.value);
      for (const option of Object.values(n.options ?? {}) as any[]) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as any[]);
  return [...names].sort();
};

describe('admin translations: other languages', () => {
  it("has the languages of the playground's locales besides en", () => {
    expect(languages.sort()).toEqual(['de.json', 'fr.json', 'ja.json', 'pt-BR.json', 'zh-Hans.json']);
  });

  it.each(languages)('%s: every key of en.json, none empty, none extra, the same placeholders', (file) => {
    const messages = read(file);
    const locale = file.replace(/\.json$/, '');
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(messages)) {
      expect({ key, empty: typeof value !== 'string' || value.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, args: argumentsOf(value, locale) }).toEqual({ key, args: argumentsOf(en[key], 'en') });
    }
  });

  it.each(['en.json', ...languages])(
    "%s: no message names Gengo's [[[ ]]] markers (a person sees that text in grey, never the brackets)",
    (file) => {
      const marked = Object.entries(read(file)).filter(([, value]) => /\[\[\[|\]\]\]/.test(value));
      expect(marked).toEqual([]);
    }
  );
});

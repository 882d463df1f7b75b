import fs from 'fs';
import path from 'path';

const ADMIN_SRC = path.resolve(__dirname, '../../../admin/src');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });

/** Every message id the admin asks react-intl for, with its default text. */
const usedMessages = () => {
  const used = new Map<string, string>();
  for (const file of sourceFiles(ADMIN_SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)',\s*'((?:[^'\\]|\\.)*)'/g)) used.set(m[1], m[2]);
    for (const m of text.matchAll(/getTranslation\('([^']+)'\),\s*defaultMessage:\s*'((?:[^'\\]|\\.)*)'/g)) {
      used.set(m[1], m[2]);
    }
  }
  return used;
};

describe('admin translations', () => {
  const en: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ADMIN_SRC, 'translations/en.json'), 'utf8'));

  it('finds the messages the admin uses', () => {
    expect(usedMessages().size).toBeGreaterThan(20);
  });

  it('has an en text for every message id the admin uses, equal to its default', () => {
    const missing = [...usedMessages()].filter(([id, text]) => en[id] !== text).map(([id]) => id);
    expect(missing).toEqual([]);
  });
});

import { createIntl } from 'react-intl';
import en from '../../../admin/src/translations/en.json';
import fr from '../../../admin/src/translations/fr.json';
import ja from '../../../admin/src/translations/ja.json';
import { prefixTranslations } from '../../../admin/src/utils/prefixTranslations';
import { countsCharacters, formatCredits, moneyWords } from '../../../admin/src/utils/money';
import { localeName } from '../../../admin/src/utils/localeNames';

const intlIn = (locale: string, messages: Record<string, string>) =>
  createIntl({ locale, timeZone: 'UTC', messages: prefixTranslations(messages) as Record<string, string> });

describe('money words', () => {
  const money = moneyWords(intlIn('en', en));

  it('say every amount in USD, labelled as Gengo credits', () => {
    expect(money.amount(9.5, 'USD')).toBe('9.50 USD');
    expect(money.amount('7.02', null)).toBe('7.02 USD');
    expect(money.amount(null, 'USD')).toBe('—');
    expect(money.credits(9.5, 'USD')).toBe('9.50 USD in Gengo credits');
    expect(money.label()).toBe('Gengo credits (USD)');
    expect(formatCredits(1.5, 'USD')).toBe('1.50 USD');
  });

  it('count words, or characters for Chinese, Japanese and Korean sources', () => {
    expect(money.units(1, 'en')).toBe('1 word');
    expect(money.units(120, 'de')).toBe('120 words');
    expect(money.units(300, 'ja')).toBe('300 characters');
    expect(money.units(300, 'zh-Hans')).toBe('300 characters');
    expect(money.units(300, 'ko')).toBe('300 characters');
    expect(money.units(null, 'en')).toBe('—');
    expect(['zh-tw', 'ja', 'ko', 'zh_Hant'].every(countsCharacters)).toBe(true);
    expect(['en', 'pt-br', 'kok', null].some(countsCharacters)).toBe(false);
  });

  it('give an ETA as the date it should be done by', () => {
    const now = Date.UTC(2026, 11, 8, 10, 0);
    expect(money.eta(7200, now)).toBe('expected by Dec 8, 2026, 12:00 PM');
  });

  it('follow the admin language: numbers and words', () => {
    const inFr = moneyWords(intlIn('fr', fr));
    expect(inFr.amount(1234.5, 'USD')).toBe('1\u202f234,50 USD');
    expect(inFr.units(2, 'en')).toBe('2 mots');
    expect(moneyWords(intlIn('ja', ja)).units(300, 'ja')).toBe('300 文字');
  });
});

describe('locale names', () => {
  const site = [
    { code: 'fr', name: 'French (fr)' },
    { code: 'zh-Hans', name: 'Chinese (Simplified Han) (zh-Hans)' },
  ];
  it("are the site's names without the code, else the browser's name for the code", () => {
    expect(localeName('fr', site)).toBe('French');
    expect(localeName('zh-Hans', site)).toBe('Chinese (Simplified Han)');
    expect(localeName('de', site)).toBe('German');
    expect(localeName('de', site, 'fr')).toBe('allemand');
  });
});

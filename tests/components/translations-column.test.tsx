import { screen, waitFor } from '@testing-library/react';
import { TranslationsCell } from '../../admin/src/components/TranslationsColumn/TranslationsCell';
import { TranslationBadges } from '../../admin/src/components/TranslationsColumn/TranslationBadges';
import type { DocumentStatuses } from '../../shared/contracts/translation-states';
import { renderInAdmin } from './render';
import { fakeAdmin, FakeFetchError } from './strapi-admin';

const ARTICLE = 'api::article.article';
const LOCALES = [
  { code: 'en', name: 'English (en)', isDefault: true },
  { code: 'fr', name: 'French (fr)', isDefault: false },
  { code: 'de', name: 'German (de)', isDefault: false },
  { code: 'ja', name: 'Japanese (ja)', isDefault: false },
];

const statuses: DocumentStatuses = {
  contentType: ARTICLE,
  locales: ['fr', 'de', 'ja'],
  documents: {
    a: { fr: 'awaiting-review', de: 'in-progress', ja: 'missing' },
    b: { fr: 'up-to-date', de: 'conflict', ja: 'stale' },
    c: { fr: 'missing', de: 'missing', ja: 'missing' },
  },
};

/** The badges of a row: [text, accessible name] (the name is on the badge, the text inside it). */
const badgesOf = (row: HTMLElement) =>
  [...row.querySelectorAll('[data-locale]')].map((b) => [b.textContent, b.getAttribute('aria-label')]);

beforeEach(() => {
  fakeAdmin.reset();
  fakeAdmin.on('GET', '/i18n/locales', LOCALES);
});

describe('"Translations" column of the list view', () => {
  it('a page of rows asks the server once, and each row shows a badge per target locale in words', async () => {
    fakeAdmin.on('GET', '/gengo/document-statuses', { data: statuses });
    renderInAdmin(
      <table>
        <tbody>
          {['a', 'b', 'c'].map((id) => (
            <tr key={id} data-testid={`row-${id}`}>
              <td>
                <TranslationsCell model={ARTICLE} documentId={id} locale="en" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    await waitFor(() => expect(screen.getAllByTestId('gengo-translation-badges')).toHaveLength(3));
    const asked = fakeAdmin.requests('GET', '/gengo/document-statuses');
    expect(asked).toHaveLength(1);
    expect(asked[0].params).toEqual({ contentType: ARTICLE, documentIds: 'a,b,c', locale: 'en' });

    expect(badgesOf(screen.getByTestId('row-a'))).toEqual([
      ['fr · Awaiting review', 'French (fr): Awaiting review'],
      ['de · In progress', 'German (de): In progress'],
      ['ja · Missing', 'Japanese (ja): Missing'],
    ]);
    expect(badgesOf(screen.getByTestId('row-b'))).toEqual([
      ['fr · Up to date', 'French (fr): Up to date'],
      // The words of the panel and the review view (statusWords), not a vocabulary of the column's own.
      ['de · Conflict to resolve', 'German (de): Conflict to resolve'],
      ['ja · Source changed', 'Japanese (ja): Source changed'],
    ]);
    expect(
      [...screen.getByTestId('row-c').querySelectorAll('[data-locale]')].map((b) => b.getAttribute('data-state'))
    ).toEqual(['missing', 'missing', 'missing']);
  });

  it('a locale the answer leaves out of an entry reads as missing; a code without a name stands for itself', () => {
    renderInAdmin(
      <TranslationBadges locales={['fr', 'pt-BR']} states={{ fr: 'up-to-date' }} names={{ fr: 'French (fr)' }} />
    );
    expect(badgesOf(document.body)).toEqual([
      ['fr · Up to date', 'French (fr): Up to date'],
      ['pt-BR · Missing', 'pt-BR: Missing'],
    ]);
  });

  it('says "Not available" when the server refuses (no read permission), without breaking the row', async () => {
    fakeAdmin.on('GET', '/gengo/document-statuses', () => {
      throw new FakeFetchError(403, { error: { message: 'Forbidden', name: 'PolicyError' } });
    });
    renderInAdmin(<TranslationsCell model={ARTICLE} documentId="a" locale="en" />);
    expect(await screen.findByText('Not available')).toBeTruthy();
    expect(screen.queryByTestId('gengo-translation-badges')).toBeNull();
  });
});

import { screen, within } from '@testing-library/react';
import { TranslatePanel } from '../../admin/src/components/TranslatePanel/TranslatePanel';
import type { LocaleStatus } from '../../admin/src/api/orders';
import { renderInAdmin } from './render';
import { fakeAdmin } from './strapi-admin';
import { LOCALES, orderAnswer } from './fixtures';

/** Issue 18, item 4: a relation left empty in a locale is said in the panel, not left silently empty. */
const ARTICLE = 'api::article.article';

const Host = () => {
  const panel = TranslatePanel({ model: ARTICLE, documentId: 'doc-1', document: { locale: 'en' } });
  return panel ? <section>{panel.content}</section> : null;
};

const gap = (over: Partial<LocaleStatus['relationGaps'][number]> = {}) => ({
  path: 'category',
  label: 'category',
  relatedType: 'api::category.category',
  relatedTypeName: 'Category',
  relatedDocumentId: 'cat-1',
  relatedTitle: 'Guides',
  locale: 'fr',
  ...over,
});

beforeEach(() => {
  fakeAdmin.reset();
  fakeAdmin.grant('read', 'order', 'review');
});

it('lists each relation the locale has no linked version for, under that locale only', async () => {
  const latest = orderAnswer({ jobs: [] });
  const locales: LocaleStatus[] = [
    { locale: 'de', status: 'completed', jobs: { approved: 1 }, latest, orders: [latest], relationGaps: [] },
    {
      locale: 'fr',
      status: 'completed',
      jobs: { approved: 1 },
      latest,
      orders: [latest],
      relationGaps: [
        gap(),
        gap({ path: 'sections[0].categories', label: 'sections › Text block › categories', relatedTitle: null }),
      ],
    },
  ];
  fakeAdmin.on('GET', '/i18n/locales', LOCALES);
  fakeAdmin.on('GET', '/gengo/document-status', { data: { contentType: ARTICLE, documentId: 'doc-1', locales } });
  renderInAdmin(<Host />);
  const list = await screen.findByTestId('gengo-relation-gaps');
  expect(screen.getAllByTestId('gengo-relation-gaps')).toHaveLength(1);
  const french = LOCALES.find((l: any) => l.code === 'fr')!.name;
  expect(within(list).getByText(`category: “Guides” (Category) has no ${french} version: not linked`)).toBeTruthy();
  expect(
    within(list).getByText(`sections › Text block › categories: a Category entry has no ${french} version: not linked`)
  ).toBeTruthy();
  expect(within(list).getByText('Once it has one, the next delivery or approval links it.')).toBeTruthy();
});

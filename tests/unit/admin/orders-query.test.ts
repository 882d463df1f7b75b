import {
  entryPath,
  formatCredits,
  orderStatusVariant,
  ordersParams,
} from '../../../admin/src/pages/Orders/ordersQuery';

describe('orders page helpers', () => {
  it('leaves empty filters out of the query and bounds the page', () => {
    expect(ordersParams({}, 1, 25)).toEqual({ page: 1, pageSize: 25 });
    expect(ordersParams({ status: '', contentType: null }, 0, 500)).toEqual({ page: 1, pageSize: 100 });
    expect(ordersParams({ status: 'placed', contentType: 'api::article.article' }, 3, 10)).toEqual({
      status: 'placed',
      contentType: 'api::article.article',
      page: 3,
      pageSize: 10,
    });
  });

  it('asks for the nearest auto-approval first only when chosen', () => {
    expect(ordersParams({ sort: 'autoApproveAt' }, 1, 20)).toEqual({ sort: 'autoApproveAt', page: 1, pageSize: 20 });
    expect(ordersParams({ sort: 'createdAt' }, 1, 20)).toEqual({ page: 1, pageSize: 20 });
  });

  it('links to the entry in its source locale', () => {
    expect(entryPath({ contentType: 'api::article.article', targetDocumentId: 'abc123', sourceLocale: 'en' })).toBe(
      '/content-manager/collection-types/api::article.article/abc123?plugins[i18n][locale]=en'
    );
  });

  it('formats credits and colours statuses', () => {
    expect(formatCredits(1.5, 'USD')).toBe('1.50 USD');
    expect(formatCredits('2', null)).toBe('2.00');
    expect(formatCredits(null, 'USD')).toBe('—');
    expect(orderStatusVariant('completed')).toBe('success');
    expect(orderStatusVariant('weird')).toBe('neutral');
  });
});

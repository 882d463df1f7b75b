import { screen } from '@testing-library/react';
import { useIntl } from 'react-intl';
import { OrderStatusBadge } from '../../admin/src/pages/Orders/OrderStatusBadge';
import { statusWords } from '../../admin/src/utils/statusWords';
import type { OrderView } from '../../admin/src/api/orders';
import { renderInAdmin } from './render';
import { orderAnswer } from './fixtures';

/** The orders page's status column: the panel's words and counts, never a raw status. */
const Badge = ({ order }: { order: OrderView }) => {
  const { formatMessage } = useIntl();
  return <OrderStatusBadge order={order} words={statusWords(formatMessage)} />;
};

const shown = (order: OrderView) => {
  const { unmount } = renderInAdmin(<Badge order={order} />);
  const text = screen.getByTestId('gengo-order-status').textContent;
  unmount();
  return text;
};

it.each([
  [{ status: 'placed', jobCounts: { reviewable: 8, available: 3 } }, 'Awaiting review · 8 of 11'],
  [{ status: 'placed', jobCounts: { available: 2 } }, 'Waiting for a translator · 2 of 2'],
  [{ status: 'completed', jobCounts: { approved: 3 } }, 'Translated · 3 of 3'],
  [{ status: 'placed', jobCounts: {} }, 'Ordered, in progress'],
  [{ status: 'ambiguous', jobCounts: {} }, 'Unconfirmed: being checked with Gengo'],
  [{ status: 'failed' }, 'Order failed'],
] as const)('%j reads "%s"', (patch, words) => {
  expect(shown(orderAnswer(patch as Partial<OrderView>))).toBe(words);
});

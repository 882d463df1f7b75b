import { Badge } from '@strapi/design-system';
import type { OrderView } from '../../api/orders';
import { STATE_VARIANTS, translationState, type StatusWords } from '../../utils/statusWords';
import { orderStatusVariant } from './ordersQuery';

/**
 * An order at Gengo reads as its translations do ("Awaiting review · 8 of 11", the panel's words);
 * one not there yet, failed or cancelled, by its own status.
 */
export const OrderStatusBadge = ({ order, words }: { order: OrderView; words: StatusWords }) => {
  const counts = order.jobCounts ?? {};
  const atGengo = (order.status === 'placed' || order.status === 'completed') && Object.keys(counts).length > 0;
  const state = atGengo ? translationState(order.status, counts) : null;
  const variant = state ? STATE_VARIANTS[state] : orderStatusVariant(order.status);
  return (
    <Badge
      backgroundColor={`${variant}100`}
      textColor={`${variant}700`}
      data-testid="gengo-order-status"
      style={{ whiteSpace: 'nowrap' }}
    >
      {state ? words.stateWithCount(state, counts) : words.order(order.status)}
    </Badge>
  );
};

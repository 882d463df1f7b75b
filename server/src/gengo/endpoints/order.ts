import { seg, type Call } from '../request';
import type { CommentsResponse, OrderResponse } from '../types';

type Id = number | string;

export const orderEndpoints = (call: Call) => ({
  /** `GET translate/order/{id}`: job ids by status, and the count of jobs still queued. */
  getOrder: (id: Id) => call<OrderResponse>('GET', `translate/order/${seg(id)}`),
  /** `GET translate/order/{id}/comments`: the order's thread. */
  listOrderComments: (id: Id) => call<CommentsResponse>('GET', `translate/order/${seg(id)}/comments`),
  /** `POST translate/order/{id}/comment`. Not retried once it may have been received. */
  postOrderComment: (id: Id, body: string) =>
    call<Record<string, unknown>>('POST', `translate/order/${seg(id)}/comment`, { data: { body } }),
});

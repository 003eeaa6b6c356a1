import * as OrderService from '../../wailsjs/go/app/OrderService';
import type { orders } from '../../wailsjs/go/models';

export type Order = orders.Order;
export type OrderPage = orders.Page;
export type OrderQuery = orders.Query;

export async function listOrders(q: OrderQuery): Promise<OrderPage> {
  const page = await OrderService.List(q);
  return {
    rows: page?.rows ?? [],
    nextCursor: page?.nextCursor ?? '',
    total: page?.total ?? 0,
  } as OrderPage;
}

export type Refund = orders.Refund;

/** The refunds and after-sales of one order (from imported refund files), newest first. */
export async function listRefunds(shopId: number, orderNo: string): Promise<Refund[]> {
  return (await OrderService.Refunds(shopId, orderNo)) ?? [];
}

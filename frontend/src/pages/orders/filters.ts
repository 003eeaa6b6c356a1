import type { OrderQuery } from '../../api/orders';

export interface OrderFilters {
  shopId: number; // 0 = all shops
  status: string; // '' = all
  from: string; // YYYY-MM-DD or ''
  to: string;
  search: string;
  openRefund: boolean; // only orders with a refund / after-sale still open (有售后)
}

export const emptyFilters: OrderFilters = { shopId: 0, status: '', from: '', to: '', search: '', openRefund: false };

export function hasActiveFilters(f: OrderFilters): boolean {
  return f.shopId !== 0 || f.status !== '' || f.from !== '' || f.to !== '' || f.search.trim() !== '' || f.openRefund;
}

export function toQuery(f: OrderFilters, cursor: string, limit: number): OrderQuery {
  return {
    shopId: f.shopId,
    status: f.status,
    from: f.from,
    to: f.to,
    search: f.search.trim(),
    openRefund: f.openRefund,
    cursor,
    limit,
  } as OrderQuery;
}

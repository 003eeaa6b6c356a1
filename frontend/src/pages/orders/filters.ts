import type { OrderQuery } from '../../api/orders';

export interface OrderFilters {
  shopId: number; // 0 = all shops
  status: string; // '' = all
  from: string; // YYYY-MM-DD or ''
  to: string;
  search: string;
}

export const emptyFilters: OrderFilters = { shopId: 0, status: '', from: '', to: '', search: '' };

export function hasActiveFilters(f: OrderFilters): boolean {
  return f.shopId !== 0 || f.status !== '' || f.from !== '' || f.to !== '' || f.search.trim() !== '';
}

export function toQuery(f: OrderFilters, cursor: string, limit: number): OrderQuery {
  return {
    shopId: f.shopId,
    status: f.status,
    from: f.from,
    to: f.to,
    search: f.search.trim(),
    cursor,
    limit,
  } as OrderQuery;
}

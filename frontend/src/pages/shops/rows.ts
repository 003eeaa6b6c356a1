import type { TFunction } from 'i18next';
import type { RowCount } from '../../api/shops';

/**
 * "30 个订单、2 条退款/售后": the counts Go names (shop.Refs Count keys, labelled under
 * shops.rows in the locales), zeros left out; '' when every count is zero.
 */
export function rowList(t: TFunction, counts: RowCount[] | undefined): string {
  return (counts ?? [])
    .filter((c) => c.rows > 0)
    .map((c) => t(`shops.rows.${c.key}`, { count: c.rows }))
    .join(t('shops.listSep'));
}

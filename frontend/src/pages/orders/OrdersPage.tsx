/*
 * 订单 Orders page.
 *
 * data-testid:
 *   orders-page            page root
 *   orders-filters         filter row
 *   orders-filter-shop     shop Select (全部店铺 + shops)
 *   orders-filter-status   status Select
 *   orders-filter-date     wrapper of the created-date RangePicker
 *   orders-filter-search   Input.Search (订单号或买家); the <input> is inside it
 *   orders-filter-refund   有售后 Checkbox (orders with an open refund)
 *   orders-filter-reset    重置 button
 *   orders-table           wrapper of the antd Table
 *   order-row              each table body row (tr)
 *   order-no               order number text (in rows and in the drawer)
 *   orders-total           "共 N 条 · 第 P / Q 页"
 *   orders-page-size       page-size Select (20/50/100)
 *   orders-prev            上一页 button
 *   orders-next            下一页 button
 *   order-drawer           content of the order detail drawer
 *   orders-empty-filtered  "no order matches" empty state; orders-clear-filters its 清除筛选 button
 *   orders-empty-none      shops exist but no orders yet; orders-empty-import its button
 *   orders-empty-nodata    no shop at all (Info.empty); goto-import-button 导入订单文件, demo-button 创建演示店铺
 *   orders-load-error      Alert shown when loading a page failed
 *   orders-print           the page's orders on paper (Ctrl+P; hidden on screen): a plain table whose header repeats on every page
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { listOrders, type Order } from '../../api/orders';
import { errorText } from '../../api/errors';
import { useAppData } from '../../state/AppData';
import { canGoBack, firstPage, pageNumber, popPrev, pushNext, type CursorStack } from '../../lib/cursorStack';
import { takeFilter } from '../../lib/pageLink';
import { emptyFilters, hasActiveFilters, toQuery, type OrderFilters } from './filters';
import { OrderFiltersBar } from './OrderFiltersBar';
import { OrdersTable } from './OrdersTable';
import { KeysetPager, PAGE_SIZES } from './KeysetPager';
import { OrderDrawer } from './OrderDrawer';
import { OrdersPrint } from './OrdersPrint';
import { NoDataState } from './NoDataState';

const PAGE_SIZE_KEY = 'shopdesk.orders.pageSize';

function savedPageSize(): number {
  try {
    const n = Number(window.localStorage.getItem(PAGE_SIZE_KEY));
    return PAGE_SIZES.includes(n) ? n : 50;
  } catch {
    return 50;
  }
}

function savePageSize(n: number) {
  try {
    window.localStorage.setItem(PAGE_SIZE_KEY, String(n));
  } catch {
    // not persisted
  }
}

export function OrdersPage() {
  const { t } = useTranslation();
  const { info, shops, shopsLoading, dataVersion, navigate } = useAppData();
  // 今日清单's "yesterday's orders" opens the shop's orders of that day (lib/pageLink).
  const [filters, setFilters] = useState<OrderFilters>(() => {
    const l = takeFilter('orders');
    return { ...emptyFilters, shopId: Number(l.shop) || 0, from: l.from ?? '', to: l.to ?? '' };
  });
  const [pageSize, setPageSize] = useState<number>(savedPageSize);
  const [cursor, setCursor] = useState<CursorStack>(firstPage);
  const [rows, setRows] = useState<Order[]>([]);
  const [total, setTotal] = useState(0);
  const [nextCursor, setNextCursor] = useState('');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Order | null>(null);
  const seq = useRef(0);

  const noShops = info?.empty === true;

  const load = useCallback(async () => {
    const my = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const page = await listOrders(toQuery(filters, cursor.current, pageSize));
      if (my !== seq.current) return;
      setRows(page.rows);
      // The server counts only on the first page (a count walks the whole index); later
      // pages answer -1 and the first page's total stands.
      if (page.total >= 0) setTotal(page.total);
      setNextCursor(page.nextCursor);
    } catch (err) {
      if (my !== seq.current) return;
      setError(errorText(err, t('orders.loadFailed')));
      setRows([]);
      setNextCursor('');
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, [filters, cursor, pageSize, t]);

  useEffect(() => {
    if (info === null || noShops) return;
    void load();
    // dataVersion: reload after imports / demo data
  }, [load, info, noShops, dataVersion]);

  const changeFilters = (f: OrderFilters) => {
    setFilters(f);
    setCursor(firstPage);
  };
  const reset = () => changeFilters(emptyFilters);

  if (noShops) return <NoDataState />;

  const filtered = hasActiveFilters(filters);
  const empty = filtered ? (
    <Empty data-testid="orders-empty-filtered" description={t('orders.empty.filtered')}>
      <Button data-testid="orders-clear-filters" onClick={reset}>
        {t('orders.empty.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty data-testid="orders-empty-none" description={t('orders.empty.none')}>
      <Button type="primary" data-testid="orders-empty-import" onClick={() => navigate('import')}>
        {t('orders.empty.importButton')}
      </Button>
    </Empty>
  );

  return (
    <div data-testid="orders-page">
      <Card styles={{ body: { padding: 16 } }}>
        {/* On paper: the plain table of this page's orders (OrdersPrint); on screen: the rest. */}
        <OrdersPrint rows={rows} filters={filters} shops={shops} total={total} page={pageNumber(cursor)} pages={Math.max(1, Math.ceil(total / pageSize))} />
        <div className="sd-no-print">
          <OrderFiltersBar value={filters} onChange={changeFilters} onReset={reset} shops={shops} shopsLoading={shopsLoading} />
          {error && (
            <Alert
              data-testid="orders-load-error"
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={<span className="sd-error-text">{error}</span>}
              action={<Button size="small" onClick={() => void load()}>{t('common.retry')}</Button>}
            />
          )}
          <div style={{ marginTop: 12 }}>
            <OrdersTable rows={rows} loading={loading} onOpen={setOpen} empty={loading || error ? <div style={{ height: 120 }} /> : empty} />
          </div>
          <KeysetPager
            total={total}
            page={pageNumber(cursor)}
            pageSize={pageSize}
            canPrev={canGoBack(cursor)}
            canNext={nextCursor !== ''}
            loading={loading}
            onPrev={() => setCursor((c) => popPrev(c))}
            onNext={() => setCursor((c) => pushNext(c, nextCursor))}
            onPageSize={(n) => {
              savePageSize(n);
              setPageSize(n);
              setCursor(firstPage);
            }}
          />
        </div>
      </Card>
      <OrderDrawer order={open} onClose={() => setOpen(null)} />
    </div>
  );
}

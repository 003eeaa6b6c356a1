/*
 * 每日退货: goods back per day and SKU, from the imported refunds (the last 30 days unless
 * other days are picked).
 *
 * data-testid:
 *   stock-returns        the tab's root;  stock-returns-range  the RangePicker
 *   stock-return-row     each row (data-day, data-code);  stock-returns-empty  none in the days
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, DatePicker, Empty, Flex, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { listReturns, type ReturnsPage } from '../../api/stock';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';

type ReturnDay = ReturnsPage['rows'][number];

export function ReturnsPanel({ version, onOpen }: { version: number; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ReturnsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const f = range ? range[0].format('YYYY-MM-DD') : '';
      const to = range ? range[1].format('YYYY-MM-DD') : '';
      setData(await listReturns(f, to, page, 50));
      setError(null);
    } catch (err) {
      setError(errorText(err, t('stock.loadFailed')));
    } finally {
      setLoading(false);
    }
  }, [range, page, t]);
  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <div data-testid="stock-returns">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('stock.returns.intro')}</Typography.Text>
        <DatePicker.RangePicker
          data-testid="stock-returns-range"
          allowClear
          value={range ?? (data ? [dayjs(data.from), dayjs(data.to)] : null)}
          onChange={(v) => {
            setRange(v && v[0] && v[1] ? [v[0], v[1]] : null);
            setPage(1);
          }}
        />
      </Flex>
      {error && <Alert type="error" showIcon style={{ marginBottom: 10 }} title={<span className="sd-error-text">{error}</span>} />}
      <Table<ReturnDay>
        size="small"
        loading={loading}
        rowKey={(r) => `${r.day}-${r.itemId}-${r.code}`}
        dataSource={data?.rows ?? []}
        onRow={(r) => ({ onClick: () => r.itemId && onOpen(r.itemId), style: { cursor: r.itemId ? 'pointer' : 'default' }, 'data-testid': 'stock-return-row', 'data-day': r.day, 'data-code': r.code }) as object}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: <Empty data-testid="stock-returns-empty" description={t('stock.returns.empty')} /> }}
        columns={[
          { key: 'day', title: t('stock.returns.day'), dataIndex: 'day', width: 110 },
          { key: 'code', title: t('stock.col.code'), dataIndex: 'code', width: 130, render: (v: string) => <span className="sd-mono">{v}</span> },
          { key: 'name', title: t('stock.col.item'), dataIndex: 'name', ellipsis: true },
          { key: 'units', title: t('stock.returns.units'), dataIndex: 'units', width: 90, align: 'right' },
          { key: 'amount', title: t('stock.returns.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => formatFen(v) },
          { key: 'refunds', title: t('stock.returns.refunds'), dataIndex: 'refunds', width: 80, align: 'right' },
          { key: 'shops', title: t('stock.returns.shops'), dataIndex: 'shops', width: 160, ellipsis: true },
        ]}
      />
    </div>
  );
}

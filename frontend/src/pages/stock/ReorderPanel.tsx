/*
 * 补货: every SKU to reorder, by supplier, and the purchase sheet (采购单, xlsx) made of it:
 * all suppliers, or one.
 *
 * data-testid:
 *   stock-reorder           the tab's root;  stock-reorder-export  导出采购单 (all suppliers)
 *   stock-reorder-group     each supplier's card (data-supplier); stock-reorder-export-one its export
 *   stock-reorder-line      each row (data-code, data-qty);  stock-reorder-empty  nothing to order
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { exportPurchase, reorderList, type ReorderGroup, type ReorderLine } from '../../api/stock';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { DaysLeft, StatusTag } from './StockSheet';
import { fmtAvg } from './format';

export function ReorderPanel({ version, onOpen }: { version: number; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [groups, setGroups] = useState<ReorderGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setGroups(await reorderList());
      setError(null);
    } catch (err) {
      setError(errorText(err, t('stock.loadFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const save = async (supplier: string, only: boolean) => {
    setBusy(only ? supplier : '*');
    try {
      const f = await exportPurchase(supplier, only);
      if (f.path || f.url) message.success(t('stock.reorder.exported', { count: f.rows }));
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />;
  if (!groups) return <Skeleton active />;
  return (
    <div data-testid="stock-reorder">
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('stock.reorder.intro')}</Typography.Text>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          data-testid="stock-reorder-export"
          disabled={groups.length === 0}
          loading={busy === '*'}
          onClick={() => void save('', false)}
        >
          {t('stock.reorder.export')}
        </Button>
      </Flex>
      {groups.length === 0 && <Empty data-testid="stock-reorder-empty" description={t('stock.reorder.empty')} />}
      <Flex vertical gap={12}>
        {groups.map((g) => (
          <Card
            key={g.supplier}
            size="small"
            data-testid="stock-reorder-group"
            data-supplier={g.supplier}
            title={
              <Flex gap={12} align="baseline" wrap>
                <span>{g.supplier || t('stock.reorder.supplierNone')}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  {t('stock.reorder.groupTotal', { count: g.lines.length, qty: g.qty, amount: formatFen(g.amountFen) })}
                </Typography.Text>
              </Flex>
            }
            extra={
              <Button size="small" icon={<DownloadOutlined />} data-testid="stock-reorder-export-one" loading={busy === g.supplier} onClick={() => void save(g.supplier, true)}>
                {t('stock.reorder.exportOne')}
              </Button>
            }
          >
            <Table<ReorderLine>
              size="small"
              rowKey="itemId"
              dataSource={g.lines}
              pagination={false}
              scroll={{ x: 900 }}
              onRow={(l) => ({ onClick: () => onOpen(l.itemId), style: { cursor: 'pointer' }, 'data-testid': 'stock-reorder-line', 'data-code': l.code, 'data-qty': l.qty }) as object}
              columns={[
                { key: 'code', title: t('stock.col.code'), dataIndex: 'code', width: 120, render: (v: string) => <span className="sd-mono">{v}</span> },
                { key: 'name', title: t('stock.col.item'), ellipsis: true, render: (_: unknown, l) => `${l.name}${l.spec ? ` · ${l.spec}` : ''}` },
                { key: 'status', title: t('stock.col.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} /> },
                { key: 'onHand', title: t('stock.col.onHand'), dataIndex: 'onHand', width: 70, align: 'right' },
                { key: 'transit', title: t('stock.col.inTransit'), dataIndex: 'inTransit', width: 60, align: 'right' },
                { key: 'avg', title: t('stock.col.avg'), dataIndex: 'avgDaily', width: 80, align: 'right', render: (v: number) => fmtAvg(v) },
                { key: 'days', title: t('stock.col.daysLeft'), width: 90, align: 'right', render: (_: unknown, l) => <DaysLeft row={l} /> },
                { key: 'lead', title: t('stock.reorder.lead'), dataIndex: 'leadDays', width: 80, align: 'right', render: (v: number) => t('stock.days', { value: v }) },
                { key: 'pack', title: t('stock.reorder.pack'), dataIndex: 'packSize', width: 60, align: 'right' },
                { key: 'qty', title: t('stock.reorder.qty'), dataIndex: 'qty', width: 90, align: 'right', render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
                { key: 'amount', title: t('stock.reorder.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => formatFen(v) },
              ]}
            />
          </Card>
        ))}
      </Flex>
    </div>
  );
}

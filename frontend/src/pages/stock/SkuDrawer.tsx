/*
 * A SKU's drawer: its figures, the last 30 days as a chart, the ledger (with a movement to
 * record by hand), its fields, the shop listings it is sold under, and its history.
 *
 * data-testid:
 *   stock-drawer            the drawer's content (data-code, data-on-hand)
 *   stock-drawer-figures    the figures;  stock-chart  the chart (StockChart)
 *   stock-drawer-tab-<k>    tabs: ledger, item, listings, history
 *   stock-listing           each listing;  stock-listing-unmap  取消对应 (confirmed)
 *   (ledger, fields and the movement form: LedgerTable, ItemForm)
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Popconfirm, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getStockItem, unmapListing, type StockDetail } from '../../api/stock';
import { errorText } from '../../api/errors';
import { platformLabel } from '../../components/labels';
import { formatFen } from '../../lib/money';
import { StockChart } from './StockChart';
import { LedgerTable } from './LedgerTable';
import { ItemForm, MoveForm } from './ItemForm';
import { DaysLeft, StatusTag } from './StockSheet';
import { DASH, fmtAvg, rankColor } from './format';

interface Props {
  id: number | null;
  onClose: () => void;
  /** Something changed (a movement, the fields, a listing): the sheet reloads. */
  onChanged: () => void;
}

type Listing = StockDetail['listings'][number];
type Change = StockDetail['changes'][number];

export function SkuDrawer({ id, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [d, setD] = useState<StockDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      setD(await getStockItem(id));
      setError(null);
    } catch (err) {
      setError(errorText(err, t('stock.drawer.loadFailed')));
    }
  }, [id, t]);

  useEffect(() => {
    setD(null);
    void load();
  }, [load]);

  const changed = () => {
    void load();
    onChanged();
  };

  const unmap = async (l: Listing) => {
    try {
      await unmapListing(l.id);
      message.success(t('stock.listing.unmapped'));
      changed();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    }
  };

  const r = d?.row;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={r ? `${r.code} ${r.name}` : ''}
      extra={r && <StatusTag status={r.status} />}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />}
      {!d && !error && <Skeleton active />}
      {d && r && (
        <div data-testid="stock-drawer" data-code={r.code} data-on-hand={r.onHand}>
          <Descriptions size="small" column={3} bordered data-testid="stock-drawer-figures">
            <Descriptions.Item label={t('stock.col.onHand')}>{r.known ? r.onHand : t('stock.unknown')}</Descriptions.Item>
            <Descriptions.Item label={t('stock.col.daysLeft')}>
              <DaysLeft row={r} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.col.reorder')}>{r.reorderQty}</Descriptions.Item>
            <Descriptions.Item label={t('stock.col.avg')}>
              {fmtAvg(r.avg7)} / {fmtAvg(r.avg14)} / {fmtAvg(r.avg30)}
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.col.inTransit')}>{r.inTransit}</Descriptions.Item>
            <Descriptions.Item label={t('stock.drawer.value')}>{formatFen(r.valueFen)}</Descriptions.Item>
            <Descriptions.Item label={t('stock.drawer.rankUnits')}>
              {r.rankUnits ? <Tag color={rankColor(r.rankUnits)}>{t(`stock.rank.${r.rankUnits}`)}</Tag> : DASH} {r.soldRank}
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.drawer.rankMargin')}>
              {r.rankMargin ? <Tag color={rankColor(r.rankMargin)}>{t(`stock.rank.${r.rankMargin}`)}</Tag> : DASH} {formatFen(r.marginFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.col.lastSale')}>{r.lastSaleAt || t('stock.drawer.lastSaleNone')}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('stock.drawer.chart')}
          </Typography.Title>
          {d.chart.some((c) => c.sold || c.returned || (c.stock !== undefined && c.stock !== null)) ? (
            <StockChart days={d.chart} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.drawer.chartEmpty')} />
          )}
          <Tabs
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'ledger',
                label: <span data-testid="stock-drawer-tab-ledger">{t('stock.drawer.ledger')}</span>,
                children: (
                  <Flex vertical gap={10}>
                    <MoveForm itemId={r.id} onSaved={changed} />
                    {d.ledger.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.drawer.noLedger')} />
                    ) : (
                      <>
                        <LedgerTable entries={d.ledger} onChanged={changed} />
                        {d.entries > d.ledger.length && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('stock.drawer.entries', { count: d.entries, shown: d.ledger.length })}
                          </Typography.Text>
                        )}
                      </>
                    )}
                  </Flex>
                ),
              },
              {
                key: 'item',
                label: <span data-testid="stock-drawer-tab-item">{t('stock.drawer.item')}</span>,
                children: <ItemForm item={r} onSaved={changed} />,
              },
              {
                key: 'listings',
                label: <span data-testid="stock-drawer-tab-listings">{t('stock.drawer.listings')}</span>,
                children:
                  d.listings.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.drawer.noListings')} />
                  ) : (
                    <Table<Listing>
                      size="small"
                      rowKey={(l) => `${l.id}-${l.shopId}-${l.title}`}
                      dataSource={d.listings}
                      pagination={false}
                      onRow={() => ({ 'data-testid': 'stock-listing' }) as object}
                      columns={[
                        { key: 'shop', title: t('stock.listing.shop'), width: 150, render: (_: unknown, l) => `${l.shopName}（${platformLabel(t, l.platform)}）` },
                        { key: 'title', title: t('stock.listing.title'), dataIndex: 'title', ellipsis: true },
                        {
                          key: 'how',
                          title: t('stock.listing.skuId'),
                          width: 130,
                          render: (_: unknown, l) => (l.id ? l.platformSkuId : <Tag>{t('stock.listing.byCode')}</Tag>),
                        },
                        {
                          key: 'act',
                          width: 80,
                          render: (_: unknown, l) =>
                            l.id ? (
                              <Popconfirm
                                title={t('stock.listing.unmapTitle')}
                                description={<div style={{ maxWidth: 260 }}>{t('stock.listing.unmapBody')}</div>}
                                okText={t('stock.listing.unmap')}
                                cancelText={t('common.cancel')}
                                onConfirm={() => unmap(l)}
                              >
                                <Button size="small" type="link" danger data-testid="stock-listing-unmap">
                                  {t('stock.listing.unmap')}
                                </Button>
                              </Popconfirm>
                            ) : (
                              <Typography.Text type="secondary">{l.lines}</Typography.Text>
                            ),
                        },
                      ]}
                    />
                  ),
              },
              {
                key: 'history',
                label: <span data-testid="stock-drawer-tab-history">{t('stock.drawer.history')}</span>,
                children:
                  d.changes.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.drawer.noHistory')} />
                  ) : (
                    <Table<Change>
                      size="small"
                      rowKey={(c) => `${c.at}-${c.field}-${c.new}`}
                      dataSource={d.changes}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      columns={[
                        { key: 'at', title: t('stock.history.at'), dataIndex: 'at', width: 150 },
                        { key: 'field', title: t('stock.history.field'), dataIndex: 'name', width: 90 },
                        { key: 'change', title: t('stock.history.change'), render: (_: unknown, c) => (c.new ? `${c.old || '—'} → ${c.new}` : c.old) },
                        { key: 'by', title: t('stock.history.by'), width: 140, ellipsis: true, render: (_: unknown, c) => c.file || c.actor },
                      ]}
                    />
                  ),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

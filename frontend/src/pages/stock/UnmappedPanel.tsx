/*
 * 未对应商品: order lines without a merchant code, by shop and title, each with the SKUs most
 * like it; mapping a title makes its lines (and every later import's) the SKU's.
 *
 * data-testid:
 *   stock-unmapped          the tab's root;  stock-unmapped-totals  "N 个标题 · M 行订单"
 *   stock-unmapped-row      each title (data-title);  stock-unmapped-suggest  a suggested SKU (click maps)
 *   stock-unmapped-pick     Select searching every SKU;  stock-unmapped-map  对应
 *   stock-unmapped-empty    nothing unmapped
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listStock, listUnmapped, mapTitle, type Unmapped, type UnmappedPage } from '../../api/stock';
import { errorText } from '../../api/errors';
import { platformLabel } from '../../components/labels';

function ItemPicker({ onPick }: { onPick: (id: number, code: string) => void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: number; label: string; code: string }[]>([]);
  const [value, setValue] = useState<number | null>(null);
  const search = async (term: string) => {
    try {
      const p = await listStock({ search: term, pageSize: 20, all: true, sort: 'code' });
      setOptions(p.rows.map((r) => ({ value: r.id, label: `${r.code} ${r.name}`, code: r.code })));
    } catch {
      setOptions([]);
    }
  };
  return (
    <Flex gap={6}>
      <Select
        data-testid="stock-unmapped-pick"
        showSearch={{ filterOption: false, onSearch: (v) => void search(v) }}
        style={{ width: 220 }}
        placeholder={t('stock.unmapped.pickPlaceholder')}
        value={value}
        onOpenChange={(o) => o && options.length === 0 && void search('')}
        onChange={setValue}
        options={options}
      />
      <Button
        data-testid="stock-unmapped-map"
        disabled={value === null}
        onClick={() => {
          const o = options.find((x) => x.value === value);
          if (o) onPick(o.value, o.code);
        }}
      >
        {t('stock.unmapped.map')}
      </Button>
    </Flex>
  );
}

export function UnmappedPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<UnmappedPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await listUnmapped(page, 20));
      setError(null);
    } catch (err) {
      setError(errorText(err, t('stock.loadFailed')));
    } finally {
      setLoading(false);
    }
  }, [page, t]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const map = async (u: Unmapped, itemId: number, code: string) => {
    try {
      const n = await mapTitle(u.shopId, u.title, itemId);
      message.success(t('stock.unmapped.mapped', { lines: n, code }));
      onChanged();
      await load();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    }
  };

  return (
    <div data-testid="stock-unmapped">
      <Typography.Paragraph type="secondary">{t('stock.unmapped.intro')}</Typography.Paragraph>
      {data && data.titles > 0 && (
        <Typography.Text strong data-testid="stock-unmapped-totals">
          {t('stock.unmapped.totals', { titles: data.titles, lines: data.lines })}
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon style={{ margin: '10px 0' }} title={<span className="sd-error-text">{error}</span>} />}
      <Table<Unmapped>
        style={{ marginTop: 8 }}
        size="small"
        loading={loading}
        rowKey={(u) => `${u.shopId}-${u.title}`}
        dataSource={data?.rows ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.titles ?? 0, hideOnSinglePage: true, onChange: setPage, showSizeChanger: false }}
        onRow={(u) => ({ 'data-testid': 'stock-unmapped-row', 'data-title': u.title }) as object}
        locale={{ emptyText: <Empty data-testid="stock-unmapped-empty" description={t('stock.unmapped.empty')} /> }}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'shop', title: t('stock.unmapped.shop'), width: 190, render: (_: unknown, u) => `${u.shopName}（${platformLabel(t, u.platform)}）` },
          {
            key: 'title',
            title: t('stock.unmapped.title'),
            render: (_: unknown, u) => <Typography.Text ellipsis={{ tooltip: u.title }}>{u.title || t('stock.unmapped.noTitle')}</Typography.Text>,
          },
          { key: 'lines', title: t('stock.unmapped.lines'), dataIndex: 'lines', width: 70, align: 'right' },
          { key: 'units', title: t('stock.unmapped.units'), dataIndex: 'units', width: 70, align: 'right' },
          { key: 'last', title: t('stock.unmapped.lastAt'), dataIndex: 'lastAt', width: 110, render: (v: string) => v.slice(0, 10) },
          {
            key: 'suggest',
            title: t('stock.unmapped.suggest'),
            width: 260,
            render: (_: unknown, u) => (
              <Flex gap={4} wrap>
                {u.suggestions.map((s) => (
                  <Tooltip key={s.itemId} title={`${s.name} ${s.spec} · ${t('stock.unmapped.score', { score: Math.round(s.score * 100) })}`}>
                    <Tag color="blue" style={{ cursor: 'pointer' }} data-testid="stock-unmapped-suggest" onClick={() => void map(u, s.itemId, s.code)}>
                      {s.code}
                    </Tag>
                  </Tooltip>
                ))}
              </Flex>
            ),
          },
          { key: 'pick', title: t('stock.unmapped.pick'), width: 300, render: (_: unknown, u) => <ItemPicker onPick={(id, code) => void map(u, id, code)} /> },
        ]}
      />
    </div>
  );
}

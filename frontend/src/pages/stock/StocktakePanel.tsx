/*
 * 盘点 Stocktake: export the count sheet, import it filled in (through the import engine, like
 * any file), review the differences, post them as stocktake movements, or discard the sheet
 * (its import undone).
 *
 * data-testid:
 *   stock-stocktake            the tab's root
 *   stocktake-export           导出盘点表 (stocktake-supplier: only one supplier's SKUs)
 *   stocktake-goto-import      去导入
 *   stocktake-sheet            each imported count sheet (data-batch); stocktake-review its 核对
 *   stocktake-none             no count sheet imported yet
 *   stocktake-review-table     the rows of the sheet under review; stocktake-line each (data-code, data-diff)
 *   stocktake-post             过账 (asks first: stocktake-post-confirm)
 *   stocktake-discard          放弃 (asks first: stocktake-discard-confirm)
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Select, Steps, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { countReview, countSheets, exportCountSheet, listSuppliers, postCounts, type CountLine, type CountSheet } from '../../api/stock';
import { undoBatch } from '../../api/imports';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { useAppData } from '../../state/AppData';
import { savedActor } from '../anomalies/logic';
import { signed } from './format';

export function StocktakePanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate, dataVersion } = useAppData();
  const [sheets, setSheets] = useState<CountSheet[] | null>(null);
  const [suppliers, setSuppliers] = useState<string[]>([]);
  const [supplier, setSupplier] = useState('');
  const [current, setCurrent] = useState<number | null>(null);
  const [lines, setLines] = useState<CountLine[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const s = await countSheets();
      setSheets(s);
      setSuppliers(await listSuppliers());
      const pick = s.find((x) => x.batchId === current) ?? s.find((x) => x.posted < x.counted) ?? s[0];
      setCurrent(pick?.batchId ?? null);
      setLines(pick ? await countReview(pick.batchId) : []);
      setError(null);
    } catch (err) {
      setError(errorText(err, t('stock.loadFailed')));
    }
    // current is read, not followed: picking a sheet loads it in review()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t]);
  useEffect(() => {
    void load();
  }, [load, version, dataVersion]);

  const review = async (batchId: number) => {
    setCurrent(batchId);
    try {
      setLines(await countReview(batchId));
    } catch (err) {
      setError(errorText(err, t('stock.loadFailed')));
    }
  };

  const act = async (what: string, fn: () => Promise<string>) => {
    setBusy(what);
    try {
      message.success(await fn());
      onChanged();
      await load();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const sheet = sheets?.find((s) => s.batchId === current);
  const toPost = lines.filter((l) => l.counted !== undefined && l.counted !== null && !l.posted).length;

  return (
    <div data-testid="stock-stocktake">
      <Card size="small" title={t('stock.stocktake.steps')} style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          items={[
            { title: t('stock.stocktake.step1'), content: t('stock.stocktake.step1Body'), status: 'process' },
            { title: t('stock.stocktake.step2'), content: t('stock.stocktake.step2Body'), status: 'process' },
            { title: t('stock.stocktake.step3'), content: t('stock.stocktake.step3Body'), status: 'process' },
          ]}
        />
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Select
            data-testid="stocktake-supplier"
            style={{ width: 180 }}
            value={supplier}
            onChange={setSupplier}
            options={[{ value: '', label: t('stock.filter.allSuppliers') }, ...suppliers.map((s) => ({ value: s, label: s }))]}
          />
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            data-testid="stocktake-export"
            loading={busy === 'export'}
            onClick={() =>
              void act('export', async () => {
                const f = await exportCountSheet(supplier);
                return f.path || f.url ? t('stock.stocktake.exported', { count: f.rows }) : '';
              })
            }
          >
            {t('stock.stocktake.export')}
          </Button>
          <Button icon={<CloudUploadOutlined />} data-testid="stocktake-goto-import" onClick={() => navigate('import')}>
            {t('stock.stocktake.gotoImport')}
          </Button>
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon style={{ marginBottom: 10 }} title={<span className="sd-error-text">{error}</span>} />}
      <Typography.Title level={5}>{t('stock.stocktake.sheets')}</Typography.Title>
      {sheets && sheets.length === 0 && <Empty data-testid="stocktake-none" description={t('stock.stocktake.none')} />}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {(sheets ?? []).map((s) => (
          <Button
            key={s.batchId}
            data-testid="stocktake-sheet"
            data-batch={s.batchId}
            type={s.batchId === current ? 'primary' : 'default'}
            ghost={s.batchId === current}
            onClick={() => void review(s.batchId)}
          >
            <span data-testid="stocktake-review">
              {s.file} · {s.at.slice(5, 16)} {s.posted > 0 && <Tag color="green">{t('stock.stocktake.postedTag')}</Tag>}
            </span>
          </Button>
        ))}
      </Flex>
      {sheet && (
        <Card
          size="small"
          title={
            <Typography.Text>
              {sheet.file}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {t('stock.stocktake.summary', { rows: sheet.rows, counted: sheet.counted, differing: sheet.differing, posted: sheet.posted })}
              </Typography.Text>
            </Typography.Text>
          }
          extra={
            <Flex gap={8}>
              <Popconfirm
                title={t('stock.stocktake.discardTitle')}
                description={<div style={{ maxWidth: 280 }}>{t('stock.stocktake.discardBody')}</div>}
                okText={t('stock.stocktake.discard')}
                okButtonProps={{ danger: true, ...({ 'data-testid': 'stocktake-discard-confirm' } as object) }}
                cancelText={t('common.cancel')}
                onConfirm={() => act('discard', async () => (await undoBatch(sheet.batchId), t('stock.stocktake.discarded')))}
              >
                <Button danger data-testid="stocktake-discard" loading={busy === 'discard'}>
                  {t('stock.stocktake.discard')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('stock.stocktake.postTitle', { count: toPost })}
                description={<div style={{ maxWidth: 280 }}>{t('stock.stocktake.postBody')}</div>}
                okText={t('stock.stocktake.post')}
                okButtonProps={{ ...({ 'data-testid': 'stocktake-post-confirm' } as object) }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  act('post', async () => t('stock.stocktake.postedDone', { count: await postCounts(sheet.batchId, savedActor()) }))
                }
                disabled={toPost === 0}
              >
                <Button type="primary" data-testid="stocktake-post" disabled={toPost === 0} loading={busy === 'post'}>
                  {t('stock.stocktake.post')}
                </Button>
              </Popconfirm>
            </Flex>
          }
        >
          <Table<CountLine>
            data-testid="stocktake-review-table"
            size="small"
            rowKey="id"
            dataSource={lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(l) => ({ 'data-testid': 'stocktake-line', 'data-code': l.code, 'data-diff': l.diff }) as object}
            columns={[
              { key: 'code', title: t('stock.col.code'), dataIndex: 'code', width: 130, render: (v: string) => <span className="sd-mono">{v}</span> },
              { key: 'name', title: t('stock.col.item'), ellipsis: true, render: (_: unknown, l) => `${l.name}${l.spec ? ` · ${l.spec}` : ''}` },
              { key: 'book', title: t('stock.stocktake.book'), dataIndex: 'book', width: 90, align: 'right' },
              {
                key: 'counted',
                title: t('stock.stocktake.countedQty'),
                width: 90,
                align: 'right',
                render: (_: unknown, l) =>
                  l.counted === undefined || l.counted === null ? <Typography.Text type="secondary">{t('stock.stocktake.notCounted')}</Typography.Text> : l.counted,
              },
              {
                key: 'diff',
                title: t('stock.stocktake.diff'),
                width: 80,
                align: 'right',
                render: (_: unknown, l) =>
                  l.counted === undefined || l.counted === null ? '' : <Typography.Text type={l.diff < 0 ? 'danger' : l.diff > 0 ? 'success' : undefined} strong={l.diff !== 0}>{signed(l.diff)}</Typography.Text>,
              },
              { key: 'value', title: t('stock.stocktake.diffValue'), dataIndex: 'diffFen', width: 110, align: 'right', render: (v: number) => (v ? formatFen(v) : '') },
              { key: 'posted', width: 80, render: (_: unknown, l) => (l.posted ? <Tag color="green">{t('stock.stocktake.postedTag')}</Tag> : null) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}

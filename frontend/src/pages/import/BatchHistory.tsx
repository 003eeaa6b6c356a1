import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Popconfirm, Table, Tooltip, Typography, type ButtonProps } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { listBatches, undoBatch, type Batch } from '../../api/imports';
import { useAppData } from '../../state/AppData';
import { errorText } from '../../api/errors';
import { formatLabel, platformLabel } from '../../components/labels';

/**
 * 导入记录: every import, newest first as Go returns them, each with 撤销 (undo).
 * data-testid: import-history-table, import-undo-<batchId> (the button), import-undo-confirm (Popconfirm OK).
 */
export function BatchHistory({ version }: { version: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useAppData();
  const [undoing, setUndoing] = useState<number | null>(null);
  const [rows, setRows] = useState<Batch[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setRows(await listBatches());
    } catch (err) {
      setError(errorText(err, t('import.history.loadFailed')));
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const undo = async (b: Batch) => {
    setUndoing(b.id);
    try {
      const r = await undoBatch(b.id);
      message.success(
        r.level === 'refund'
          ? t('import.history.undoneRefund', { file: r.file, removed: r.refundsRemoved, restored: r.refundsRestored })
          : r.level === 'stock' || r.level === 'stocktake'
            ? t('import.history.undoneStock', { file: r.file, moves: r.stockMovesRemoved, counts: r.stockCountsRemoved })
            : r.level === 'inquiry'
              ? t('import.history.undoneInquiry', { file: r.file, removed: r.inquiriesRemoved, edited: r.inquiriesEdited })
              : r.level === 'rota' || r.level === 'punch' || r.level === 'penalty'
                ? t('import.history.undoneStaff', { file: r.file })
                : r.level === 'metrics'
                  ? t(r.metricDaysKept > 0 ? 'import.history.undoneMetricsKept' : 'import.history.undoneMetrics', { file: r.file, restored: r.metricDaysRestored, kept: r.metricDaysKept })
                  : t('import.history.undone', { file: r.file, removed: r.removed, restored: r.restored }),
      );
      await load();
      refresh();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('import.history.undoFailed'))}</span>, duration: 8 });
    } finally {
      setUndoing(null);
    }
  };

  // Titles and numbers never wrap (English "Unchanged" broke into "Unchang/ed" in a fixed
  // 70 px column): the table lays out by content, the file and shop names are cut at a
  // width and shown whole on hover.
  const title = (key: string) => <span className="sd-nowrap">{t(`import.history.${key}`)}</span>;
  const num = (v: number) => <span className="sd-nowrap">{v ?? 0}</span>;
  const cut = (v: string, max: number) => (
    <Tooltip title={v} placement="topLeft">
      <div style={{ maxWidth: max, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{v}</div>
    </Tooltip>
  );
  // An orders file counts orders (its rows beside them where they are more); a refund file,
  // or one imported before orders were counted, its rows.
  const counts = (b: Batch) => b.orders ?? { total: Number(b.rows), new: Number(b.new), updated: Number(b.updated), unchanged: Number(b.unchanged) };
  const amount = (b: Batch) => {
    if (b.orders) {
      const rows = b.orders.total !== b.rows ? ` · ${t('import.history.rowsOf', { count: b.rows })}` : '';
      return `${b.orders.total} ${t('import.history.orders')}${rows}`;
    }
    return b.level === 'refund' ? t('import.history.refunds', { count: b.rows }) : t('import.history.rowsOf', { count: b.rows });
  };
  const columns: ColumnsType<Batch> = [
    {
      key: 'time',
      title: title('time'),
      render: (_: unknown, b) => <span className="sd-nowrap">{b.finishedAt || b.startedAt}</span>,
    },
    {
      // the file, with its format under it: one column fewer, so the table fits at 1280
      key: 'file',
      title: <span className="sd-nowrap">{`${t('import.history.file')} / ${t('import.history.format')}`}</span>,
      dataIndex: 'fileName',
      render: (v: string, b) => (
        <Tooltip title={b.sha256 ? `${v}\nSHA-256 ${b.sha256}` : v} placement="topLeft">
          <div style={{ maxWidth: 300, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{v}</div>
          <Typography.Text type="secondary" data-testid="import-history-format" style={{ fontSize: 12, display: 'block', maxWidth: 300, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {formatLabel(i18n.language, b.format, b.formatName) || platformLabel(t, b.platform)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    { key: 'shop', title: title('shop'), dataIndex: 'shopName', render: (v: string) => (v ? cut(v, 220) : <Typography.Text type="secondary">-</Typography.Text>) },
    { key: 'rows', title: title('rows'), align: 'right', render: (_: unknown, b) => <span className="sd-nowrap" data-testid="import-history-amount">{amount(b)}</span> },
    { key: 'new', title: title('new'), align: 'right', render: (_: unknown, b) => num(counts(b).new) },
    { key: 'updated', title: title('updated'), align: 'right', render: (_: unknown, b) => num(counts(b).updated) },
    { key: 'unchanged', title: title('unchanged'), align: 'right', render: (_: unknown, b) => num(counts(b).unchanged) },
    {
      key: 'actions',
      title: title('actions'),
      render: (_: unknown, b) => (
        <Popconfirm
          title={t('import.history.undoTitle', { id: b.id })}
          description={<div style={{ maxWidth: 320 }}>{t(
                b.level === 'refund'
                  ? 'import.history.undoDescriptionRefund'
                  : b.level === 'stock' || b.level === 'stocktake'
                    ? 'import.history.undoDescriptionStock'
                    : b.level === 'inquiry'
                      ? 'import.history.undoDescriptionInquiry'
                      : b.level === 'rota' || b.level === 'punch' || b.level === 'penalty'
                        ? 'import.history.undoDescriptionStaff'
                        : b.level === 'metrics'
                          ? 'import.history.undoDescriptionMetrics'
                          : 'import.history.undoDescription',
                { file: b.fileName, count: b.orders ? b.orders.new : b.new },
              )}</div>}
          okText={t('import.history.undoOk')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'import-undo-confirm' } as ButtonProps}
          onConfirm={() => undo(b)}
        >
          <Button size="small" icon={<UndoOutlined />} loading={undoing === b.id} data-testid={`import-undo-${b.id}`}>
            {t('import.history.undo')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div data-testid="import-history-table">
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={<span className="sd-error-text">{error}</span>} />}
      <Table<Batch>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        tableLayout="auto"
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('import.history.empty')}</Typography.Text> }}
      />
    </div>
  );
}

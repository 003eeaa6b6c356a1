import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Popconfirm, Table, Tooltip, Typography, type ButtonProps } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { listBatches, undoBatch, type Batch } from '../../api/imports';
import { useAppData } from '../../state/AppData';
import { errorText } from '../../api/errors';
import { platformLabel } from '../../components/labels';

/**
 * 导入记录: every import, newest first as Go returns them, each with 撤销 (undo).
 * data-testid: import-history-table, import-undo-<batchId> (the button), import-undo-confirm (Popconfirm OK).
 */
export function BatchHistory({ version }: { version: number }) {
  const { t } = useTranslation();
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

  const num = (v: number) => <span className="sd-nowrap">{v ?? 0}</span>;
  const columns: ColumnsType<Batch> = [
    {
      key: 'time',
      title: t('import.history.time'),
      width: 160,
      render: (_: unknown, b) => <span className="sd-nowrap">{b.finishedAt || b.startedAt}</span>,
    },
    {
      key: 'file',
      title: t('import.history.file'),
      dataIndex: 'fileName',
      ellipsis: { showTitle: false },
      render: (v: string, b) => (
        <Tooltip title={b.sha256 ? `${v}\nSHA-256 ${b.sha256}` : v} placement="topLeft">
          <span>{v}</span>
        </Tooltip>
      ),
    },
    {
      key: 'format',
      title: t('import.history.format'),
      dataIndex: 'formatName',
      width: 150,
      ellipsis: true,
      render: (v: string, b) => v || b.format || platformLabel(t, b.platform),
    },
    { key: 'shop', title: t('import.history.shop'), dataIndex: 'shopName', width: 150, ellipsis: true, render: (v: string) => v || <Typography.Text type="secondary">-</Typography.Text> },
    { key: 'rows', title: t('import.history.rows'), dataIndex: 'rows', width: 70, align: 'right', render: num },
    { key: 'new', title: t('import.history.new'), dataIndex: 'new', width: 70, align: 'right', render: num },
    { key: 'updated', title: t('import.history.updated'), dataIndex: 'updated', width: 70, align: 'right', render: num },
    { key: 'unchanged', title: t('import.history.unchanged'), dataIndex: 'unchanged', width: 70, align: 'right', render: num },
    {
      key: 'actions',
      title: t('import.history.actions'),
      width: 90,
      render: (_: unknown, b) => (
        <Popconfirm
          title={t('import.history.undoTitle', { id: b.id })}
          description={<div style={{ maxWidth: 320 }}>{t(
                b.level === 'refund'
                  ? 'import.history.undoDescriptionRefund'
                  : b.level === 'stock' || b.level === 'stocktake'
                    ? 'import.history.undoDescriptionStock'
                    : 'import.history.undoDescription',
                { file: b.fileName, count: b.new },
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
        scroll={{ x: 900 }}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Typography.Text type="secondary">{t('import.history.empty')}</Typography.Text> }}
      />
    </div>
  );
}

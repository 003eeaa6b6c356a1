import { useCallback, useEffect, useState } from 'react';
import { Alert, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { listBatches, type Batch } from '../../api/imports';
import { errorText } from '../../api/errors';
import { platformLabel } from '../../components/labels';

/** 导入记录: every import, newest first as Go returns them. */
export function BatchHistory({ version }: { version: number }) {
  const { t } = useTranslation();
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

  const num = (v: number) => <span className="sd-nowrap">{v ?? 0}</span>;
  const columns: ColumnsType<Batch> = [
    {
      key: 'time',
      title: t('import.history.time'),
      width: 170,
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
      width: 200,
      ellipsis: true,
      render: (v: string, b) => v || b.format || platformLabel(t, b.platform),
    },
    { key: 'shop', title: t('import.history.shop'), dataIndex: 'shopName', width: 150, ellipsis: true, render: (v: string) => v || <Typography.Text type="secondary">-</Typography.Text> },
    { key: 'rows', title: t('import.history.rows'), dataIndex: 'rows', width: 80, align: 'right', render: num },
    { key: 'new', title: t('import.history.new'), dataIndex: 'new', width: 80, align: 'right', render: num },
    { key: 'updated', title: t('import.history.updated'), dataIndex: 'updated', width: 80, align: 'right', render: num },
    { key: 'unchanged', title: t('import.history.unchanged'), dataIndex: 'unchanged', width: 80, align: 'right', render: num },
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

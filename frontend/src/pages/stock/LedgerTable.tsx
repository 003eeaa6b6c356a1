/*
 * A SKU's ledger, newest first: every movement with the balance after it. The latest entry
 * recorded by hand can be taken back (it is kept in the SKU's history).
 *
 * data-testid:
 *   stock-ledger        the table;  stock-ledger-row  each row (data-kind)
 *   stock-ledger-undo   撤销 on the latest entry by hand; stock-ledger-undo-confirm its confirmation
 */
import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { undoMove, type LedgerEntry } from '../../api/stock';
import { errorText } from '../../api/errors';
import { savedActor } from '../anomalies/logic';
import { signed } from './format';

const KIND_COLORS: Record<string, string> = { in: 'green', out: 'orange', sale: 'blue', return: 'cyan', adjust: 'gold', stocktake: 'purple' };

export function LedgerTable({ entries, onChanged }: { entries: LedgerEntry[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // only the newest stored movement recorded by hand may be taken back
  const newestStored = entries.find((e) => e.moveId > 0);
  const undoable = newestStored && !newestStored.batchId && newestStored.kind !== 'stocktake' ? newestStored.moveId : 0;

  const undo = async (moveId: number) => {
    try {
      await undoMove(moveId, savedActor());
      message.success(t('stock.edit.undone'));
      onChanged();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    }
  };

  const note = (e: LedgerEntry) => {
    if (e.kind === 'sale') {
      return e.lines > 1 ? t('stock.ledger.sales', { shop: e.shop, lines: e.lines }) : t('stock.ledger.saleOne', { shop: e.shop, ref: e.ref });
    }
    if (e.kind === 'return' && e.shop) return t('stock.ledger.refund', { shop: e.shop, ref: e.ref });
    if (e.kind === 'stocktake' && e.counted !== undefined && e.counted !== null) {
      return `${t('stock.ledger.counted', { value: e.counted })}${e.reason ? ` · ${e.reason}` : ''}`;
    }
    return e.reason;
  };

  const columns: ColumnsType<LedgerEntry> = [
    { key: 'at', title: t('stock.ledger.at'), dataIndex: 'at', width: 150, render: (v: string) => <span className="sd-nowrap">{v}</span> },
    {
      key: 'kind',
      title: t('stock.ledger.kind'),
      dataIndex: 'kind',
      width: 70,
      render: (v: string) => <Tag color={KIND_COLORS[v]}>{t(`stock.ledger.kinds.${v}`, { defaultValue: v })}</Tag>,
    },
    {
      key: 'qty',
      title: t('stock.ledger.qty'),
      dataIndex: 'qty',
      width: 64,
      align: 'right',
      render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : v > 0 ? 'success' : undefined}>{signed(v)}</Typography.Text>,
    },
    { key: 'balance', title: t('stock.ledger.balance'), dataIndex: 'balance', width: 64, align: 'right' },
    { key: 'note', title: t('stock.ledger.reason'), render: (_: unknown, e) => <Typography.Text ellipsis={{ tooltip: note(e) }}>{note(e)}</Typography.Text> },
    { key: 'actor', title: t('stock.ledger.actor'), dataIndex: 'actor', width: 70, ellipsis: true },
    {
      key: 'undo',
      width: 60,
      render: (_: unknown, e) =>
        e.moveId && e.moveId === undoable ? (
          <Popconfirm
            title={t('stock.ledger.undoTitle')}
            description={<div style={{ maxWidth: 260 }}>{t('stock.ledger.undoBody')}</div>}
            okText={t('stock.ledger.undo')}
            cancelText={t('common.cancel')}
            onConfirm={() => undo(e.moveId)}
            okButtonProps={{ ...({ 'data-testid': 'stock-ledger-undo-confirm' } as object) }}
          >
            <Button size="small" type="link" data-testid="stock-ledger-undo">
              {t('stock.ledger.undo')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Table<LedgerEntry>
      data-testid="stock-ledger"
      size="small"
      rowKey={(e) => `${e.kind}-${e.moveId}-${e.at}-${e.ref}-${e.balance}`}
      columns={columns}
      dataSource={entries}
      pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
      onRow={(e) => ({ 'data-testid': 'stock-ledger-row', 'data-kind': e.kind }) as object}
    />
  );
}

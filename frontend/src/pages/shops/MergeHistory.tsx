import { Button, Popconfirm, Table, Typography, type ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ShopMerge } from '../../api/shops';
import { rowList } from './rows';

interface Props {
  merges: ShopMerge[];
  undoing: number | null;
  onUndo: (m: ShopMerge) => void;
}

/**
 * 可以撤销的合并: each merge (the target's local time), what it moved, and 撤销合并.
 * data-testid: shop-merges, shop-merge-row (data-merge-id), shop-merge-undo-<id>, shop-merge-undo-confirm.
 */
export function MergeHistory({ merges, undoing, onUndo }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<ShopMerge> = [
    {
      key: 'what',
      title: t('shops.merge'),
      render: (_: unknown, m) => <span className="sd-nowrap">{t('shops.mergeLine', { source: m.sourceName, target: m.targetName })}</span>,
    },
    { key: 'at', title: t('shops.mergedAt'), dataIndex: 'mergedAt', render: (v: string) => <span className="sd-nowrap">{v}</span> },
    {
      key: 'moved',
      title: t('shops.mergeMoved'),
      render: (_: unknown, m) => {
        const parked = rowList(t, m.parked);
        return (
          <>
            <div>{rowList(t, m.moved) || '—'}</div>
            {parked && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('shops.mergeParkedList', { target: m.targetName, list: parked })}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      key: 'undo',
      title: t('shops.actions'),
      render: (_: unknown, m) => (
        <Popconfirm
          title={t('shops.undoMergeConfirm', { source: m.sourceName })}
          okText={t('shops.undoMerge')}
          cancelText={t('common.cancel')}
          onConfirm={() => onUndo(m)}
          okButtonProps={{ 'data-testid': 'shop-merge-undo-confirm' } as ButtonProps}
        >
          <Button data-testid={`shop-merge-undo-${m.id}`} size="small" icon={<UndoOutlined />} loading={undoing === m.id}>
            {t('shops.undoMerge')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <div data-testid="shop-merges">
      <Table<ShopMerge>
        rowKey="id"
        size="small"
        tableLayout="auto"
        columns={columns}
        dataSource={merges}
        pagination={false}
        onRow={(m) => ({ 'data-testid': 'shop-merge-row', 'data-merge-id': m.id }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}

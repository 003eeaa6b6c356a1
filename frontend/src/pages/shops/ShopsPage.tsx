/*
 * 店铺 Shops page: the shops with their former names, time zone and order count; rename,
 * merge into another shop of the platform (undoable here), delete with its data.
 *
 * data-testid:
 *   shops-page        page root
 *   shops-table       table wrapper; rows shop-row (data-shop-id, data-shop-name)
 *   shop-name         a shop's name cell (full name on hover); shop-old-names its former names
 *   shop-timezone     a shop's time zone (北京时间 (UTC+8)); shop-order-count its orders
 *   shop-rename-<id>, shop-merge-<id>, shop-delete-<id>   the row actions (RenameModal,
 *                     MergeModal, DeleteModal)
 *   shop-merged-undo  撤销 in the message after a merge
 *   shop-merges       可以撤销的合并 (MergeHistory)
 *   new-shop-button   新建店铺 (modal: new-shop-form, new-shop-platform, new-shop-name, new-shop-ok)
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { listMerges, undoMerge, type Shop, type ShopMerge } from '../../api/shops';
import { errorText } from '../../api/errors';
import { useAppData } from '../../state/AppData';
import { NewShopButton } from '../../components/NewShopModal';
import { platformLabel, timezoneLabel } from '../../components/labels';
import { RenameModal } from './RenameModal';
import { MergeModal } from './MergeModal';
import { DeleteModal } from './DeleteModal';
import { MergeHistory } from './MergeHistory';

/** Widest a name cell grows before it is cut (the full name shows on hover). */
const NAME_MAX_WIDTH = 420;

export function ShopsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { shops, shopsLoading, refresh } = useAppData();
  const [merges, setMerges] = useState<ShopMerge[]>([]);
  const [renaming, setRenaming] = useState<Shop | null>(null);
  const [merging, setMerging] = useState<Shop | null>(null);
  const [deleting, setDeleting] = useState<Shop | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);

  const loadMerges = useCallback(async () => {
    try {
      setMerges(await listMerges());
    } catch (err) {
      message.error(errorText(err, t('common.loadFailed')));
    }
  }, [message, t]);

  useEffect(() => {
    void loadMerges();
  }, [loadMerges, shops]);

  const changed = async () => {
    await refresh();
    await loadMerges();
  };

  const undo = async (m: ShopMerge) => {
    setUndoing(m.id);
    message.destroy(`merged-${m.id}`);
    try {
      const r = await undoMerge(m.id);
      message.success(
        r.dropped > 0
          ? t('shops.mergeUndoneDropped', { name: r.shop.name, count: r.dropped })
          : t('shops.mergeUndone', { name: r.shop.name }),
      );
      await changed();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('shops.undoFailed'))}</span>, duration: 8 });
    } finally {
      setUndoing(null);
    }
  };

  const merged = async (m: ShopMerge) => {
    message.success({
      key: `merged-${m.id}`,
      duration: 10,
      content: (
        <span>
          {t('shops.merged', { source: m.sourceName, target: m.targetName })}
          <Button data-testid="shop-merged-undo" type="link" size="small" onClick={() => void undo(m)}>
            {t('shops.undo')}
          </Button>
        </span>
      ),
    });
    await changed();
  };

  const deleted = async (s: Shop) => {
    message.success(t('shops.deleted', { name: s.name }));
    await changed();
  };

  const columns: ColumnsType<Shop> = [
    {
      key: 'platform',
      title: t('shops.platform'),
      dataIndex: 'platform',
      render: (p: string) => <Tag className="sd-nowrap">{platformLabel(t, p)}</Tag>,
    },
    { key: 'name', title: t('shops.name'), render: (_: unknown, s) => <NameCell shop={s} /> },
    {
      key: 'timezone',
      title: t('shops.timezone'),
      dataIndex: 'timezone',
      render: (z: string) => (
        <Tooltip title={z}>
          <span data-testid="shop-timezone" className="sd-nowrap">
            {timezoneLabel(t, z)}
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'orderCount',
      title: <span className="sd-nowrap">{t('shops.orderCount')}</span>,
      dataIndex: 'orderCount',
      align: 'right',
      render: (n: number) => (
        <span data-testid="shop-order-count" className="sd-nowrap">
          {n}
        </span>
      ),
    },
    {
      key: 'actions',
      title: t('shops.actions'),
      render: (_: unknown, s) => (
        <Flex gap={4} className="sd-nowrap">
          <Button data-testid={`shop-rename-${s.id}`} size="small" type="link" onClick={() => setRenaming(s)}>
            {t('shops.rename')}
          </Button>
          <Button data-testid={`shop-merge-${s.id}`} size="small" type="link" onClick={() => setMerging(s)}>
            {t('shops.merge')}
          </Button>
          <Button data-testid={`shop-delete-${s.id}`} size="small" type="link" danger onClick={() => setDeleting(s)}>
            {t('shops.delete')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={20}>
      <Card data-testid="shops-page" title={t('shops.title')} extra={<NewShopButton onCreated={() => refresh()} />}>
        <div data-testid="shops-table">
          <Table<Shop>
            rowKey="id"
            tableLayout="auto"
            columns={columns}
            dataSource={shops}
            loading={shopsLoading}
            pagination={false}
            locale={{ emptyText: t('shops.empty') }}
            onRow={(s) => ({ 'data-testid': 'shop-row', 'data-shop-id': s.id, 'data-shop-name': s.name }) as React.HTMLAttributes<HTMLElement>}
          />
        </div>
      </Card>
      {merges.length > 0 && (
        <Card title={t('shops.mergesTitle')}>
          <MergeHistory merges={merges} undoing={undoing} onUndo={(m) => void undo(m)} />
        </Card>
      )}
      <RenameModal shop={renaming} onClose={() => setRenaming(null)} onChanged={changed} />
      <MergeModal shop={merging} shops={shops} onClose={() => setMerging(null)} onMerged={merged} />
      <DeleteModal shop={deleting} onClose={() => setDeleting(null)} onDeleted={deleted} />
    </Flex>
  );
}

/** The name, never wrapped; a name too long for its cell is cut and shown whole on hover. */
function NameCell({ shop }: { shop: Shop }) {
  const { t } = useTranslation();
  const cut: React.CSSProperties = { maxWidth: NAME_MAX_WIDTH, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
  const old = (shop.oldNames ?? []).map((o) => o.name).join(t('shops.listSep'));
  return (
    <>
      <Tooltip title={shop.name} placement="topLeft">
        <div data-testid="shop-name" style={cut}>
          {shop.name}
        </div>
      </Tooltip>
      {old && (
        <Tooltip title={`${t('shops.oldNamesList', { list: old })} · ${t('shops.oldNamesHint')}`} placement="bottomLeft">
          <Typography.Text data-testid="shop-old-names" type="secondary" style={{ ...cut, display: 'block', fontSize: 12 }}>
            {t('shops.oldNamesList', { list: old })}
          </Typography.Text>
        </Tooltip>
      )}
    </>
  );
}

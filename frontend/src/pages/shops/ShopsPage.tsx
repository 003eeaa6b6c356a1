/*
 * 店铺 Shops page.
 *
 * data-testid:
 *   shops-page        page root
 *   shops-table       table wrapper
 *   new-shop-button   新建店铺 (modal: new-shop-form, new-shop-platform, new-shop-name, new-shop-ok)
 */
import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../api/shops';
import { useAppData } from '../../state/AppData';
import { NewShopButton } from '../../components/NewShopModal';
import { platformLabel } from '../../components/labels';

export function ShopsPage() {
  const { t } = useTranslation();
  const { shops, shopsLoading, refresh } = useAppData();

  const columns: ColumnsType<Shop> = [
    { key: 'platform', title: t('shops.platform'), dataIndex: 'platform', width: 140, render: (p: string) => <Tag>{platformLabel(t, p)}</Tag> },
    { key: 'name', title: t('shops.name'), dataIndex: 'name', ellipsis: true },
    { key: 'timezone', title: t('shops.timezone'), dataIndex: 'timezone', width: 180 },
    { key: 'orderCount', title: t('shops.orderCount'), dataIndex: 'orderCount', width: 120, align: 'right' },
  ];

  return (
    <Card data-testid="shops-page" title={t('shops.title')} extra={<NewShopButton onCreated={() => refresh()} />}>
      <div data-testid="shops-table">
        <Table<Shop>
          rowKey="id"
          columns={columns}
          dataSource={shops}
          loading={shopsLoading}
          pagination={false}
          locale={{ emptyText: t('shops.empty') }}
        />
      </div>
    </Card>
  );
}

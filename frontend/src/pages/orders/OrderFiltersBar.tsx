import { useEffect, useState } from 'react';
import { Button, Checkbox, DatePicker, Flex, Input, Select, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../api/shops';
import { ShopSelect } from '../../components/ShopSelect';
import { statusLabel } from '../../components/labels';
import { ORDER_STATUSES } from '../../lib/domain';
import type { OrderFilters } from './filters';

interface Props {
  value: OrderFilters;
  onChange: (f: OrderFilters) => void;
  onReset: () => void;
  shops: Shop[];
  shopsLoading: boolean;
}

const DAY = 'YYYY-MM-DD';

export function OrderFiltersBar({ value, onChange, onReset, shops, shopsLoading }: Props) {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState(value.search);
  useEffect(() => setSearchText(value.search), [value.search]);

  const range: [Dayjs | null, Dayjs | null] | null =
    value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null;

  return (
    <Flex wrap gap={12} align="center" data-testid="orders-filters">
      <ShopSelect
        testId="orders-filter-shop"
        shops={shops}
        loading={shopsLoading}
        value={value.shopId}
        allLabel={t('orders.filters.allShops')}
        onChange={(shopId) => onChange({ ...value, shopId })}
      />
      <Select<string>
        data-testid="orders-filter-status"
        style={{ minWidth: 130 }}
        popupMatchSelectWidth={false}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={[
          { value: '', label: t('orders.filters.allStatuses') },
          ...ORDER_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })),
        ]}
      />
      <div data-testid="orders-filter-date">
        <DatePicker.RangePicker
          value={range}
          allowEmpty={[true, true]}
          placeholder={[t('orders.filters.from'), t('orders.filters.to')]}
          onChange={(dates) =>
            onChange({
              ...value,
              from: dates?.[0] ? dates[0].format(DAY) : '',
              to: dates?.[1] ? dates[1].format(DAY) : '',
            })
          }
          style={{ width: 260 }}
        />
      </div>
      <Input.Search
        data-testid="orders-filter-search"
        allowClear
        style={{ width: 220 }}
        placeholder={t('orders.filters.searchPlaceholder')}
        value={searchText}
        onChange={(e) => setSearchText(e.target.value)}
        onSearch={(s) => onChange({ ...value, search: s.trim() })}
      />
      <Tooltip title={t('orders.filters.openRefundHint')}>
        <Checkbox data-testid="orders-filter-refund" checked={value.openRefund} onChange={(e) => onChange({ ...value, openRefund: e.target.checked })}>
          {t('orders.filters.openRefund')}
        </Checkbox>
      </Tooltip>
      <Button data-testid="orders-filter-reset" icon={<ReloadOutlined />} onClick={onReset}>
        {t('orders.filters.reset')}
      </Button>
    </Flex>
  );
}

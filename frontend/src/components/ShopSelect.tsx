import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../api/shops';
import { platformLabel } from './labels';

interface Props {
  shops: Shop[];
  value: number;
  onChange: (id: number) => void;
  /** Label of value 0 (全部店铺 / 自动识别). */
  allLabel: string;
  loading?: boolean;
  status?: 'error' | 'warning';
  testId?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
}

export function ShopSelect({ shops, value, onChange, allLabel, loading, status, testId, style, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Select<number>
      data-testid={testId}
      value={value}
      onChange={onChange}
      loading={loading}
      status={status}
      disabled={disabled}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: 'searchText' }}
      options={[
        { value: 0, label: allLabel, searchText: allLabel },
        ...shops.map((s) => {
          const label = `${s.name}（${platformLabel(t, s.platform)}）`;
          return { value: s.id, label, searchText: label };
        }),
      ]}
    />
  );
}

import { Button, Flex, Select, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const PAGE_SIZES = [20, 50, 100];

interface Props {
  total: number;
  page: number;
  pageSize: number;
  canPrev: boolean;
  canNext: boolean;
  loading: boolean;
  onPrev: () => void;
  onNext: () => void;
  onPageSize: (n: number) => void;
}

/** Keyset pages cannot jump: 共 N 条, 上一页 / 下一页 and the page size. */
export function KeysetPager({ total, page, pageSize, canPrev, canNext, loading, onPrev, onNext, onPageSize }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Flex wrap gap={12} align="center" justify="space-between" style={{ marginTop: 12 }}>
      <Typography.Text type="secondary" data-testid="orders-total" className="sd-nowrap">
        {t('orders.pager.total', { count: total })}
        {total > 0 ? ` · ${t('orders.pager.page', { page, pages })}` : ''}
      </Typography.Text>
      <Flex gap={8} align="center">
        <Select<number>
          data-testid="orders-page-size"
          value={pageSize}
          onChange={onPageSize}
          popupMatchSelectWidth={false}
          options={PAGE_SIZES.map((n) => ({ value: n, label: t('orders.pager.perPage', { count: n }) }))}
        />
        <Button data-testid="orders-prev" icon={<LeftOutlined />} disabled={!canPrev || loading} onClick={onPrev}>
          {t('orders.pager.prev')}
        </Button>
        <Button data-testid="orders-next" disabled={!canNext || loading} onClick={onNext} icon={<RightOutlined />} iconPlacement="end">
          {t('orders.pager.next')}
        </Button>
      </Flex>
    </Flex>
  );
}

import { Button, Flex, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addMonths } from './rota';
import { monthText } from './text';

/** ‹ 2026年11月 › with 本月: the month a tab shows. data-testid: month-prev, month-next, month-label, month-this */
export function MonthSwitch({ month, thisMonth, onChange }: { month: string; thisMonth: string; onChange: (m: string) => void }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={4}>
      <Button icon={<LeftOutlined />} aria-label={t('staff.month.prev')} data-testid="month-prev" onClick={() => onChange(addMonths(month, -1))} />
      <Typography.Text strong data-testid="month-label" style={{ minWidth: 96, textAlign: 'center', fontSize: 15 }}>
        {monthText(t, month)}
      </Typography.Text>
      <Button icon={<RightOutlined />} aria-label={t('staff.month.next')} data-testid="month-next" onClick={() => onChange(addMonths(month, 1))} />
      {month !== thisMonth && thisMonth && (
        <Button type="link" data-testid="month-this" onClick={() => onChange(thisMonth)}>
          {t('staff.month.this')}
        </Button>
      )}
    </Flex>
  );
}

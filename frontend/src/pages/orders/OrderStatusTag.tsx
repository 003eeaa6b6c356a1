import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusLabel } from '../../components/labels';
import { statusColor } from '../../lib/domain';

/** Normalised status as a coloured tag; the tooltip shows the platform's own text. */
export function OrderStatusTag({ status, statusText }: { status: string; statusText: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={statusColor(status)} data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusLabel(t, status)}
    </Tag>
  );
  return statusText ? <Tooltip title={statusText}>{tag}</Tooltip> : tag;
}

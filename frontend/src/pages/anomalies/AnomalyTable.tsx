import { useMemo, type ReactNode } from 'react';
import { Flex, Table, Tag, Tooltip, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Anomaly, AnomalyGroup } from '../../api/anomalies';
import { platformLabel } from '../../components/labels';
import { COPY_ICON, MONO, OrderNo, PAD } from '../orders/OrdersTable';
import { bodyFont, fitWidth, textWidth, widestText } from '../../lib/textWidth';
import { describe } from './describe';
import { durationParts, kindColor, leftNow, shortTime, stateColor, withGroupHeaders, type WorklistItem } from './logic';

interface Props {
  rows: Anomaly[];
  groups: AnomalyGroup[];
  loading: boolean;
  selected: number[];
  onSelect: (ids: number[]) => void;
  focused: number; // the focused anomaly id (keyboard), 0 none
  onOpen: (a: Anomaly) => void;
  empty: ReactNode;
  now: Date;
  loadedAt: Date;
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={kindColor(kind)} data-kind={kind} style={{ marginInlineEnd: 0 }}>
      {t(`anomalies.kind.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColor(state)} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`anomalies.state.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** "还剩 3 小时 20 分" / "已超时 2 天 4 小时" under the deadline. */
export function Urgency({ a, now, loadedAt }: { a: Anomaly; now: Date; loadedAt: Date }) {
  const { t } = useTranslation();
  if (!a.deadline || !a.active || (a.state !== 'open' && a.state !== 'in_progress')) return null;
  const left = leftNow(a.minutesLeft, loadedAt, now);
  const p = durationParts(left);
  const span = p.days > 0 ? t('anomalies.time.daysHours', p) : p.hours > 0 ? t('anomalies.time.hoursMins', p) : t('anomalies.time.mins', p);
  return (
    <Typography.Text type={left < 0 ? 'danger' : left < 360 ? 'warning' : 'secondary'} style={{ fontSize: 12 }} className="sd-nowrap">
      {left < 0 ? t('anomalies.time.overdue', { span }) : t('anomalies.time.left', { span })}
    </Typography.Text>
  );
}

/** The least width 情况 keeps; below it the table scrolls sideways (its text is whole on hover). */
const WHAT_MIN = 200;
/** An antd Tag around its text: padding and border. */
const TAG = 16;

/**
 * The widths of the columns whose text varies, from this page's rows (as 订单's table):
 * a 22-character 拼多多 order number and its copy icon stay in their cell, a shop name is
 * whole up to 16 characters, tags and names as wide as they are; 情况 takes the rest.
 */
function useContentWidths(rows: Anomaly[], t: (k: string, o?: Record<string, unknown>) => string) {
  return useMemo(() => {
    const body = bodyFont(14);
    const small = bodyFont(12);
    const head = (k: string) => textWidth(t(`anomalies.col.${k}`), `600 ${body}`);
    const kinds = [...new Set(rows.map((a) => a.kind))].map((k) => t(`anomalies.kind.${k}`, { defaultValue: k }));
    const states = [...new Set(rows.map((a) => a.state))].map((s) => t(`anomalies.state.${s}`, { defaultValue: s }));
    const longest = t('anomalies.time.overdue', { span: t('anomalies.time.daysHours', { days: 30, hours: 23, mins: 0 }) });
    return {
      kind: fitWidth(Math.max(widestText(kinds, small) + TAG, head('kind')), { extra: PAD + 2, min: 72, max: 160 }),
      orderNo: fitWidth(Math.max(widestText(rows.map((a) => String(a.orderNo ?? '')), `14px ${MONO}`) + COPY_ICON, head('orderNo')), {
        extra: PAD + 4,
        min: 110,
        max: 300,
      }),
      shop: fitWidth(Math.max(widestText(rows.map((a) => a.shopName), body), head('shop')), { extra: PAD + 4, min: 72, max: 16 * 14 + PAD + 4 }),
      deadline: fitWidth(Math.max(textWidth('11-22 09:00 起', body), textWidth(longest, small), head('deadline')), { extra: PAD + 2, min: 96, max: 180 }),
      state: fitWidth(Math.max(widestText(states, small) + TAG, head('state')), { extra: PAD + 2, min: 64, max: 120 }),
      owner: fitWidth(Math.max(widestText(rows.map((a) => a.ownerName || t('anomalies.unassigned')), body), head('owner')), {
        extra: PAD + 4,
        min: 64,
        max: 140,
      }),
    };
  }, [rows, t]);
}

export function AnomalyTable({ rows, groups, loading, selected, onSelect, focused, onOpen, empty, now, loadedAt }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const items = withGroupHeaders(rows, groups);
  const dash = <Typography.Text type="secondary">-</Typography.Text>;
  const isGroup = (i: WorklistItem) => i.type === 'group';
  const span = (i: WorklistItem) => (isGroup(i) ? { colSpan: 0 } : {});

  const w = useContentWidths(rows, t);
  const scrollX = 36 + w.kind + w.orderNo + w.shop + w.deadline + w.state + w.owner + WHAT_MIN;

  const columns: ColumnsType<WorklistItem> = [
    {
      key: 'kind',
      title: t('anomalies.col.kind'),
      width: w.kind,
      onCell: (i) => (isGroup(i) ? { colSpan: 7 } : {}),
      render: (_: unknown, i) =>
        i.type === 'group' ? (
          <Flex align="center" gap={10} wrap data-testid="anomaly-group" data-kind={i.group.kind} data-count={i.group.count}>
            <KindTag kind={i.group.kind} />
            <Typography.Text strong className="sd-nowrap">
              {t('anomalies.group.count', { count: i.group.count })}
            </Typography.Text>
            {i.group.shops.map((s) => (
              <Typography.Text key={s.shopId} type="secondary" className="sd-nowrap" style={{ fontSize: 12 }}>
                {t('anomalies.group.shop', { shop: s.shopName || '-', count: s.count })}
              </Typography.Text>
            ))}
            {i.onPage < i.group.count && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('anomalies.group.onPage', { count: i.onPage })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <KindTag kind={i.anomaly.kind} />
        ),
    },
    {
      key: 'orderNo',
      title: t('anomalies.col.orderNo'),
      width: w.orderNo,
      onCell: span,
      render: (_: unknown, i) => (i.type === 'row' ? i.anomaly.orderNo ? <OrderNo value={i.anomaly.orderNo} /> : dash : null),
    },
    {
      key: 'shop',
      title: t('anomalies.col.shop'),
      width: w.shop,
      ellipsis: { showTitle: false },
      onCell: span,
      render: (_: unknown, i) =>
        i.type === 'row' ? (
          <Tooltip title={`${i.anomaly.shopName}（${platformLabel(t, i.anomaly.platform)}）`}>
            <span data-testid="anomaly-shop">{i.anomaly.shopName}</span>
          </Tooltip>
        ) : null,
    },
    {
      key: 'what',
      title: t('anomalies.col.what'),
      ellipsis: { showTitle: false },
      onCell: span,
      render: (_: unknown, i) => {
        if (i.type !== 'row') return null;
        const a = i.anomaly;
        const text = describe(t, a);
        return (
          <Tooltip title={a.title ? `${text} · ${a.title}` : text} placement="topLeft">
            <span data-testid="anomaly-what">
              {a.notes > 0 && (
                <Tooltip title={t('anomalies.col.notes', { count: a.notes })}>
                  <MessageOutlined style={{ color: token.colorPrimary, marginInlineEnd: 6 }} />
                </Tooltip>
              )}
              {text}
              {a.title && <Typography.Text type="secondary"> · {a.title}</Typography.Text>}
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: 'deadline',
      title: t('anomalies.col.deadline'),
      width: w.deadline,
      onCell: span,
      render: (_: unknown, i) => {
        if (i.type !== 'row') return null;
        const a = i.anomaly;
        return (
          <div style={{ lineHeight: 1.3 }}>
            <div className="sd-nowrap">
              {a.deadline ? (
                <Tooltip title={t('anomalies.col.deadlineFull', { time: a.deadline })}>{shortTime(a.deadline)}</Tooltip>
              ) : (
                <Tooltip title={t('anomalies.col.sinceFull', { time: a.since })}>
                  <Typography.Text type="secondary">{t('anomalies.col.since', { time: shortTime(a.since) })}</Typography.Text>
                </Tooltip>
              )}
            </div>
            <Urgency a={a} now={now} loadedAt={loadedAt} />
          </div>
        );
      },
    },
    {
      key: 'state',
      title: t('anomalies.col.state'),
      width: w.state,
      onCell: span,
      render: (_: unknown, i) => (i.type === 'row' ? <StateTag state={i.anomaly.state} /> : null),
    },
    {
      key: 'owner',
      title: t('anomalies.col.owner'),
      width: w.owner,
      ellipsis: true,
      onCell: span,
      render: (_: unknown, i) =>
        i.type === 'row' ? (
          i.anomaly.ownerName ? (
            <span data-testid="anomaly-owner">{i.anomaly.ownerName}</span>
          ) : (
            <Typography.Text type="secondary" data-testid="anomaly-owner">
              {t('anomalies.unassigned')}
            </Typography.Text>
          )
        ) : null,
    },
  ];

  return (
    <div data-testid="anomaly-table">
      <Table<WorklistItem>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        sticky
        scroll={{ x: scrollX }}
        locale={{ emptyText: empty }}
        rowSelection={{
          selectedRowKeys: selected.map(String),
          onChange: (keys) => onSelect(keys.map(Number).filter((n) => n > 0)),
          getCheckboxProps: (i) => ({ disabled: i.type === 'group', style: i.type === 'group' ? { display: 'none' } : undefined }),
          columnWidth: 36,
        }}
        rowClassName={(i) =>
          i.type === 'group' ? 'sd-group-row' : `sd-table-row-clickable${i.anomaly.id === focused ? ' sd-row-focused' : ''}`
        }
        onRow={(i) =>
          (i.type === 'row'
            ? {
                onClick: () => onOpen(i.anomaly),
                'data-testid': 'anomaly-row',
                'data-id': i.anomaly.id,
                'data-kind': i.anomaly.kind,
                'data-order': i.anomaly.orderNo,
                'data-state': i.anomaly.state,
              }
            : {}) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}

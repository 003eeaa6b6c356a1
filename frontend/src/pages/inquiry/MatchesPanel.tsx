/*
 * 成交匹配: imported orders proposed as an inquiry's deal (the buyer ordered within N days
 * of asking). Confirm (with who flagged the order, or from its memo), reject, or take a
 * confirmation back. Matching runs after every import; 立即匹配 runs it now.
 *
 * data-testid: matches-panel, matches-run, match-row (data-order, data-state), match-flagger,
 * match-confirm, match-reject, match-unconfirm, matches-empty.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Empty, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { confirmMatch, listMatches, matchOrders, onInquiriesChanged, rejectMatch, unconfirmMatch, type Match } from '../../api/inquiry';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import type { Refs } from './useRefs';

export function MatchesPanel({ refs, days, version, onChanged }: { refs: Refs; days: number; version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<'proposed' | ''>('proposed');
  const [rows, setRows] = useState<Match[]>([]);
  const [flagger, setFlagger] = useState<Record<number, number>>({});
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setRows(await listMatches(state));
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.loadFailed')));
    }
  }, [state, message, t]);
  useEffect(() => {
    void load();
  }, [load, version]);
  useEffect(() => onInquiriesChanged(() => void load()), [load]);

  const run = async () => {
    setBusy(true);
    try {
      const r = await matchOrders();
      message.success(t('inquiry.matches.ran', { n: r.proposed, auto: r.confirmed }));
      await load();
      onChanged();
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const act = async (m: Match, what: 'confirm' | 'reject' | 'unconfirm') => {
    try {
      if (what === 'confirm') await confirmMatch(m.id, flagger[m.id] ?? 0, 0);
      else if (what === 'reject') await rejectMatch(m.id, 0);
      else await unconfirmMatch(m.id, 0);
      message.success(t(`inquiry.matches.${what === 'confirm' ? 'confirmed' : what === 'reject' ? 'rejected' : 'state.proposed'}`));
      await load();
      onChanged();
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.saveFailed')));
    }
  };

  const columns = [
    {
      title: t('inquiry.matches.inquiry'),
      ellipsis: true,
      render: (_: unknown, m: Match) => (
        <Flex vertical>
          <Typography.Text strong>{m.customer}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {m.askedOn} · {m.channel} · {m.agentName || t('inquiry.common.noAgent')} · {m.products}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('inquiry.matches.order'),
      width: 230,
      render: (_: unknown, m: Match) => (
        <Flex vertical>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {m.shopName}
          </Typography.Text>
          <Typography.Text className="sd-nowrap" copyable={{ text: m.orderNo }}>
            {m.orderNo}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inquiry.matches.paidAt')} {m.orderPaid || m.orderCreated}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('inquiry.field.amount'), width: 100, align: 'right' as const, render: (_: unknown, m: Match) => formatFen(m.amountFen) },
    {
      title: '',
      width: 310,
      render: (_: unknown, m: Match) =>
        m.state === 'proposed' ? (
          <Flex gap={6}>
            <Select
              size="small"
              style={{ width: 110 }}
              data-testid="match-flagger"
              value={flagger[m.id] ?? 0}
              onChange={(v) => setFlagger((f) => ({ ...f, [m.id]: v }))}
              options={[{ value: 0, label: t('inquiry.matches.flaggerAuto') }, ...refs.staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))]}
            />
            <Button size="small" type="primary" data-testid="match-confirm" onClick={() => void act(m, 'confirm')}>
              {t('inquiry.matches.confirm')}
            </Button>
            <Button size="small" data-testid="match-reject" onClick={() => void act(m, 'reject')}>
              {t('inquiry.matches.reject')}
            </Button>
          </Flex>
        ) : (
          <Flex gap={6} align="center">
            <Tag color={m.state === 'confirmed' ? 'green' : 'default'}>{t(`inquiry.matches.state.${m.state}`)}</Tag>
            {m.auto && <Tag>{t('inquiry.matches.auto')}</Tag>}
            {m.state === 'confirmed' && (
              <Button size="small" type="link" data-testid="match-unconfirm" onClick={() => void act(m, 'unconfirm')}>
                {t('inquiry.matches.unconfirm')}
              </Button>
            )}
          </Flex>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('inquiry.matches.title')}
      data-testid="matches-panel"
      extra={
        <Flex gap={8}>
          <Segmented
            size="small"
            value={state}
            onChange={(v) => setState(v as 'proposed' | '')}
            options={[
              { value: 'proposed', label: t('inquiry.matches.state.proposed') },
              { value: '', label: t('inquiry.common.all') },
            ]}
          />
          <Button size="small" icon={<SyncOutlined />} loading={busy} data-testid="matches-run" onClick={() => void run()}>
            {t('inquiry.matches.run')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
        {t('inquiry.matches.intro', { days })}
      </Typography.Paragraph>
      <Table<Match>
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={columns}
        tableLayout="fixed"
        scroll={{ x: 980 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(m) => ({ 'data-testid': 'match-row', 'data-order': m.orderNo, 'data-state': m.state }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty data-testid="matches-empty" description={t('inquiry.matches.empty')} /> }}
      />
    </Card>
  );
}

/*
 * 跟进: the customers to contact today (due today and overdue), and what was done today.
 * A follow-up is done with what was said (it goes into the inquiry's 跟进情况), or dropped;
 * both can be taken back. One contact a day for one thing with one customer (Go checks).
 *
 * data-testid: followups-panel, followup-row (data-customer, data-kind, data-state),
 * followup-note, followup-done, followup-cancel, followup-reopen, followups-empty, followups-actor.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { finishFollowUp, followUps, reopenFollowUp, type FollowUp, type FollowUps } from '../../api/inquiry';
import { errorText } from '../../api/errors';
import type { Refs } from './useRefs';

export function FollowUpsPanel({ refs, version, onChanged }: { refs: Refs; version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<FollowUps | null>(null);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [actor, setActor] = useState(0);

  const load = useCallback(async () => {
    try {
      setData(await followUps());
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.loadFailed')));
    }
  }, [message, t]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const act = async (f: FollowUp, what: 'done' | 'canceled' | 'reopen') => {
    try {
      if (what === 'reopen') await reopenFollowUp(f.id);
      else await finishFollowUp(f.id, what, notes[f.id] ?? '', actor);
      message.success(t('inquiry.followUps.doneMsg'));
      await load();
      onChanged();
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.saveFailed')));
    }
  };

  const columns = [
    {
      title: t('inquiry.followUps.due'),
      width: 110,
      render: (_: unknown, f: FollowUp) => (
        <Flex vertical>
          <span>{f.dueOn}</span>
          {f.state === 'open' && (f.overdue ? <Tag color="red">{t('inquiry.followUps.overdue')}</Tag> : <Tag color="blue">{t('inquiry.followUps.today')}</Tag>)}
        </Flex>
      ),
    },
    { title: t('inquiry.field.customer'), dataIndex: 'customer', width: 140, ellipsis: true },
    {
      title: t('inquiry.followUps.what'),
      render: (_: unknown, f: FollowUp) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={f.kind === 'revisit' ? 'purple' : 'gold'}>{t(`inquiry.followUps.kind.${f.kind}`)}</Tag>
            {f.kind === 'revisit' && t('inquiry.followUps.step', { n: f.step })} {f.channel} {f.askedOn && `· ${f.askedOn}`}
          </span>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360, fontSize: 12 }}>
            {[f.products, f.followNote].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('inquiry.field.agent'), dataIndex: 'agentName', width: 72 },
    {
      title: '',
      width: 390,
      render: (_: unknown, f: FollowUp) =>
        f.state === 'open' ? (
          <Flex gap={6}>
            <Input
              size="small"
              data-testid="followup-note"
              placeholder={t('inquiry.followUps.notePlaceholder')}
              value={notes[f.id] ?? ''}
              onChange={(e) => setNotes((n) => ({ ...n, [f.id]: e.target.value }))}
              onPressEnter={() => void act(f, 'done')}
            />
            <Button size="small" type="primary" data-testid="followup-done" onClick={() => void act(f, 'done')}>
              {t('inquiry.followUps.done')}
            </Button>
            <Button size="small" data-testid="followup-cancel" onClick={() => void act(f, 'canceled')}>
              {t('inquiry.followUps.cancel')}
            </Button>
          </Flex>
        ) : (
          <Flex gap={6} align="center">
            <Tag color={f.state === 'done' ? 'green' : 'default'}>{t(`inquiry.followUps.state.${f.state}`)}</Tag>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
              {f.note}
            </Typography.Text>
            <Button size="small" type="link" data-testid="followup-reopen" onClick={() => void act(f, 'reopen')}>
              {t('inquiry.followUps.reopen')}
            </Button>
          </Flex>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={`${t('inquiry.followUps.title')}${data ? ` · ${t('inquiry.followUps.count', { n: data.due })}` : ''}`}
      data-testid="followups-panel"
      extra={
        <Flex gap={6} align="center">
          <Typography.Text type="secondary">{t('inquiry.followUps.actor')}</Typography.Text>
          <Select
            size="small"
            style={{ width: 110 }}
            data-testid="followups-actor"
            value={actor}
            onChange={setActor}
            title={t('inquiry.followUps.actorHint')}
            options={[{ value: 0, label: t('inquiry.common.none') }, ...refs.staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))]}
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
        {t('inquiry.followUps.intro')}
      </Typography.Paragraph>
      <Table<FollowUp>
        size="small"
        rowKey="id"
        dataSource={data?.rows ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(f) => ({ 'data-testid': 'followup-row', 'data-customer': f.customer, 'data-kind': f.kind, 'data-state': f.state }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty data-testid="followups-empty" description={t('inquiry.followUps.empty')} /> }}
      />
    </Card>
  );
}

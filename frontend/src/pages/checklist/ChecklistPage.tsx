/*
 * 今日清单, the home page: the morning routine filled from the data (after-sales, orders,
 * stock, follow-ups, shifts, the recurring items), ticked with who and when, kept day by
 * day; beside it what is left to do and each shop's sales of the week. Every count opens
 * the list behind it.
 *
 * data-testid: checklist-page, cl-date, cl-today, cl-history, cl-actor, cl-tasks-open, cl-print,
 * cl-export, cl-refresh, cl-progress, cl-note, cl-empty, cl-section-<id>
 * (lines: ChecklistItemRow; side: SalesCharts; print: ChecklistPrint; items: TasksModal)
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Select, Skeleton, Space, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined, ScheduleOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  exportHTML,
  listDays,
  openDay,
  reopenItem,
  salesWeek,
  skipItem,
  tickItem,
  type ChecklistDay,
  type ChecklistItem,
  type DaySummary,
  type ShopSales,
} from '../../api/checklist';
import { errorText } from '../../api/errors';
import { listStaff, type Staff } from '../../api/staff';
import { leaveFilter, parseLink } from '../../lib/pageLink';
import { useAppData, type PageKey } from '../../state/AppData';
import { ChecklistItemRow } from './ChecklistItemRow';
import { ChecklistPrint } from './ChecklistPrint';
import { AlertsCard, Overview, SalesCharts } from './SalesCharts';
import { metricAlerts, type MetricAlert } from '../../api/metrics';
import { TasksModal } from './TasksModal';
import { SECTIONS, isDone } from './text';
import './checklist.css';

const ACTOR_KEY = 'shopdesk.checklist.actor';

function savedActor(): number {
  try {
    const n = Number(window.localStorage.getItem(ACTOR_KEY));
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

export function ChecklistPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate, dataVersion } = useAppData();
  const [date, setDate] = useState('');
  const [day, setDay] = useState<ChecklistDay | null>(null);
  const [sales, setSales] = useState<ShopSales[]>([]);
  const [alerts, setAlerts] = useState<MetricAlert[]>([]);
  const [days, setDays] = useState<DaySummary[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [actor, setActor] = useState(savedActor);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [tasksOpen, setTasksOpen] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const my = ++seq.current;
    try {
      const d = await openDay(date);
      if (my !== seq.current) return;
      setDay(d);
      setError(null);
      const yesterday = dayjs(d.date).subtract(1, 'day').format('YYYY-MM-DD');
      const [s, h, a] = await Promise.all([salesWeek(d.date), listDays(), metricAlerts(yesterday)]);
      if (my !== seq.current) return;
      setSales(s);
      setAlerts(a);
      setDays(h);
    } catch (err) {
      if (my === seq.current) setError(errorText(err, t('checklist.loadFailed')));
    }
  }, [date, t]);

  useEffect(() => {
    void load();
  }, [load, dataVersion]);
  useEffect(() => {
    listStaff()
      .then(setStaff)
      .catch(() => setStaff([]));
  }, [dataVersion]);

  const chooseActor = (id: number) => {
    setActor(id);
    try {
      window.localStorage.setItem(ACTOR_KEY, String(id));
    } catch {
      // this session only
    }
  };

  const replace = (it: ChecklistItem) =>
    setDay((d) => (d ? { ...d, items: d.items.map((x) => (x.id === it.id ? it : x)) } : d) as ChecklistDay | null);

  const act = async (fn: () => Promise<ChecklistItem>) => {
    try {
      replace(await fn());
      void listDays().then(setDays);
    } catch (err) {
      message.error(errorText(err, t('checklist.saveFailed')));
    }
  };

  const onTick = (it: ChecklistItem) => {
    if (!actor) message.warning(t('checklist.pickActorFirst'));
    void act(() => tickItem(it.id, actor));
  };

  const openLink = (link: string) => {
    const { page, params } = parseLink(link);
    leaveFilter(page, params);
    navigate(page as PageKey);
  };

  const onExport = async () => {
    try {
      const f = await exportHTML(day?.date ?? '');
      if (f.name || f.path) message.success(t('checklist.exported', { name: f.path || f.name }));
    } catch (err) {
      message.error(errorText(err, t('checklist.saveFailed')));
    }
  };

  const readOnly = !day || day.past || !day.kept;
  const total = day?.items.length ?? 0;
  const finished = day ? day.items.filter((it) => isDone(it) || it.state === 'skipped').length : 0;
  const people = staff.filter((s) => s.active);

  return (
    <div data-testid="checklist-page">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker
          data-testid="cl-date"
          allowClear={false}
          value={day ? dayjs(day.date) : undefined}
          onChange={(v) => v && setDate(v.format('YYYY-MM-DD') === day?.today ? '' : v.format('YYYY-MM-DD'))}
        />
        <Button data-testid="cl-today" disabled={!date} onClick={() => setDate('')}>
          {t('checklist.today')}
        </Button>
        <Select
          data-testid="cl-history"
          style={{ width: 210 }}
          placeholder={t('checklist.history')}
          value={null}
          onChange={(v: string) => setDate(v === day?.today ? '' : v)}
          options={days.map((d) => ({ value: d.date, label: t('checklist.historyOption', { date: d.date, done: d.done + d.skipped, items: d.items }) }))}
        />
        <Space style={{ marginLeft: 'auto' }} wrap>
          <span>{t('checklist.actor')}</span>
          <Select
            data-testid="cl-actor"
            style={{ width: 130 }}
            value={actor || undefined}
            placeholder={t('checklist.actorPick')}
            onChange={chooseActor}
            options={people.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Button icon={<ScheduleOutlined />} data-testid="cl-tasks-open" onClick={() => setTasksOpen(true)}>
            {t('checklist.tasks')}
          </Button>
          <Button icon={<PrinterOutlined />} data-testid="cl-print" disabled={!day} onClick={() => setPrinting(true)}>
            {t('checklist.print')}
          </Button>
          <Button icon={<DownloadOutlined />} data-testid="cl-export" disabled={!day} onClick={() => void onExport()}>
            {t('checklist.exportHtml')}
          </Button>
          <Button icon={<ReloadOutlined />} data-testid="cl-refresh" onClick={() => void load()} title={t('checklist.refresh')} />
        </Space>
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Flex gap={16} align="flex-start" wrap>
        <Card
          style={{ flex: '1 1 520px', minWidth: 0 }}
          title={
            <Space>
              <span>
                {day?.date} {day ? t(`checklist.weekday.${dayjs(day.date).day()}`) : ''}
              </span>
              {total > 0 && (
                <Typography.Text type="secondary" data-testid="cl-progress" style={{ fontWeight: 'normal' }}>
                  {t('checklist.progress', { done: finished, total })}
                </Typography.Text>
              )}
            </Space>
          }
        >
          {!day && !error && <Skeleton active />}
          {day && (day.past || !day.kept) && (
            <Alert
              data-testid="cl-note"
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={day.past ? t('checklist.pastNote', { date: day.date }) : t('checklist.futureNote', { date: day.date })}
            />
          )}
          {day && total === 0 && (
            <Empty data-testid="cl-empty" description={day.past ? t('checklist.emptyPast') : t('checklist.empty')}>
              {!day.past && <Typography.Paragraph type="secondary">{t('checklist.emptyHint')}</Typography.Paragraph>}
              {!day.past && (
                <Button type="primary" onClick={() => setTasksOpen(true)}>
                  {t('checklist.tasks')}
                </Button>
              )}
            </Empty>
          )}
          {day &&
            SECTIONS.map((sec) => {
              const items = day.items.filter((it) => it.section === sec);
              if (items.length === 0) return null;
              return (
                <div key={sec} className="sd-cl-section" data-testid={`cl-section-${sec}`}>
                  <div className="sd-cl-section-title">{t(`checklist.section.${sec}`)}</div>
                  {items.map((it) => (
                    <ChecklistItemRow
                      key={it.key}
                      item={it}
                      day={day.date}
                      readOnly={readOnly}
                      onTick={onTick}
                      onSkip={(x, reason) => void act(() => skipItem(x.id, actor, reason))}
                      onReopen={(x) => void act(() => reopenItem(x.id, actor))}
                      onOpenLink={openLink}
                    />
                  ))}
                </div>
              );
            })}
        </Card>
        <Flex vertical gap={16} style={{ flex: '0 1 340px', minWidth: 280 }}>
          {day && total > 0 && <Overview day={day} />}
          <AlertsCard alerts={alerts} onOpen={() => navigate('metrics')} />
          <SalesCharts sales={sales} />
        </Flex>
      </Flex>
      {printing && day && <ChecklistPrint day={day} onClose={() => setPrinting(false)} />}
      <TasksModal
        open={tasksOpen}
        staff={staff}
        onClose={(changed) => {
          setTasksOpen(false);
          if (changed) void load();
        }}
      />
    </div>
  );
}

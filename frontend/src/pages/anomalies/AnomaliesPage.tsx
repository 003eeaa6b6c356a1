/*
 * 订单异常 Order anomalies: one worklist across all shops, grouped by kind, most urgent first.
 *
 * data-testid:
 *   anomalies-page              page root
 *   anomalies-filter-shop/-kind/-state/-owner   filter Selects; anomalies-filter-search order number
 *   anomalies-actor             "我是" Select: who is acting (kept on this computer)
 *   anomalies-recheck           重新检查 (run the rules now)
 *   anomalies-complaint         登记投诉
 *   anomalies-export            导出 Excel
 *   anomalies-notices           what the rules lack (collapsible)
 *   anomalies-bulk              bulk bar (when rows are selected): anomalies-bulk-owner, anomalies-bulk-assign,
 *                               anomalies-bulk-<state> (in_progress, resolved, ignored, open), anomalies-bulk-clear
 *   anomalies-total             "共 N 条"
 *   anomalies-empty-none / anomalies-empty-filtered / anomalies-empty-nodata   empty states (AnomaliesEmpty)
 *   anomalies-print             the page on paper (AnomaliesPrint); the "who is working" dialog: ActorPrompt
 *   (rows and groups: see AnomalyTable; the drawer: AnomalyDrawer; the tile: AnomalyTile)
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Empty, Flex, Input, Pagination, Select, Tooltip, Typography } from 'antd';
import { DownloadOutlined, ExclamationCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  exportAnomalies,
  listAnomalies,
  onAnomaliesChanged,
  recheckAnomalies,
  type Anomaly,
  type AnomalyPage,
  type AnomalyQuery,
} from '../../api/anomalies';
import { listStaff, type Staff } from '../../api/staff';
import { errorText } from '../../api/errors';
import { isBrowser } from '../../api/mode';
import { ShopSelect } from '../../components/ShopSelect';
import { useAppData } from '../../state/AppData';
import { takeFilter } from '../../lib/pageLink';
import { AnomalyTable } from './AnomalyTable';
import { AnomalyDrawer } from './AnomalyDrawer';
import { AnomalyTile } from './AnomalyTile';
import { ComplaintModal } from './ComplaintModal';
import { AnomaliesNoData, AnomaliesNone } from './AnomaliesEmpty';
import { AnomaliesPrint } from './AnomaliesPrint';
import { useActorPrompt } from './ActorPrompt';
import { useWorklistKeys, type WorklistAction } from './useWorklistKeys';
import { useBulkChanges } from './useBulkChanges';
import { KINDS, STATE_FILTERS, savedActor, saveActor } from './logic';

interface Filters {
  shopId: number;
  kind: string;
  state: string;
  ownerId: number;
  search: string;
}

const emptyFilters: Filters = { shopId: 0, kind: '', state: '', ownerId: 0, search: '' };
const PAGE_SIZE = 50;

function noticeKey(n: { rule: string; code: string; shopId: number }) {
  return `${n.rule}/${n.code}/${n.shopId}`;
}

export function AnomaliesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { info, shops, shopsLoading, dataVersion } = useAppData();
  // A count on 今日清单 opens the worklist filtered to its kind (lib/pageLink).
  const [filters, setFilters] = useState<Filters>(() => ({ ...emptyFilters, kind: takeFilter('anomalies').kind ?? '' }));
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AnomalyPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [actor, setActor] = useState<number>(savedActor);
  const [selected, setSelected] = useState<number[]>([]);
  const [focused, setFocused] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [bulkOwner, setBulkOwner] = useState<number | undefined>(undefined);
  const [complaint, setComplaint] = useState(false);
  const [busy, setBusy] = useState('');
  const [version, setVersion] = useState(0);
  const [searchText, setSearchText] = useState('');
  const [now, setNow] = useState(() => new Date());
  const [loadedAt, setLoadedAt] = useState(() => new Date());
  const seq = useRef(0);
  const listRef = useRef<HTMLDivElement>(null);

  const query = useMemo<AnomalyQuery>(
    () => ({ ...filters, page, pageSize: PAGE_SIZE }) as AnomalyQuery,
    [filters, page],
  );

  const load = useCallback(async () => {
    const my = ++seq.current;
    setLoading(true);
    try {
      const p = await listAnomalies(query);
      if (my !== seq.current) return;
      setData(p);
      setError(null);
      const at = new Date();
      setNow(at);
      setLoadedAt(at);
      const ids = new Set(p.rows.map((r) => r.id));
      setSelected((s) => s.filter((id) => ids.has(id)));
    } catch (err) {
      if (my === seq.current) setError(errorText(err, t('anomalies.loadFailed')));
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, [query, t]);

  useEffect(() => {
    if (info === null || info.empty) return;
    void load();
  }, [load, info, dataVersion, version]);
  useEffect(() => onAnomaliesChanged(() => void load()), [load]);
  useEffect(() => {
    listStaff()
      .then(setStaff)
      .catch((err) => message.error(errorText(err, t('anomalies.loadFailed'))));
  }, [message, t, dataVersion]);
  // Remaining times move on even when nothing is reloaded.
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(id);
  }, []);

  const rows = useMemo(() => data?.rows ?? [], [data]);
  const activeStaff = staff.filter((s) => s.active);
  const changeFilters = (f: Filters) => {
    setFilters(f);
    setPage(1);
    setSelected([]);
  };
  const changed = () => setVersion((v) => v + 1);

  const chooseActor = (id: number) => {
    setActor(id);
    saveActor(id);
  };
  const who = useActorPrompt(actor, staff, chooseActor);

  // A row has the keyboard's focus from the start (the first), and keeps it across reloads
  // while it is on the page.
  useEffect(() => {
    if (rows.length > 0 && !rows.some((r) => r.id === focused)) setFocused(rows[0].id);
  }, [rows, focused]);

  const { setState, assign } = useBulkChanges({ rows, staff, ensureActor: who.ensure, changed, setBusy });

  const targets = () => (selected.length > 0 ? selected : focused ? [focused] : []);

  const onKey = (action: WorklistAction): boolean => {
    if (rows.length === 0) return false;
    const i = rows.findIndex((r) => r.id === focused);
    const move = (d: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, (i < 0 ? (d > 0 ? -1 : rows.length) : i) + d))];
      setFocused(next.id);
      // Only as far as the row needs: a visible row does not move the page.
      listRef.current?.querySelector(`[data-id="${next.id}"]`)?.scrollIntoView({ block: 'nearest' });
      return true;
    };
    switch (action) {
      case 'down':
        return move(1);
      case 'up':
        return move(-1);
      case 'open':
        if (focused) setOpen(focused);
        return focused !== 0;
      case 'toggle':
        if (focused) setSelected((s) => (s.includes(focused) ? s.filter((id) => id !== focused) : [...s, focused]));
        return focused !== 0;
      case 'clear':
        setSelected([]);
        return false;
      default:
        void setState(targets(), action);
        return true;
    }
  };
  useWorklistKeys(open === null && !complaint && !who.asking, onKey);

  const doExport = async () => {
    setBusy('export');
    try {
      const f = await exportAnomalies(query);
      if (f.url) message.success(t('anomalies.exportDownloaded', { count: f.rows, name: f.name }));
      else if (f.path) message.success(t('anomalies.exportSaved', { count: f.rows, path: f.path }));
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('anomalies.exportFailed'))}</span>, duration: 6 });
    } finally {
      setBusy('');
    }
  };

  const recheck = async () => {
    setBusy('recheck');
    try {
      const r = await recheckAnomalies();
      message.success(t('anomalies.rechecked', { found: r.found, added: r.new, cleared: r.cleared }));
      changed();
    } catch (err) {
      message.error(errorText(err, t('anomalies.actionFailed')));
    } finally {
      setBusy('');
    }
  };

  if (info?.empty) return <AnomaliesNoData />;

  const filtered = filters.shopId !== 0 || filters.kind !== '' || filters.state !== '' || filters.ownerId !== 0 || filters.search !== '';
  const empty = loading ? (
    <div style={{ height: 120 }} />
  ) : filtered ? (
    <Empty data-testid="anomalies-empty-filtered" description={t('anomalies.empty.filtered')}>
      <Button onClick={() => changeFilters(emptyFilters)}>{t('anomalies.empty.clearFilters')}</Button>
    </Empty>
  ) : (
    <AnomaliesNone checkedAt={data?.checkedAt ?? ''} onRecheck={() => void recheck()} rechecking={busy === 'recheck'} />
  );
  const notices = data?.notices ?? [];

  return (
    <div data-testid="anomalies-page">
      {/* On paper: the plain table of this page's anomalies; on screen: the rest. */}
      <AnomaliesPrint
        rows={rows}
        filters={filters}
        shops={shops}
        staff={staff}
        total={data?.total ?? 0}
        page={page}
        pages={Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE))}
      />
      <div className="sd-no-print">
      <div style={{ marginBottom: 12 }}>
        <AnomalyTile version={version} onKind={(kind) => changeFilters({ ...emptyFilters, kind })} />
      </div>
      {notices.length > 0 && (
        <Collapse
          data-testid="anomalies-notices"
          size="small"
          style={{ marginBottom: 12, background: '#fffbe6' }}
          items={[
            {
              key: 'notices',
              label: (
                <span>
                  <ExclamationCircleOutlined style={{ color: '#faad14', marginInlineEnd: 8 }} />
                  {t('anomalies.notices.title', { count: notices.length })}
                </span>
              ),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {notices.map((n) => (
                    <li key={noticeKey(n)} data-testid="anomalies-notice" data-code={n.code}>
                      {t(`anomalies.notices.${n.code}`, { shop: n.shopName, count: n.count, value: n.value, defaultValue: n.code })}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Card styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={12} align="center">
          <ShopSelect
            testId="anomalies-filter-shop"
            shops={shops}
            loading={shopsLoading}
            value={filters.shopId}
            allLabel={t('anomalies.filters.allShops')}
            onChange={(shopId) => changeFilters({ ...filters, shopId })}
            style={{ minWidth: 170 }}
          />
          <Select<string>
            data-testid="anomalies-filter-kind"
            style={{ minWidth: 130 }}
            popupMatchSelectWidth={false}
            value={filters.kind}
            onChange={(kind) => changeFilters({ ...filters, kind })}
            options={[{ value: '', label: t('anomalies.filters.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t(`anomalies.kind.${k}`) }))]}
          />
          <Select<string>
            data-testid="anomalies-filter-state"
            style={{ minWidth: 110 }}
            popupMatchSelectWidth={false}
            value={filters.state}
            onChange={(state) => changeFilters({ ...filters, state })}
            options={STATE_FILTERS.map((s) => ({ value: s, label: t(`anomalies.filters.state.${s || 'todo'}`) }))}
          />
          <Select<number>
            data-testid="anomalies-filter-owner"
            style={{ minWidth: 120 }}
            popupMatchSelectWidth={false}
            value={filters.ownerId}
            onChange={(ownerId) => changeFilters({ ...filters, ownerId })}
            options={[
              { value: 0, label: t('anomalies.filters.anyOwner') },
              { value: -1, label: t('anomalies.unassigned') },
              ...staff.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <Input.Search
            data-testid="anomalies-filter-search"
            allowClear
            style={{ width: 200 }}
            placeholder={t('anomalies.filters.search')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(s) => changeFilters({ ...filters, search: s.trim() })}
          />
          <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
            <Tooltip title={t('anomalies.actorHint')}>
              <Typography.Text type="secondary" className="sd-nowrap">
                {t('anomalies.actor')}
              </Typography.Text>
            </Tooltip>
            <Select<number>
              data-testid="anomalies-actor"
              style={{ minWidth: 110 }}
              popupMatchSelectWidth={false}
              value={staff.some((s) => s.id === actor) ? actor : 0}
              onChange={chooseActor}
              options={[{ value: 0, label: t('anomalies.actorNone') }, ...activeStaff.map((s) => ({ value: s.id, label: s.name }))]}
            />
          </Flex>
        </Flex>
        <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
          {selected.length > 0 ? (
            <Flex wrap gap={8} align="center" data-testid="anomalies-bulk">
              <Typography.Text strong>{t('anomalies.selected', { count: selected.length })}</Typography.Text>
              <Select<number>
                data-testid="anomalies-bulk-owner"
                style={{ minWidth: 130 }}
                popupMatchSelectWidth={false}
                placeholder={t('anomalies.assignTo')}
                value={bulkOwner}
                onChange={setBulkOwner}
                options={[{ value: 0, label: t('anomalies.unassigned') }, ...activeStaff.map((s) => ({ value: s.id, label: s.name }))]}
              />
              <Button autoInsertSpace={false} data-testid="anomalies-bulk-assign" disabled={bulkOwner === undefined} loading={busy === 'assign'} onClick={() => bulkOwner !== undefined && void assign(selected, bulkOwner)}>
                {t('anomalies.assign')}
              </Button>
              {(['in_progress', 'resolved', 'ignored', 'open'] as const).map((s) => (
                <Button key={s} autoInsertSpace={false} data-testid={`anomalies-bulk-${s}`} type={s === 'resolved' ? 'primary' : 'default'} loading={busy === s} onClick={() => void setState(selected, s)}>
                  {t(`anomalies.action.${s}`)}
                </Button>
              ))}
              <Button type="text" data-testid="anomalies-bulk-clear" onClick={() => setSelected([])}>
                {t('anomalies.clearSelection')}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="anomalies-keys">
              {t('anomalies.keys')}
            </Typography.Text>
          )}
          <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
            <Button data-testid="anomalies-complaint" icon={<ExclamationCircleOutlined />} onClick={() => setComplaint(true)} disabled={shops.length === 0}>
              {t('anomalies.addComplaint')}
            </Button>
            <Tooltip title={data?.checkedAt ? t('anomalies.checkedAt', { time: data.checkedAt }) : ''}>
              <Button data-testid="anomalies-recheck" icon={<ReloadOutlined />} loading={busy === 'recheck'} onClick={() => void recheck()}>
                {t('anomalies.recheck')}
              </Button>
            </Tooltip>
            <Tooltip title={isBrowser() ? t('anomalies.exportHintBrowser') : t('anomalies.exportHint')}>
              <Button data-testid="anomalies-export" icon={<DownloadOutlined />} loading={busy === 'export'} disabled={(data?.total ?? 0) === 0} onClick={() => void doExport()}>
                {t('anomalies.export')}
              </Button>
            </Tooltip>
          </Flex>
        </Flex>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={<span className="sd-error-text">{error}</span>}
            action={<Button size="small" onClick={() => void load()}>{t('common.retry')}</Button>}
          />
        )}
        <div ref={listRef} tabIndex={-1} style={{ marginTop: 12, outline: 'none' }} data-testid="anomalies-list">
          <AnomalyTable
            rows={rows}
            groups={data?.groups ?? []}
            loading={loading}
            selected={selected}
            onSelect={setSelected}
            focused={focused}
            onOpen={(a: Anomaly) => {
              setFocused(a.id);
              setOpen(a.id);
            }}
            empty={empty}
            now={now}
            loadedAt={loadedAt}
          />
        </div>
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
          <Typography.Text type="secondary" data-testid="anomalies-total">
            {t('anomalies.total', { count: data?.total ?? 0 })}
          </Typography.Text>
          <Pagination
            size="small"
            current={page}
            pageSize={PAGE_SIZE}
            total={data?.total ?? 0}
            showSizeChanger={false}
            hideOnSinglePage
            onChange={(p) => {
              setPage(p);
              setSelected([]);
            }}
          />
        </Flex>
      </Card>
      </div>
      <AnomalyDrawer
        id={open}
        onClose={() => {
          setOpen(null);
          listRef.current?.focus({ preventScroll: true });
        }}
        staff={staff}
        ensureActor={who.ensure}
        onChanged={changed}
        onOpen={setOpen}
      />
      <ComplaintModal open={complaint} onClose={() => setComplaint(false)} onCreated={changed} shops={shops} ensureActor={who.ensure} />
      {who.prompt}
    </div>
  );
}

/*
 * 排班 the monthly rota: the grid (RotaGrid, keyboard first), the checks (rest days,
 * coverage, overlapping shifts, days not planned), 班次设置, 复制上月, print and Excel.
 *
 * data-testid: rota-tab, rota-shifts (班次设置), rota-copy (+ rota-copy-confirm), rota-print-open,
 *   rota-export, rota-keys (the key legend), rota-checks (check list; rota-check each, data-kind;
 *   rota-check-filter the per-kind filters, data-kind),
 *   rota-checks-ok, rota-empty-staff, rota-empty-month, rota-closed
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, PrinterOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { copyRota, exportRota, getRota, setRota, type RotaCheck, type RotaMonth } from '../../api/staff';
import { errorText } from '../../api/errors';
import { useAppData } from '../../state/AppData';
import { MonthSwitch } from './MonthSwitch';
import { RotaGrid, type CellChange } from './RotaGrid';
import { RotaPrint } from './RotaPrint';
import { ShiftsModal } from './ShiftsModal';
import { cellKey, cellMap, keyedShifts, toCell, type CellValue } from './rota';
import { checkText } from './text';

const CHECK_COLOR: Record<string, string> = { coverage: 'red', overlap: 'red', rest_days: 'orange', unplanned: 'gold', outside_employment: 'purple' };

export function RotaTab({ month, thisMonth, onMonth }: { month: string; thisMonth: string; onMonth: (m: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate } = useAppData();
  const [rota, setRotaState] = useState<RotaMonth | null>(null);
  const [cells, setCells] = useState<Map<string, CellValue>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [shiftsOpen, setShiftsOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [focusOn, setFocusOn] = useState<{ staffId: number; day: string; at: number } | null>(null);
  const [kind, setKind] = useState('');
  const queue = useRef<Promise<void>>(Promise.resolve());

  const show = (r: RotaMonth) => {
    setRotaState(r);
    setCells(cellMap(r));
  };
  const load = useCallback(async () => {
    try {
      show(await getRota(month));
      setError(null);
    } catch (err) {
      setError(errorText(err, t('staff.loadFailed')));
    }
  }, [month, t]);
  useEffect(() => {
    setRotaState(null);
    void load();
  }, [load]);

  // Changes show at once and are saved in order; a refused change reloads the month.
  const onChange = (changes: CellChange[]) => {
    setCells((m) => {
      const next = new Map(m);
      for (const c of changes) next.set(cellKey(c.staffId, c.day), c.value);
      return next;
    });
    queue.current = queue.current.then(async () => {
      try {
        const r = await setRota(month, changes.map((c) => toCell(c.staffId, c.day, c.value)));
        setRotaState(r);
      } catch (err) {
        message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
        await load();
      }
    });
  };

  const doCopy = async () => {
    try {
      const r = await copyRota(month);
      show(r.rota);
      message.success(t('staff.rota.copied', { count: r.copied }));
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
    }
  };

  const doExport = async () => {
    try {
      const f = await exportRota(month);
      if (f.url) message.success(t('staff.downloaded', { name: f.name }));
      else if (f.path) message.success(t('staff.saved', { path: f.path }));
    } catch (err) {
      message.error(errorText(err, t('staff.exportFailed')));
    }
  };

  const checksByKind = useMemo(() => {
    const m = new Map<string, RotaCheck[]>();
    for (const c of rota?.checks ?? []) m.set(c.kind, [...(m.get(c.kind) ?? []), c]);
    return m;
  }, [rota]);

  if (error) return <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />;
  if (!rota) return <Skeleton active />;
  if (rota.people.length === 0) {
    return (
      <Empty data-testid="rota-empty-staff" description={t('staff.rota.noStaff')}>
        <Button type="primary" onClick={() => navigate('settings')}>
          {t('staff.goSettings')}
        </Button>
      </Empty>
    );
  }
  const keys = keyedShifts(rota.shifts);
  return (
    <div data-testid="rota-tab">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <MonthSwitch month={month} thisMonth={thisMonth} onChange={onMonth} />
        <Flex gap={8} wrap>
          <Button icon={<SettingOutlined />} data-testid="rota-shifts" onClick={() => setShiftsOpen(true)}>
            {t('staff.rota.shifts')}
          </Button>
          <Popconfirm
            title={t('staff.rota.copyTitle')}
            description={t('staff.rota.copyBody')}
            okText={t('staff.rota.copyOk')}
            cancelText={t('common.cancel')}
            onConfirm={() => void doCopy()}
            okButtonProps={{ ...({ 'data-testid': 'rota-copy-confirm' } as object) }}
            disabled={rota.closed}
          >
            <Button icon={<CopyOutlined />} data-testid="rota-copy" disabled={rota.closed}>
              {t('staff.rota.copy')}
            </Button>
          </Popconfirm>
          <Button icon={<PrinterOutlined />} data-testid="rota-print-open" onClick={() => setPrinting(true)}>
            {t('staff.print.button')}
          </Button>
          <Button icon={<DownloadOutlined />} data-testid="rota-export" onClick={() => void doExport()}>
            {t('staff.exportExcel')}
          </Button>
        </Flex>
      </Flex>
      {rota.closed && <Alert data-testid="rota-closed" type="info" showIcon style={{ marginBottom: 12 }} title={t('staff.rota.closed')} />}
      {!rota.closed && rota.cells.length === 0 && (
        <Alert data-testid="rota-empty-month" type="info" showIcon style={{ marginBottom: 12 }} title={t('staff.rota.emptyMonth')} description={t('staff.rota.emptyHow')} />
      )}
      <div className="sd-keys" data-testid="rota-keys" style={{ marginBottom: 8 }}>
        {keys.map((s, i) => (
          <span key={s.id} style={{ marginRight: 12 }}>
            <kbd>{i + 1}</kbd>
            {s.name} {s.start}–{s.endMin > 1440 ? t('staff.shifts.nextDay', { time: s.end }) : s.end}
          </span>
        ))}
        <span style={{ marginRight: 12 }}>
          <kbd>0</kbd>/<kbd>R</kbd> {t('staff.rota.rest')}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('staff.rota.keysMore')}
        </Typography.Text>
      </div>
      <RotaGrid rota={rota} cells={cells} readOnly={rota.closed} onChange={onChange} focusOn={focusOn} />
      <Card size="small" style={{ marginTop: 12 }} title={t('staff.rota.checks', { count: rota.checks.length })} data-testid="rota-checks">
        {rota.checks.length === 0 ? (
          <Typography.Text type="success" data-testid="rota-checks-ok">
            {rota.cells.length === 0 ? t('staff.rota.checksNone') : t('staff.rota.checksOk', { rest: rota.restDays })}
          </Typography.Text>
        ) : (
          <>
          <Flex gap={4} wrap style={{ marginBottom: 8 }}>
            {[...checksByKind.entries()].map(([k, list]) => (
              <Tag.CheckableTag key={k} data-testid="rota-check-filter" data-kind={k} checked={kind === k} onChange={(on) => setKind(on ? k : '')}>
                {t(`staff.checkKind.${k}`)} {list.length}
              </Tag.CheckableTag>
            ))}
          </Flex>
          <List
            size="small"
            dataSource={kind && checksByKind.has(kind) ? checksByKind.get(kind)! : rota.checks}
            pagination={rota.checks.length > 12 ? { pageSize: 12, size: 'small' } : false}
            renderItem={(c) => (
              <List.Item
                data-testid="rota-check"
                data-kind={c.kind}
                style={{ cursor: c.staffId || c.day ? 'pointer' : undefined }}
                onClick={() => setFocusOn({ staffId: c.staffId, day: c.day || rota.days[0].day, at: Date.now() })}
              >
                <Tag color={CHECK_COLOR[c.kind]}>{t(`staff.checkKind.${c.kind}`)}</Tag>
                {checkText(t, c)}
              </List.Item>
            )}
          />
          </>
        )}
      </Card>
      <ShiftsModal
        open={shiftsOpen}
        shifts={rota.shifts}
        onClose={() => setShiftsOpen(false)}
        onSaved={() => void load()}
      />
      {printing && <RotaPrint rota={rota} cells={cells} onClose={() => setPrinting(false)} />}
    </div>
  );
}

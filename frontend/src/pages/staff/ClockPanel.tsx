/*
 * 打卡: pick your name, type your PIN, Enter. The time is the shop PC's (shop-local), the
 * record says who; the answer says which shift it counts for and how late, and points at
 * the handover book when notes wait to be read.
 *
 * data-testid: clock-panel, clock-now (the running clock), clock-name / clock-pin (WhoFields),
 *   clock-kind (上班/下班), clock-go, clock-result (data-late: minutes late), clock-handover,
 *   clock-error (a refused PIN and the like)
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clock, type Auth, type ClockResult } from '../../api/staff';
import { errorText } from '../../api/errors';
import { useStaffCtx, WhoFields } from './StaffContext';
import { clockText, hoursText, recordTags } from './text';

interface ClockPanelProps {
  /** The kind to offer for a person: out when they are on a shift now. */
  suggest: (staffId: number) => 'in' | 'out';
  onPunched: () => void;
  onOpenHandover: () => void;
}

/** Shop-local wall time now, ticking every second. */
function useShopClock(wallNow: () => string): string {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => setTick((n) => n + 1), 1000);
    return () => window.clearInterval(id);
  }, []);
  return wallNow();
}

export function ClockPanel({ suggest, onPunched, onOpenHandover }: ClockPanelProps) {
  const { t } = useTranslation();
  const { staff, wallNow } = useStaffCtx();
  const [who, setWho] = useState<Auth>({ staffId: 0, pin: '' } as Auth);
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ClockResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shopTime = useShopClock(wallNow);

  const pick = (a: Auth) => {
    if (a.staffId !== who.staffId && a.staffId) setKind(suggest(a.staffId));
    setWho(a);
  };

  const go = async () => {
    if (!who.staffId || who.pin.length < 4) return;
    setBusy(true);
    setError(null);
    try {
      const r = await clock(who, kind);
      setResult(r);
      setWho({ staffId: 0, pin: '' } as Auth);
      onPunched();
    } catch (err) {
      setResult(null);
      setError(errorText(err, t('staff.clock.failed')));
      setWho((w) => ({ ...w, pin: '' }) as Auth);
    } finally {
      setBusy(false);
    }
  };

  const rec = result?.record;
  return (
    <Card data-testid="clock-panel" title={t('staff.clock.title')} extra={<Typography.Text data-testid="clock-now" strong style={{ fontSize: 18, fontVariantNumeric: 'tabular-nums' }}>{shopTime.slice(11)}</Typography.Text>}>
      <Flex vertical gap={12}>
        <WhoFields staff={staff} value={who} onChange={pick} onEnter={() => void go()} testPrefix="clock" nameLabel={t('staff.clock.name')} />
        <Segmented
          block
          data-testid="clock-kind"
          value={kind}
          onChange={(v) => setKind(v as 'in' | 'out')}
          options={[
            { value: 'in', label: t('staff.clock.in') },
            { value: 'out', label: t('staff.clock.out') },
          ]}
        />
        <Button type="primary" size="large" block loading={busy} disabled={!who.staffId || who.pin.length < 4} data-testid="clock-go" onClick={() => void go()}>
          {kind === 'in' ? t('staff.clock.goIn') : t('staff.clock.goOut')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('staff.clock.hint')}
        </Typography.Text>
        {error && <Alert data-testid="clock-error" type="error" showIcon title={<span className="sd-error-text">{error}</span>} />}
        {result && (
          <Alert
            data-testid="clock-result"
            data-late={rec?.lateMin ?? 0}
            type={rec && (rec.lateMin > 0 || rec.earlyMin > 0) ? 'warning' : 'success'}
            showIcon
            title={t(result.punch.kind === 'in' ? 'staff.clock.didIn' : 'staff.clock.didOut', { name: result.name, time: clockText(t, result.punch.at) })}
            description={
              <Flex vertical gap={6}>
                <span>
                  {rec
                    ? t('staff.clock.forShift', { shift: rec.shiftName, hours: hoursText(t, rec) })
                    : t('staff.clock.noShift')}{' '}
                  {rec && rec.status === 'worked' && recordTags(t, rec).map((g) => (
                    <Tag key={g.text} color={g.color}>
                      {g.text}
                    </Tag>
                  ))}
                </span>
                {result.openHandovers > 0 && (
                  <Button size="small" type="link" style={{ padding: 0, alignSelf: 'flex-start' }} data-testid="clock-handover" onClick={onOpenHandover}>
                    {t('staff.clock.handover', { count: result.openHandovers })}
                  </Button>
                )}
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}

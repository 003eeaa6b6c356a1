/*
 * What the 员工 tabs share: the staff list, the shop's today (shop-local, whatever the
 * PC's zone), and asking who is acting: a name and a PIN (WhoFields), for the owner's
 * steps an owner's (remembered in memory for a few minutes, so closing a month right after
 * entering team scores does not ask again).
 *
 * data-testid: who-modal (the dialog), who-name (its name Select), who-pin, who-ok
 * (WhoFields itself is components/WhoFields: 设置 → 员工 uses it too)
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { WhoFields } from '../../components/WhoFields';
import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { listStaff, shopNow, type Auth, type Staff } from '../../api/staff';
import { errorText } from '../../api/errors';

/** How long the owner's PIN is remembered after it was typed. */
const OWNER_MEMORY_MS = 10 * 60 * 1000;

interface AskOptions {
  title: string;
  ownerOnly?: boolean;
  okText?: string;
  danger?: boolean;
  /** Shown above the fields: what is about to happen. */
  body?: ReactNode;
}

interface StaffCtx {
  staff: Staff[];
  reloadStaff: () => Promise<void>;
  /** Shop-local now 'YYYY-MM-DD HH:MM:SS' when the page opened. */
  now: string;
  /** Shop-local now 'YYYY-MM-DD HH:MM:SS', ticking on from `now` by this PC's clock. */
  wallNow: () => string;
  /** Asks for a name and PIN; resolves null when cancelled. */
  ask: (o: AskOptions) => Promise<Auth | null>;
  /** Forgets the remembered owner PIN (after the server refused it). */
  forgetOwner: () => void;
}

const Ctx = createContext<StaffCtx | null>(null);

export function useStaffCtx(): StaffCtx {
  const v = useContext(Ctx);
  if (!v) throw new Error('useStaffCtx outside StaffProvider');
  return v;
}

/** A wall time 'YYYY-MM-DD HH:MM:SS' plus ms. */
export function addMs(wall: string, ms: number): string {
  return new Date(Date.parse(wall.replace(' ', 'T') + 'Z') + ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Whether an error is a refused PIN (then the remembered owner PIN is dropped). */
export const isPinError = (err: unknown) => /PIN/.test(errorText(err, ''));

export function StaffProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [now, setNow] = useState('');
  const nowAt = useRef(0);
  const [asking, setAsking] = useState<AskOptions | null>(null);
  const [who, setWho] = useState<Auth>({ staffId: 0, pin: '' } as Auth);
  const resolver = useRef<((a: Auth | null) => void) | null>(null);
  const owner = useRef<{ auth: Auth; at: number } | null>(null);

  const reloadStaff = useCallback(async () => {
    try {
      const [s, n] = await Promise.all([listStaff(), shopNow()]);
      setStaff(s);
      setNow(n);
      nowAt.current = Date.now();
    } catch (err) {
      message.error(errorText(err, t('staff.loadFailed')));
    }
  }, [message, t]);
  useEffect(() => {
    void reloadStaff();
  }, [reloadStaff]);

  const ask = useCallback((o: AskOptions) => {
    if (o.ownerOnly && owner.current && Date.now() - owner.current.at < OWNER_MEMORY_MS) {
      return Promise.resolve(owner.current.auth);
    }
    resolver.current?.(null);
    setWho({ staffId: 0, pin: '' } as Auth);
    setAsking(o);
    return new Promise<Auth | null>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const finish = (a: Auth | null) => {
    if (a && asking?.ownerOnly) owner.current = { auth: a, at: Date.now() };
    resolver.current?.(a);
    resolver.current = null;
    setAsking(null);
  };

  const forgetOwner = useCallback(() => {
    owner.current = null;
  }, []);

  const wallNow = useCallback(() => (now ? addMs(now, Date.now() - nowAt.current) : ''), [now]);
  const value = useMemo(() => ({ staff, reloadStaff, now, wallNow, ask, forgetOwner }), [staff, reloadStaff, now, wallNow, ask, forgetOwner]);
  const ready = who.staffId !== 0 && who.pin.length >= 4;
  return (
    <Ctx.Provider value={value}>
      {children}
      <Modal
        open={asking !== null}
        title={asking?.title}
        okText={asking?.okText ?? t('staff.who.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !ready, danger: asking?.danger, ...({ 'data-testid': 'who-ok' } as object) }}
        onOk={() => finish(who)}
        onCancel={() => finish(null)}
        destroyOnHidden
      >
        <div data-testid="who-modal">
          {asking?.body && <div style={{ marginBottom: 12 }}>{asking.body}</div>}
          <WhoFields staff={staff} ownerOnly={asking?.ownerOnly} value={who} onChange={setWho} onEnter={() => ready && finish(who)} autoFocus />
        </div>
      </Modal>
    </Ctx.Provider>
  );
}

export { WhoFields };

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { listShops, type Shop } from '../api/shops';
import { getInfo, type AppInfo } from '../api/system';
import { errorText } from '../api/errors';

export type PageKey = 'checklist' | 'metrics' | 'orders' | 'anomalies' | 'stock' | 'inquiry' | 'import' | 'shops' | 'staff' | 'settings';
const PAGES: PageKey[] = ['checklist', 'metrics', 'orders', 'anomalies', 'stock', 'inquiry', 'import', 'shops', 'staff', 'settings'];

function pageFromHash(): PageKey {
  const h = window.location.hash.replace(/^#\/?/, '');
  // The app opens on 今日清单 (issue 12).
  return (PAGES as string[]).includes(h) ? (h as PageKey) : 'checklist';
}

interface AppData {
  info: AppInfo | null;
  shops: Shop[];
  shopsLoading: boolean;
  /** Bumped whenever orders may have changed (import, demo): pages reload their data. */
  dataVersion: number;
  /** Reloads info and shops and bumps dataVersion. */
  refresh: () => Promise<void>;
  page: PageKey;
  navigate: (p: PageKey) => void;
}

const Ctx = createContext<AppData | null>(null);

export function AppDataProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [shops, setShops] = useState<Shop[]>([]);
  const [shopsLoading, setShopsLoading] = useState(true);
  const [dataVersion, setDataVersion] = useState(0);
  const [page, setPage] = useState<PageKey>(pageFromHash);

  const load = useCallback(async () => {
    setShopsLoading(true);
    try {
      const [i, s] = await Promise.all([getInfo(), listShops()]);
      setInfo(i);
      setShops(s);
    } catch (err) {
      message.error(errorText(err, t('common.loadFailed')));
    } finally {
      setShopsLoading(false);
    }
  }, [message, t]);

  const refresh = useCallback(async () => {
    await load();
    setDataVersion((v) => v + 1);
  }, [load]);

  useEffect(() => {
    void load();
    // load once at start; later reloads go through refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const navigate = useCallback((p: PageKey) => {
    setPage(p);
    if (pageFromHash() !== p) window.location.hash = `/${p}`;
  }, []);

  const value = useMemo(
    () => ({ info, shops, shopsLoading, dataVersion, refresh, page, navigate }),
    [info, shops, shopsLoading, dataVersion, refresh, page, navigate],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAppData(): AppData {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppData outside AppDataProvider');
  return v;
}

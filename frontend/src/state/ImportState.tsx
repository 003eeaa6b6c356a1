import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedPreview, importFiles, pickFiles, previewFiles, type FileResult, type ImportProgress } from '../api/imports';
import { onImportProgress, onNativeFileDrop } from '../api/events';
import { uploadFiles } from '../api/upload';
import { errorText } from '../api/errors';
import { isBrowser } from '../api/mode';
import { baseName } from '../lib/domain';
import { useAppData } from './AppData';
import { affectedByShops, importRequest, needShopPaths as needShopPathsOf, pickShop, runTotals, type PreviewEntry } from '../pages/import/results';

// The import run lives above the pages: in the desktop window a file dropped anywhere
// (on any page) starts an import, and the import page shows its progress and results.
// Every run is previewed first (a dry run: platform, format, shop, counts, first rows);
// the seller confirms, then the files import.
//
// The preview and the import always agree: each previewed file keeps the shop it was
// previewed with (PreviewEntry), 确认导入 sends exactly those shops, and a file whose shop
// changes (the seller picks another, or the shop list changes) is previewed again before
// it can be imported. There is no page-wide shop that the import reads at confirm time.

export type ImportPhase = 'idle' | 'uploading' | 'previewing' | 'preview' | 'importing' | 'done';

export interface RunFile {
  name: string;
  path: string; // '' while a browser upload is still being sent
}

interface ImportState {
  phase: ImportPhase;
  busy: boolean;
  files: RunFile[];
  progress: Record<number, ImportProgress>;
  results: FileResult[];
  /** The whole call failed (upload refused, service error): shown above the results. */
  runError: string | null;
  /** Files of the last import that said need_shop (shops changed since their preview). */
  needShopPaths: string[];
  /** Bumped after every run so the history table reloads. */
  historyVersion: number;
  /** The previewed files, waiting for 确认导入 (phase 'preview'). */
  previews: PreviewEntry[];
  /** The seller picks the shop of one previewed file: it (and files of its platform still asking) are previewed again. */
  pickShop: (index: number, shopId: number) => void;
  confirmImport: () => Promise<void>;
  cancelPreview: () => void;
  /** Previews every file again (after a template was saved). */
  rePreview: () => Promise<void>;
  /** Previews the need_shop files of the last import again, to pick their shops. */
  previewNeedShop: () => Promise<void>;
  importPaths: (paths: string[]) => Promise<void>;
  uploadAndImport: (files: File[]) => Promise<void>;
  pickAndImport: () => Promise<void>;
}

const Ctx = createContext<ImportState | null>(null);

export function ImportProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const { refresh, navigate, shops } = useAppData();

  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [files, setFiles] = useState<RunFile[]>([]);
  const [progress, setProgress] = useState<Record<number, ImportProgress>>({});
  const [results, setResults] = useState<FileResult[]>([]);
  const [runError, setRunError] = useState<string | null>(null);
  const [needShopPaths, setNeedShopPaths] = useState<string[]>([]);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [previews, setPreviews] = useState<PreviewEntry[]>([]);

  const busyRef = useRef(false);
  const uploadRef = useRef<(files: File[]) => Promise<void>>(async () => {});
  const importingRef = useRef(false);
  const previewsRef = useRef(previews);
  previewsRef.current = previews;
  // Each entry's last preview request: an answer for an older request is dropped.
  const requestRef = useRef<number[]>([]);

  const begin = useCallback((runFiles: RunFile[], first: ImportPhase) => {
    busyRef.current = true;
    setPhase(first);
    setFiles(runFiles);
    setProgress({});
    setResults([]);
    setRunError(null);
    setNeedShopPaths([]);
    setPreviews([]);
  }, []);

  const finish = useCallback(async () => {
    importingRef.current = false;
    busyRef.current = false;
    setPhase('done');
    setHistoryVersion((v) => v + 1);
    await refresh();
  }, [refresh]);

  // Imports the files with the shops their previews were made with; begin() must have been called.
  const run = useCallback(
    async (paths: string[], shopIds: number[]) => {
      setFiles(paths.map((p) => ({ name: baseName(p), path: p })));
      setPhase('importing');
      importingRef.current = true;
      try {
        const res = await importFiles(paths, shopIds);
        setResults(res);
        setNeedShopPaths(needShopPathsOf(res, paths));
        const sum = runTotals(res);
        if (sum.files > 0) {
          const parts: string[] = [];
          if (sum.hasOrders) parts.push(t('import.doneOrders', { added: sum.orders, updated: sum.ordersUpdated }));
          if (sum.refunds > 0) parts.push(t('import.doneRefunds', { count: sum.refunds }));
          if (sum.rows + sum.rowsUpdated > 0 || parts.length === 0) parts.push(t('import.doneRows', { added: sum.rows, updated: sum.rowsUpdated }));
          message.success(t('import.doneSummary', { files: sum.files, what: parts.join(t('import.listSep')) }));
        }
      } catch (err) {
        setRunError(errorText(err, t('import.failed')));
      } finally {
        await finish();
      }
    },
    [finish, message, t],
  );

  // Dry-runs the files, each with its shop, and waits for the seller's confirmation.
  const preview = useCallback(
    async (entries: { path: string; shopId: number }[]) => {
      setFiles(entries.map((e) => ({ name: baseName(e.path), path: e.path })));
      setPhase('previewing');
      importingRef.current = true;
      try {
        const got = await previewFiles(
          entries.map((e) => e.path),
          entries.map((e) => e.shopId),
        );
        requestRef.current = entries.map(() => 0);
        setPreviews(
          entries.map((e, i) => ({ path: e.path, name: baseName(e.path), shopId: e.shopId, pending: false, preview: got[i] ?? failedPreview(e.path, t('import.failed')) })),
        );
        setPhase('preview');
      } catch (err) {
        setRunError(errorText(err, t('import.failed')));
        setPhase('done');
      } finally {
        importingRef.current = false;
        // a new drop during the preview starts over with the new files
        busyRef.current = false;
      }
    },
    [t],
  );

  // Previews the entries at these indexes again, each with the shop its entry holds now.
  const previewAgain = useCallback(
    async (list: PreviewEntry[], indexes: number[]) => {
      await Promise.all(
        indexes.map(async (i) => {
          const e = list[i];
          const seq = (requestRef.current[i] = (requestRef.current[i] ?? 0) + 1);
          let next: PreviewEntry;
          try {
            const [p] = await previewFiles([e.path], [e.shopId]);
            next = { ...e, pending: false, preview: p ?? failedPreview(e.path, t('import.failed')) };
          } catch (err) {
            next = { ...e, pending: false, preview: failedPreview(e.path, errorText(err, t('import.failed'))) };
          }
          if (requestRef.current[i] !== seq) return; // a newer pick is on its way
          setPreviews((cur) => cur.map((c, k) => (k === i && c.path === e.path ? next : c)));
        }),
      );
    },
    [t],
  );

  const pickShopFor = useCallback(
    (index: number, shopId: number) => {
      const { entries, again } = pickShop(previewsRef.current, index, shopId);
      previewsRef.current = entries;
      setPreviews(entries);
      void previewAgain(entries, again);
    },
    [previewAgain],
  );

  // The shop list changed while files wait for confirmation (a shop made on the preview,
  // or renamed, merged, deleted): the files whose shop was not read from the file are
  // previewed again, so the preview says what the import will do.
  const shopsKey = shops.map((s) => `${s.id}:${s.name}`).join(',');
  const lastShopsKey = useRef(shopsKey);
  useEffect(() => {
    if (lastShopsKey.current === shopsKey) return;
    lastShopsKey.current = shopsKey;
    if (phase !== 'preview') return;
    const list = previewsRef.current;
    const again = affectedByShops(list);
    if (again.length === 0) return;
    const entries = list.map((e, i) => (again.includes(i) ? { ...e, pending: true } : e));
    previewsRef.current = entries;
    setPreviews(entries);
    void previewAgain(entries, again);
  }, [shopsKey, phase, previewAgain]);

  const confirmImport = useCallback(async () => {
    const req = importRequest(previewsRef.current);
    if (!req || req.paths.length === 0 || busyRef.current) return;
    begin(req.paths.map((p) => ({ name: baseName(p), path: p })), 'importing');
    await run(req.paths, req.shopIds);
  }, [begin, run]);

  const cancelPreview = useCallback(() => {
    setPreviews([]);
    setPhase('idle');
  }, []);

  const rePreview = useCallback(async () => {
    const entries = previewsRef.current.map((e) => ({ path: e.path, shopId: e.shopId }));
    if (entries.length === 0 || busyRef.current) return;
    begin(entries.map((e) => ({ name: baseName(e.path), path: e.path })), 'previewing');
    await preview(entries);
  }, [begin, preview]);

  const guardBusy = useCallback(() => {
    if (busyRef.current) {
      message.warning(t('import.busy'));
      return true;
    }
    return false;
  }, [message, t]);

  const importPaths = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0 || guardBusy()) return;
      begin(paths.map((p) => ({ name: baseName(p), path: p })), 'previewing');
      await preview(paths.map((path) => ({ path, shopId: 0 })));
    },
    [begin, guardBusy, preview],
  );

  const previewNeedShop = useCallback(() => importPaths(needShopPaths), [importPaths, needShopPaths]);

  const uploadAndImport = useCallback(
    async (list: File[]) => {
      if (list.length === 0 || guardBusy()) return;
      begin(list.map((f) => ({ name: f.name, path: '' })), 'uploading');
      let paths: string[];
      try {
        paths = await uploadFiles(list, t('import.uploadFailed'));
      } catch (err) {
        setRunError(errorText(err, t('import.uploadFailed')));
        busyRef.current = false;
        setPhase('done');
        return;
      }
      await preview(paths.map((path) => ({ path, shopId: 0 })));
    },
    [begin, guardBusy, preview, t],
  );

  uploadRef.current = uploadAndImport;

  const pickAndImport = useCallback(async () => {
    if (guardBusy()) return;
    let paths: string[];
    try {
      paths = await pickFiles();
    } catch (err) {
      message.error(errorText(err, t('import.pickFailed')));
      return;
    }
    await importPaths(paths);
  }, [guardBusy, importPaths, message, t]);

  // Progress events of the running ImportFiles / PreviewFiles call of the whole run. A
  // "waiting" report names its file: one for another window's files (a second browser tab
  // importing) is not ours.
  const filesRef = useRef(files);
  filesRef.current = files;
  useEffect(
    () =>
      onImportProgress((p) => {
        if (!importingRef.current || !p || typeof p.index !== 'number') return;
        if (p.waiting && filesRef.current[p.index]?.name !== p.file) return;
        setProgress((prev) => ({ ...prev, [p.index]: p }));
      }),
    [],
  );

  // Desktop: a file dropped anywhere on the window is imported (registered once).
  const importPathsRef = useRef(importPaths);
  importPathsRef.current = importPaths;
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  useEffect(() => {
    if (isBrowser()) return;
    return onNativeFileDrop((paths) => {
      if (paths.length === 0) return;
      navigateRef.current('import');
      void importPathsRef.current(paths);
    });
  }, []);

  // Browser: a file dropped outside the drop zone must not make the browser open it; import it instead.
  useEffect(() => {
    if (!isBrowser()) return;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      navigateRef.current('import');
      void uploadRef.current(files);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const value = useMemo<ImportState>(
    () => ({
      phase,
      busy: phase === 'uploading' || phase === 'previewing' || phase === 'importing',
      files,
      progress,
      results,
      runError,
      needShopPaths,
      historyVersion,
      importPaths,
      uploadAndImport,
      pickAndImport,
      previews,
      pickShop: pickShopFor,
      confirmImport,
      cancelPreview,
      rePreview,
      previewNeedShop,
    }),
    [phase, files, progress, results, runError, needShopPaths, historyVersion, importPaths, uploadAndImport, pickAndImport, previews, pickShopFor, confirmImport, cancelPreview, rePreview, previewNeedShop],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useImport(): ImportState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useImport outside ImportProvider');
  return v;
}

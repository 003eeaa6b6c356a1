import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { importFiles, pickFiles, previewFiles, type FileResult, type ImportProgress, type Preview } from '../api/imports';
import { onImportProgress, onNativeFileDrop } from '../api/events';
import { uploadFiles } from '../api/upload';
import { errorText } from '../api/errors';
import { isBrowser } from '../api/mode';
import { baseName } from '../lib/domain';
import { useAppData } from './AppData';
import { mergeRetry, needShopPaths as needShopPathsOf } from '../pages/import/results';

// The import run lives above the pages: in the desktop window a file dropped anywhere
// (on any page) starts an import, and the import page shows its progress and results.
// Every run is previewed first (a dry run: platform, format, shop, counts, first rows);
// the seller confirms, then the files import.

export type ImportPhase = 'idle' | 'uploading' | 'previewing' | 'preview' | 'importing' | 'done';

export interface RunFile {
  name: string;
  path: string; // '' while a browser upload is still being sent
}

interface ImportState {
  /** 0 = take the shop from the file. */
  shopId: number;
  setShopId: (id: number) => void;
  phase: ImportPhase;
  busy: boolean;
  files: RunFile[];
  progress: Record<number, ImportProgress>;
  results: FileResult[];
  /** The whole call failed (upload refused, service error): shown above the results. */
  runError: string | null;
  /** Files that said need_shop: 重试 imports them again with the chosen shop. */
  needShopPaths: string[];
  /** Bumped after every run so the history table reloads. */
  historyVersion: number;
  /** The dry run of the dropped files, waiting for 确认导入 (phase 'preview'). */
  previews: Preview[];
  confirmImport: () => Promise<void>;
  cancelPreview: () => void;
  /** Previews the same files again, e.g. after choosing the shop for files that need one. */
  rePreview: () => Promise<void>;
  importPaths: (paths: string[]) => Promise<void>;
  uploadAndImport: (files: File[]) => Promise<void>;
  pickAndImport: () => Promise<void>;
  retryNeedShop: () => Promise<void>;
}

const Ctx = createContext<ImportState | null>(null);

export function ImportProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const { refresh, navigate } = useAppData();

  const [shopId, setShopId] = useState(0);
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [files, setFiles] = useState<RunFile[]>([]);
  const [progress, setProgress] = useState<Record<number, ImportProgress>>({});
  const [results, setResults] = useState<FileResult[]>([]);
  const [runError, setRunError] = useState<string | null>(null);
  const [needShopPaths, setNeedShopPaths] = useState<string[]>([]);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [previews, setPreviews] = useState<Preview[]>([]);
  const [previewPaths, setPreviewPaths] = useState<string[]>([]);

  const busyRef = useRef(false);
  const uploadRef = useRef<(files: File[]) => Promise<void>>(async () => {});
  const importingRef = useRef(false);
  const shopIdRef = useRef(shopId);
  shopIdRef.current = shopId;

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

  // Runs ImportFiles on paths Go can read; begin() must have been called.
  // merge: a retry replaces only the retried files' results in the previous list.
  const run = useCallback(
    async (paths: string[], forShop: number, merge: FileResult[] | null = null) => {
      setFiles(paths.map((p) => ({ name: baseName(p), path: p })));
      setPhase('importing');
      importingRef.current = true;
      try {
        const res = await importFiles(paths, forShop);
        setResults(merge ? mergeRetry(merge, paths, res) : res);
        setNeedShopPaths(needShopPathsOf(res, paths));
        const ok = res.filter((r) => !r.error && !r.duplicate);
        if (ok.length > 0) {
          const added = ok.reduce((n, r) => n + (r.new || 0), 0);
          const updated = ok.reduce((n, r) => n + (r.updated || 0), 0);
          message.success(t('import.doneSummary', { files: ok.length, added, updated }));
        }
      } catch (err) {
        setRunError(errorText(err, t('import.failed')));
        if (merge) {
          // keep what the user saw, so 重试 can be pressed again
          setResults(merge);
          setNeedShopPaths(paths);
        }
      } finally {
        await finish();
      }
    },
    [finish, message, t],
  );

  // Dry-runs paths and waits for the seller's confirmation; begin() must have been called.
  const preview = useCallback(
    async (paths: string[], forShop: number) => {
      setFiles(paths.map((p) => ({ name: baseName(p), path: p })));
      setPhase('previewing');
      importingRef.current = true;
      try {
        setPreviews(await previewFiles(paths, forShop));
        setPreviewPaths(paths);
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

  const confirmImport = useCallback(async () => {
    const paths = previews.filter((p) => !p.result.error && !p.result.duplicate).map((p) => p.result.path);
    if (paths.length === 0 || busyRef.current) return;
    begin(paths.map((p) => ({ name: baseName(p), path: p })), 'importing');
    await run(paths, shopIdRef.current);
  }, [begin, previews, run]);

  const cancelPreview = useCallback(() => {
    setPreviews([]);
    setPreviewPaths([]);
    setPhase('idle');
  }, []);

  const rePreview = useCallback(async () => {
    if (previewPaths.length === 0 || busyRef.current) return;
    const paths = previewPaths;
    begin(paths.map((p) => ({ name: baseName(p), path: p })), 'previewing');
    await preview(paths, shopIdRef.current);
  }, [begin, preview, previewPaths]);

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
      await preview(paths, shopIdRef.current);
    },
    [begin, guardBusy, preview],
  );

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
      await preview(paths, shopIdRef.current);
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

  const retryNeedShop = useCallback(async () => {
    const paths = needShopPaths;
    if (paths.length === 0 || guardBusy()) return;
    const previous = results;
    begin(paths.map((p) => ({ name: baseName(p), path: p })), 'importing');
    await run(paths, shopIdRef.current, previous);
  }, [begin, guardBusy, needShopPaths, results, run]);

  // Progress events of the running ImportFiles call. A "waiting" report names its file:
  // one for another window's files (a second browser tab importing) is not ours.
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
      shopId,
      setShopId,
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
      retryNeedShop,
      previews,
      confirmImport,
      cancelPreview,
      rePreview,
    }),
    [shopId, phase, files, progress, results, runError, needShopPaths, historyVersion, importPaths, uploadAndImport, pickAndImport, retryNeedShop, previews, confirmImport, cancelPreview, rePreview],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useImport(): ImportState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useImport outside ImportProvider');
  return v;
}

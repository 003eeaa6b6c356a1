import { useEffect, useRef, useState } from 'react';
import { onFilesOpened } from '../api/events';
import { isBrowser } from '../api/mode';
import { takeOpenedFiles } from '../api/system';
import { useAppData } from './AppData';
import { useImport } from './ImportState';

/**
 * Desktop: files handed to the window from outside (a file on the command line, or a second
 * start of the app with files, which the single instance lock brings here) go the way of a
 * drop: the import page previews them and the seller confirms. Files that arrive while an
 * import runs wait for it to finish.
 */
export function OpenedFiles() {
  const imp = useImport();
  const { navigate } = useAppData();
  const [pending, setPending] = useState<string[]>([]);
  const importPaths = useRef(imp.importPaths);
  importPaths.current = imp.importPaths;

  useEffect(() => {
    if (isBrowser()) return;
    const take = async () => {
      try {
        const paths = await takeOpenedFiles();
        if (paths.length > 0) setPending((prev) => [...prev, ...paths]);
      } catch {
        // the window is closing, or Go is not there (tests): nothing to take
      }
    };
    void take(); // those of the first start came before this page listened
    return onFilesOpened(() => void take());
  }, []);

  useEffect(() => {
    if (pending.length === 0 || imp.busy) return;
    const paths = pending;
    setPending([]);
    navigate('import');
    void importPaths.current(paths);
  }, [pending, imp.busy, navigate]);

  return null;
}

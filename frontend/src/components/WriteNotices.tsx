/*
 * App-wide notices of the database's writers (issue 15 §3, §4):
 *   - a change the seller asked for (a setting, an undo, a restore) that waits for another
 *     write (an import) shows "等待另一个导入完成：…" until it can run;
 *   - when the database was replaced by a backup (here or in another window), every page
 *     reloads: what it shows is from before.
 *
 * data-testid: write-waiting (the notice while waiting)
 */
import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { onWriteWaiting } from '../api/events';
import { onRestored } from '../api/backup';

export function WriteNotices() {
  const { message } = App.useApp();
  const { t } = useTranslation();

  useEffect(
    () =>
      onWriteWaiting((w) => {
        const key = `write-waiting-${w.id}`;
        if (w.done) {
          message.destroy(key);
          return;
        }
        message.loading({ key, content: <span data-testid="write-waiting">{w.text}</span>, duration: 0 });
      }),
    [message],
  );

  useEffect(
    () =>
      onRestored((r) => {
        message.success({ key: 'restored', content: t('backup.restored', { time: r.from.time }), duration: 0 });
        // A moment to read it, then every page shows the restored data.
        window.setTimeout(() => window.location.reload(), 1500);
      }),
    [message, t],
  );

  return null;
}

/*
 * 设置 → 备份 (issue 15 §4): the backups of the database with restore, back up now, the
 * folder (desktop window only: a browser cannot name folders of this PC) and how many
 * automatic backups to keep (settings backup_keep_daily, backup_keep_weekly).
 *
 * data-testid:
 *   settings-backup            the card
 *   backup-now                 立即备份
 *   backup-folder              the folder in force; backup-folder-change, backup-folder-reset
 *   setting-backup_keep_daily, setting-backup_keep_weekly, backup-keep-save
 *   backup-row                 one per backup (data-kind, data-name); backup-restore its 恢复
 *   backup-restore-confirm     恢复 in the confirmation
 *   backup-empty, backup-folder-error, backup-last-error
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, InputNumber, Skeleton, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  KEEP_DAILY_KEY,
  KEEP_WEEKLY_KEY,
  backupNow,
  backupStatus,
  onBackupsChanged,
  pickBackupFolder,
  restoreBackup,
  setBackupFolder,
  type Backup,
  type BackupStatus,
} from '../../api/backup';
import { listSettings, saveSettings, type Setting } from '../../api/settings';
import { errorText } from '../../api/errors';
import { isBrowser } from '../../api/mode';

const KIND_COLORS: Record<string, string> = { daily: 'blue', import: 'cyan', migration: 'purple', manual: 'green', restore: 'orange' };

/** A size for people: 12.3 MB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function KeepCounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<Setting[] | null>(null);
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    listSettings().then(setList, () => setList([]));
  }, []);
  const keys = [KEEP_DAILY_KEY, KEEP_WEEKLY_KEY];
  const settings = keys.map((k) => list?.find((s) => s.key === k));
  if (!list || settings.some((s) => !s)) return null;
  const changes = Object.fromEntries(
    settings.flatMap((s) => (draft[s!.key] != null && draft[s!.key] !== s!.value ? [[s!.key, draft[s!.key] as number]] : [])),
  );
  const save = async () => {
    setSaving(true);
    try {
      setList(await saveSettings(changes));
      setDraft({});
      message.success(t('backup.keep.saved'));
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('settings.saveFailed'))}</span>, duration: 8 });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex align="center" gap={12} wrap>
      <div style={{ flex: 1, minWidth: 260 }}>
        <div>{t('backup.keep.label')}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('backup.keep.help')}
        </Typography.Text>
      </div>
      {settings.map((s, i) => (
        <Flex key={s!.key} align="center" gap={6}>
          <span className="sd-nowrap">{t(i === 0 ? 'backup.keep.daily' : 'backup.keep.weekly')}</span>
          <InputNumber<number>
            data-testid={`setting-${s!.key}`}
            style={{ width: 110 }}
            value={draft[s!.key] ?? s!.value}
            min={s!.min}
            max={s!.max}
            precision={0}
            suffix={t(i === 0 ? 'backup.keep.dailyUnit' : 'backup.keep.weeklyUnit')}
            onChange={(v) => setDraft((d) => ({ ...d, [s!.key]: v }))}
          />
        </Flex>
      ))}
      <Button data-testid="backup-keep-save" disabled={Object.keys(changes).length === 0} loading={saving} onClick={() => void save()}>
        {t('backup.keep.save')}
      </Button>
    </Flex>
  );
}

export function BackupPanel() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'backup' | 'folder' | 'restore' | null>(null);
  const browser = isBrowser();

  const load = useCallback(async () => {
    try {
      setStatus(await backupStatus());
      setError(null);
    } catch (err) {
      setError(errorText(err, t('backup.loadFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
    return onBackupsChanged(() => void load());
  }, [load]);

  const act = async (what: 'backup' | 'folder' | 'restore', fn: () => Promise<unknown>, failed: string) => {
    setBusy(what);
    try {
      await fn();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, failed)}</span>, duration: 10 });
    } finally {
      setBusy(null);
      void load();
    }
  };

  const doBackup = () =>
    act(
      'backup',
      async () => {
        const b = await backupNow();
        message.success(t('backup.made', { name: b.name }));
      },
      t('backup.failed'),
    );

  const changeFolder = (dir: string | null) =>
    act(
      'folder',
      async () => {
        const chosen = dir ?? (await pickBackupFolder());
        if (dir === null && !chosen) return; // the dialog was canceled
        setStatus(await setBackupFolder(chosen));
        message.success(t('backup.folder.saved'));
      },
      t('settings.saveFailed'),
    );

  const confirmRestore = (b: Backup) =>
    modal.confirm({
      title: t('backup.restore.title', { time: b.time }),
      content: t('backup.restore.body'),
      okText: t('backup.restore.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'backup-restore-confirm' } as object) },
      width: 480,
      onOk: () => act('restore', () => restoreBackup(b.name), t('backup.restore.failed')),
    });

  const isDefault = status ? status.dir === status.defaultDir : true;

  return (
    <Card
      title={t('backup.title')}
      data-testid="settings-backup"
      extra={
        <Button type="primary" icon={<CloudDownloadOutlined />} data-testid="backup-now" loading={busy === 'backup'} disabled={busy !== null} onClick={() => void doBackup()}>
          {t('backup.now')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('backup.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />}
      {!status && !error && <Skeleton active />}
      {status && (
        <Flex vertical gap={16}>
          {status.folderError && <Alert type="error" showIcon data-testid="backup-folder-error" title={<span className="sd-error-text">{status.folderError}</span>} />}
          {status.lastError && (
            <Alert
              type="warning"
              showIcon
              data-testid="backup-last-error"
              title={<span className="sd-error-text">{t('backup.lastError', { time: status.lastErrorAt, error: status.lastError })}</span>}
            />
          )}
          <Flex align="center" gap={12} wrap>
            <div style={{ flex: 1, minWidth: 260 }}>
              <div>
                {t('backup.folder.label')}
                {isDefault && (
                  <Tag style={{ marginInlineStart: 8 }} color="default">
                    {t('backup.folder.default')}
                  </Tag>
                )}
              </div>
              <Typography.Text code data-testid="backup-folder" style={{ wordBreak: 'break-all' }}>
                {status.dir}
              </Typography.Text>
              {browser && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('backup.folder.browserOnly')}
                </Typography.Text>
              )}
            </div>
            {!browser && (
              <Flex gap={8}>
                <Button icon={<FolderOpenOutlined />} data-testid="backup-folder-change" loading={busy === 'folder'} disabled={busy !== null} onClick={() => void changeFolder(null)}>
                  {t('backup.folder.change')}
                </Button>
                {!isDefault && (
                  <Button data-testid="backup-folder-reset" disabled={busy !== null} onClick={() => void changeFolder('')}>
                    {t('backup.folder.reset')}
                  </Button>
                )}
              </Flex>
            )}
          </Flex>
          <KeepCounts />
          {status.backups.length === 0 ? (
            <Typography.Text type="secondary" data-testid="backup-empty">
              {t('backup.empty')}
            </Typography.Text>
          ) : (
            <Table<Backup>
              size="small"
              rowKey="name"
              dataSource={status.backups}
              pagination={status.backups.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              onRow={(b) => ({ 'data-testid': 'backup-row', 'data-kind': b.kind, 'data-name': b.name }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'time', title: t('backup.col.time'), dataIndex: 'time', render: (v: string) => <span className="sd-nowrap">{v}</span> },
                {
                  key: 'kind',
                  title: t('backup.col.kind'),
                  dataIndex: 'kind',
                  render: (k: string) => <Tag color={KIND_COLORS[k]}>{t(`backup.kind.${k}`)}</Tag>,
                },
                { key: 'size', title: t('backup.col.size'), dataIndex: 'size', align: 'right', render: (n: number) => <span className="sd-nowrap">{sizeText(n)}</span> },
                {
                  key: 'actions',
                  title: t('backup.col.actions'),
                  align: 'right',
                  render: (_: unknown, b: Backup) => (
                    <Button size="small" data-testid="backup-restore" disabled={busy !== null} loading={busy === 'restore'} onClick={() => confirmRestore(b)}>
                      {t('backup.restore.button')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}

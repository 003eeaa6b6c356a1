/*
 * 设置 → 隐私与浏览器模式: whether Excel exports hide buyers (on by default) and the largest
 * file `shopdesk serve` accepts by upload. Both are settings of internal/settings (keys
 * export_mask_buyers, upload_max_mb), saved through the same service as the thresholds.
 *
 * data-testid:
 *   settings-privacy                 the card
 *   setting-export_mask_buyers       the switch (saves at once)
 *   setting-upload_max_mb            the limit in MB; settings-privacy-save its 保存
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSettings, saveSettings, type Setting } from '../../api/settings';
import { UPLOAD_LIMIT_KEY } from '../../api/upload';
import { errorText } from '../../api/errors';

const MASK_KEY = 'export_mask_buyers';

export function PrivacyPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<Setting[] | null>(null);
  const [limit, setLimit] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await listSettings());
      setError(null);
    } catch (err) {
      setError(errorText(err, t('settings.loadFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const get = (key: string) => list?.find((s) => s.key === key);
  const mask = get(MASK_KEY);
  const upload = get(UPLOAD_LIMIT_KEY);

  const save = async (values: Record<string, number>, done: string) => {
    setSaving(true);
    try {
      setList(await saveSettings(values));
      setLimit(null);
      message.success(done);
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('settings.saveFailed'))}</span>, duration: 8 });
    } finally {
      setSaving(false);
    }
  };

  const shownLimit = limit ?? upload?.value ?? null;
  const limitDirty = limit !== null && upload !== undefined && limit !== upload.value;

  return (
    <Card title={t('privacy.title')} data-testid="settings-privacy">
      {error && <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />}
      {!list && !error && <Skeleton active />}
      {list && mask && upload && (
        <Flex vertical gap={16}>
          <Flex align="center" gap={12}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div>{t('privacy.mask.label')}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('privacy.mask.help')}
              </Typography.Text>
            </div>
            <Switch
              data-testid={`setting-${MASK_KEY}`}
              checked={mask.value !== 0}
              loading={saving}
              onChange={(on) => void save({ [MASK_KEY]: on ? 1 : 0 }, t(on ? 'privacy.mask.on' : 'privacy.mask.off'))}
            />
          </Flex>
          <Flex align="center" gap={12}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div>{t('privacy.upload.label')}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('privacy.upload.help')}
              </Typography.Text>
            </div>
            <InputNumber<number>
              data-testid={`setting-${UPLOAD_LIMIT_KEY}`}
              style={{ width: 150 }}
              value={shownLimit}
              min={upload.min}
              max={upload.max}
              step={upload.step}
              precision={0}
              suffix="MB"
              onChange={(v) => setLimit(v)}
              onPressEnter={() => limitDirty && void save({ [UPLOAD_LIMIT_KEY]: limit! }, t('privacy.saved'))}
            />
            <Button data-testid="settings-privacy-save" disabled={!limitDirty} loading={saving} onClick={() => void save({ [UPLOAD_LIMIT_KEY]: limit! }, t('privacy.saved'))}>
              {t('privacy.upload.save')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

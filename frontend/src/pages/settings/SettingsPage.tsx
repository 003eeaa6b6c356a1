/*
 * 设置 Settings: the thresholds of the order anomaly rules (every number a default the user
 * can change) and the staff list.
 *
 * data-testid:
 *   settings-page           page root
 *   settings-thresholds     the thresholds card; setting-<key> each InputNumber (yuan for money)
 *   settings-save           保存; settings-reset 恢复默认 (asks first)
 *   (staff: see StaffPanel; privacy and the upload limit: see PrivacyPanel; backups: see BackupPanel)
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, InputNumber, Popconfirm, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSettings, saveSettings, type Setting } from '../../api/settings';
import { errorText } from '../../api/errors';
import { StaffPanel } from './StaffPanel';
import { PrivacyPanel } from './PrivacyPanel';
import { BackupPanel } from './BackupPanel';

/** Shown value <-> stored value: money is edited in yuan and stored in fen. */
export function toShown(s: Pick<Setting, 'unit'>, v: number): number {
  return s.unit === 'fen' ? v / 100 : v;
}
export function toStored(s: Pick<Setting, 'unit'>, v: number): number {
  return s.unit === 'fen' ? Math.round(v * 100) : v;
}

const GROUPS = ['overdue_shipment', 'logistics_stalled', 'unpaid', 'big_order', 'complaint', ''] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<Setting[] | null>(null);
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const l = await listSettings();
      setList(l);
      setDraft({});
      setError(null);
    } catch (err) {
      setError(errorText(err, t('settings.loadFailed')));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const changes = useMemo(() => {
    const out: Record<string, number> = {};
    for (const s of list ?? []) {
      const d = draft[s.key];
      if (d !== undefined && d !== null && toStored(s, d) !== s.value) out[s.key] = toStored(s, d);
    }
    return out;
  }, [draft, list]);
  const dirty = Object.keys(changes).length > 0;
  const blank = Object.values(draft).some((v) => v === null);

  const save = async (values: Record<string, number>, done: string) => {
    setSaving(true);
    try {
      setList(await saveSettings(values));
      setDraft({});
      message.success(done);
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('settings.saveFailed'))}</span>, duration: 8 });
    } finally {
      setSaving(false);
    }
  };

  // the thresholds of the rules only: the privacy card (PrivacyPanel) keeps its own
  const thresholds = (list ?? []).filter((s) => (GROUPS as readonly string[]).includes(s.rule));
  const defaults = Object.fromEntries(thresholds.map((s) => [s.key, s.default]));

  return (
    <div data-testid="settings-page">
      <Card
        title={t('settings.thresholds.title')}
        data-testid="settings-thresholds"
        extra={
          <Flex gap={8}>
            <Popconfirm
              title={t('settings.thresholds.resetTitle')}
              description={t('settings.thresholds.resetBody')}
              okText={t('settings.thresholds.resetOk')}
              cancelText={t('common.cancel')}
              onConfirm={() => save(defaults, t('settings.thresholds.resetDone'))}
              okButtonProps={{ ...({ 'data-testid': 'settings-reset-confirm' } as object) }}
            >
              <Button data-testid="settings-reset" disabled={saving || !list || thresholds.every((s) => s.value === s.default)}>
                {t('settings.thresholds.reset')}
              </Button>
            </Popconfirm>
            <Button type="primary" data-testid="settings-save" disabled={!dirty || blank} loading={saving} onClick={() => void save(changes, t('settings.thresholds.saved'))}>
              {t('settings.thresholds.save')}
            </Button>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('settings.thresholds.intro')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={<span className="sd-error-text">{error}</span>} />}
        {!list && !error && <Skeleton active />}
        {list && (
          <Flex vertical gap={16}>
            {GROUPS.map((g) => {
              const items = list.filter((s) => s.rule === g);
              if (items.length === 0) return null;
              return (
                <div key={g || 'general'}>
                  <Typography.Text strong>{t(`settings.group.${g || 'general'}`)}</Typography.Text>
                  <Row gutter={[16, 8]} style={{ marginTop: 6 }}>
                    {items.map((s) => {
                      const shown = draft[s.key] !== undefined ? draft[s.key] : toShown(s, s.value);
                      const changedFromDefault = s.value !== s.default;
                      return (
                        <Col key={s.key} xs={24} lg={12}>
                          <Flex align="center" gap={12} style={{ minHeight: 40 }}>
                            <div style={{ flex: 1, minWidth: 0 }}>
                              <div>{t(`settings.key.${s.key}.label`)}</div>
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {t(`settings.key.${s.key}.help`)}
                                {changedFromDefault && (
                                  <Tag style={{ marginInlineStart: 6 }} color="blue">
                                    {t('settings.thresholds.default', { value: toShown(s, s.default) })}
                                  </Tag>
                                )}
                              </Typography.Text>
                            </div>
                            <InputNumber<number>
                              data-testid={`setting-${s.key}`}
                              style={{ width: 150 }}
                              value={shown}
                              min={toShown(s, s.min)}
                              max={toShown(s, s.max)}
                              step={s.unit === 'fen' ? 1 : s.step}
                              precision={s.unit === 'fen' ? 2 : s.step < 1 ? 1 : 0}
                              onChange={(v) => setDraft((d) => ({ ...d, [s.key]: v }))}
                              suffix={t(`settings.unit.${s.unit || 'none'}`)}
                              onPressEnter={() => dirty && !blank && void save(changes, t('settings.thresholds.saved'))}
                            />
                          </Flex>
                        </Col>
                      );
                    })}
                  </Row>
                </div>
              );
            })}
          </Flex>
        )}
      </Card>
      <div style={{ marginTop: 16 }}>
        <StaffPanel />
      </div>
      <div style={{ marginTop: 16 }}>
        <PrivacyPanel />
      </div>
      <div style={{ marginTop: 16 }}>
        <BackupPanel />
      </div>
    </div>
  );
}

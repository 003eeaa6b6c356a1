/*
 * 库存计算设置: the numbers the stock figures use (设置 keys of the group "stock"), each a
 * default the seller can change. Saving recomputes the sheet (StockService.List does when
 * the settings changed).
 *
 * data-testid:
 *   stock-settings-modal     the modal's content;  stock-setting-<key>  each InputNumber
 *   stock-settings-save      保存;  stock-settings-reset  恢复默认
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSettings, saveSettings, type Setting } from '../../api/settings';
import { errorText } from '../../api/errors';

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export function StockSettingsModal({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [list, setList] = useState<Setting[]>([]);
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setDraft({});
    setError(null);
    listSettings()
      .then((l) => setList(l.filter((s) => s.rule === 'stock')))
      .catch((err) => setError(errorText(err, t('stock.loadFailed'))));
  }, [open, t]);

  const save = async (values: Record<string, number>) => {
    setSaving(true);
    try {
      await saveSettings(values);
      message.success(t('stock.settingsModal.saved'));
      onSaved();
      onClose();
    } catch (err) {
      setError(errorText(err, t('stock.saveFailed')));
    } finally {
      setSaving(false);
    }
  };

  const changes: Record<string, number> = {};
  for (const s of list) {
    const d = draft[s.key];
    if (d !== undefined && d !== null && d !== s.value) changes[s.key] = d;
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('stock.settingsModal.title')} width={640} footer={null} destroyOnHidden>
      <div data-testid="stock-settings-modal">
        <Typography.Paragraph type="secondary">{t('stock.settingsModal.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 10 }} title={<span className="sd-error-text">{error}</span>} />}
        <Flex vertical gap={8}>
          {list.map((s) => (
            <Flex key={s.key} align="center" gap={12}>
              <div style={{ flex: 1 }}>
                {t(`stock.settingsModal.key.${s.key}`)}
                {s.value !== s.default && (
                  <Tag style={{ marginInlineStart: 6 }} color="blue">
                    {t('stock.settingsModal.default', { value: s.default })}
                  </Tag>
                )}
              </div>
              <InputNumber<number>
                data-testid={`stock-setting-${s.key}`}
                style={{ width: 130 }}
                min={s.min}
                max={s.max}
                step={s.step}
                precision={0}
                value={draft[s.key] !== undefined ? draft[s.key] : s.value}
                onChange={(v) => setDraft((d) => ({ ...d, [s.key]: v }))}
                suffix={s.unit === 'percent' ? '%' : t(`stock.settingsModal.unit.${s.unit}`, { defaultValue: '' })}
              />
            </Flex>
          ))}
        </Flex>
        <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
          <Button
            data-testid="stock-settings-reset"
            disabled={saving || list.every((s) => s.value === s.default)}
            onClick={() => void save(Object.fromEntries(list.map((s) => [s.key, s.default])))}
          >
            {t('stock.settingsModal.reset')}
          </Button>
          <Button type="primary" data-testid="stock-settings-save" disabled={Object.keys(changes).length === 0} loading={saving} onClick={() => void save(changes)}>
            {t('stock.settingsModal.save')}
          </Button>
        </Flex>
      </div>
    </Modal>
  );
}

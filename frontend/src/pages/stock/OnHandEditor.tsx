/*
 * On hand, edited in place: the value opens a small form (the new count and why); saving
 * records an adjustment by the difference, and the message offers to take it back.
 *
 * data-testid:
 *   stock-on-hand           the value (click to edit; data-known="false" before any stock record)
 *   stock-edit              the form;  stock-edit-value  InputNumber;  stock-edit-reason  Input
 *   stock-edit-save         保存;  stock-edit-undo  撤销 in the message after saving
 */
import { useState } from 'react';
import { App, Button, Flex, Input, InputNumber, Popover, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setOnHand, undoMove, type StockRow } from '../../api/stock';
import { errorText } from '../../api/errors';
import { savedActor } from '../anomalies/logic';
import { signed } from './format';

interface Props {
  row: StockRow;
  onSaved: () => void;
}

export function OnHandEditor({ row, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(row.onHand);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  const show = (o: boolean) => {
    setOpen(o);
    if (o) {
      setValue(row.known ? row.onHand : null);
      setReason('');
      setTried(false);
    }
  };

  const save = async () => {
    setTried(true);
    if (value === null || !reason.trim()) return;
    setSaving(true);
    try {
      const e = await setOnHand(row.id, value, reason.trim(), savedActor());
      setOpen(false);
      onSaved();
      const key = `stock-edit-${e.moveId}`;
      message.success({
        key,
        duration: 8,
        content: (
          <span>
            {t('stock.edit.saved', { code: row.code, value, diff: signed(e.qty) })}{' '}
            <Button
              type="link"
              size="small"
              data-testid="stock-edit-undo"
              onClick={async () => {
                try {
                  await undoMove(e.moveId, savedActor());
                  message.success({ key, content: t('stock.edit.undone') });
                  onSaved();
                } catch (err) {
                  message.error({ key, content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span> });
                }
              }}
            >
              {t('stock.edit.undo')}
            </Button>
          </span>
        ),
      });
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    } finally {
      setSaving(false);
    }
  };

  const form = (
    <Flex vertical gap={8} style={{ width: 240 }} data-testid="stock-edit" onClick={(e) => e.stopPropagation()}>
      <InputNumber<number>
        data-testid="stock-edit-value"
        autoFocus
        precision={0}
        style={{ width: '100%' }}
        prefix={t('stock.edit.value')}
        value={value}
        onChange={setValue}
        onPressEnter={() => void save()}
      />
      <Input
        data-testid="stock-edit-reason"
        maxLength={200}
        placeholder={t('stock.edit.reasonPlaceholder')}
        status={tried && !reason.trim() ? 'error' : undefined}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={() => void save()}
      />
      {tried && !reason.trim() && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('stock.edit.reasonRequired')}
        </Typography.Text>
      )}
      <Flex justify="flex-end" gap={8}>
        <Button size="small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button size="small" type="primary" data-testid="stock-edit-save" loading={saving} onClick={() => void save()}>
          {t('stock.edit.save')}
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <Popover open={open} onOpenChange={show} trigger="click" title={`${t('stock.edit.title')} · ${row.code}`} content={form} destroyOnHidden>
      <Tooltip title={row.known ? t('stock.edit.hint') : t('stock.unknownHelp')}>
        <Typography.Link
          data-testid="stock-on-hand"
          data-known={row.known ? 'true' : 'false'}
          className="sd-nowrap"
          onClick={(e) => e.stopPropagation()}
          style={{ color: row.onHand <= 0 ? undefined : 'inherit', borderBottom: '1px dashed currentColor' }}
          type={row.onHand <= 0 ? 'danger' : undefined}
        >
          {row.known ? row.onHand : t('stock.unknown')}
        </Typography.Link>
      </Tooltip>
    </Popover>
  );
}

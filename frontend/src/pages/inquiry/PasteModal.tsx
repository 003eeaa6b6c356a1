/*
 * Paste rows copied from Excel: the block is checked by the Go side first (nothing is
 * written) and the preview shows what will be added, every refused cell (row, column,
 * value, in Chinese) and the list entries it would create. Adding is all or nothing.
 *
 * data-testid: paste-modal, paste-text, paste-check, paste-summary, paste-error (each),
 * paste-row (each previewed row), paste-add.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addPasted, previewPaste, type Inquiry, type PasteDefaults, type PastePreview } from '../../api/inquiry';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { outcomeColor } from './domain';
import type { DraftRow } from './logic';
import type { Refs } from './useRefs';

const SHOWN = 100;

interface Props {
  text: string | null; // null: closed
  defaults: DraftRow;
  refs: Refs;
  onClose: () => void;
  onAdded: () => void;
}

export function PasteModal({ text, defaults, refs, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState('');
  const [preview, setPreview] = useState<PastePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const d: PasteDefaults = useMemo(
    () => ({ askedOn: defaults.askedOn, agentId: refs.staffId(defaults.agent) ?? 0, channel: defaults.channel, shopId: refs.shopId(defaults.shop) ?? 0 }),
    [defaults, refs],
  );

  const check = async (v: string) => {
    setBusy(true);
    setError(null);
    try {
      setPreview(v.trim() ? await previewPaste(v, d) : null);
    } catch (err) {
      setPreview(null);
      setError(errorText(err, t('inquiry.common.loadFailed')));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (text === null) return;
    setValue(text);
    setPreview(null);
    setError(null);
    if (text.trim()) void check(text);
    // check only when the modal opens with a new block
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const add = async () => {
    setBusy(true);
    try {
      const n = await addPasted(value, d);
      message.success(t('inquiry.paste.added', { n }));
      onAdded();
      onClose();
    } catch (err) {
      setError(errorText(err, t('inquiry.common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const rows = preview?.rows ?? [];
  const errors = preview?.errors ?? [];
  const columns = [
    { title: t('inquiry.paste.line'), width: 56, render: (_: unknown, __: Inquiry, i: number) => preview?.lines[i] },
    { title: t('inquiry.field.askedOn'), dataIndex: 'askedOn', width: 100 },
    { title: t('inquiry.field.customer'), dataIndex: 'customer', width: 130, ellipsis: true },
    { title: t('inquiry.field.channel'), dataIndex: 'channel', width: 90 },
    { title: t('inquiry.field.products'), render: (_: unknown, r: Inquiry) => r.products.join('、'), ellipsis: true },
    {
      title: t('inquiry.field.outcome'),
      width: 80,
      render: (_: unknown, r: Inquiry) => <Tag color={outcomeColor(r.outcome)}>{t(`inquiry.outcome.${r.outcome}`)}</Tag>,
    },
    { title: t('inquiry.field.amount'), width: 90, render: (_: unknown, r: Inquiry) => (r.outcome === 'deal' ? formatFen(r.amountFen) : '') },
    { title: t('inquiry.field.reason'), dataIndex: 'reason', width: 90 },
    { title: t('inquiry.field.agent'), width: 70, render: (_: unknown, r: Inquiry) => refs.staffName(r.agentId) },
  ];

  return (
    <Modal
      open={text !== null}
      title={t('inquiry.paste.title')}
      width={1040}
      onCancel={onClose}
      data-testid="paste-modal"
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button data-testid="paste-check" onClick={() => void check(value)} loading={busy}>
            {t('inquiry.paste.preview')}
          </Button>
          <Button type="primary" data-testid="paste-add" disabled={!preview || errors.length > 0 || rows.length === 0} loading={busy} onClick={() => void add()}>
            {t('inquiry.paste.add', { n: rows.length })}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('inquiry.paste.intro')}
      </Typography.Paragraph>
      <Input.TextArea
        data-testid="paste-text"
        value={value}
        autoFocus
        rows={4}
        placeholder={t('inquiry.paste.placeholder')}
        onChange={(e) => setValue(e.target.value)}
        onPaste={(e) => {
          const v = e.clipboardData.getData('text/plain');
          if (v) setTimeout(() => void check(v), 0);
        }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={<span className="sd-error-text">{error}</span>} />}
      {preview && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <div data-testid="paste-summary" data-rows={rows.length} data-errors={errors.length}>
            {errors.length > 0 ? (
              <Alert
                type="error"
                showIcon
                title={t('inquiry.paste.errors', { n: errors.length })}
                description={
                  <div style={{ maxHeight: 160, overflowY: 'auto' }}>
                    {errors.map((e, i) => (
                      <div key={i} data-testid="paste-error" className="sd-error-text">
                        {e.text}
                      </div>
                    ))}
                  </div>
                }
              />
            ) : (
              <Alert
                type="success"
                showIcon
                title={t('inquiry.paste.rows', { n: rows.length })}
                description={
                  <Flex vertical gap={2} style={{ fontSize: 12 }}>
                    <span>{preview.header ? t('inquiry.paste.header') : t('inquiry.paste.noHeader')}</span>
                    {preview.newValues.length > 0 && (
                      <span>
                        {t('inquiry.paste.newValues')}
                        {preview.newValues.map((v) => `${t(`inquiry.list.${v.list}`)}“${v.name}”`).join('、')}
                      </span>
                    )}
                    {preview.ignored.length > 0 && <span>{t('inquiry.paste.ignored') + preview.ignored.join('、')}</span>}
                  </Flex>
                }
              />
            )}
          </div>
          {rows.length > 0 && (
            <Table<Inquiry>
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={rows.slice(0, SHOWN)}
              columns={columns}
              pagination={false}
              scroll={{ y: 260 }}
              onRow={() => ({ 'data-testid': 'paste-row' }) as React.HTMLAttributes<HTMLElement>}
              footer={rows.length > SHOWN ? () => t('inquiry.paste.more', { n: SHOWN }) : undefined}
            />
          )}
        </Flex>
      )}
    </Modal>
  );
}

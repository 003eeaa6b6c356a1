/*
 * 设置列对应: the mapping screen for a file whose layout no built-in layout (and no saved
 * template) knows. The seller picks the platform, names the template, and picks the
 * file's column for each Shopdesk field (pre-filled by guessing from the header names),
 * seeing the first rows of each column; 保存 validates in Go and stores the template.
 *
 * data-testid:
 *   mapping-modal              the modal (its content)
 *   mapping-kind               what the file holds: radio values "orders" / "refunds" / "stock" /
 *                              "inquiries" / "rota" / "punches" / "penalties"
 *   mapping-<kind>-hint        what a register, rota or punch template does
 *   mapping-sheet              the worksheet Select (an xlsx with several sheets)
 *   mapping-platform           platform Select (not for a stock sheet);  mapping-name  template name Input
 *   mapping-stock-hint         what a stock sheet's template does
 *   mapping-item-rows          checkbox: each row is one product line (shows the item fields)
 *   mapping-row-<field>        one row per field; data-required="true" for required ones
 *   mapping-field-<field>      the column Select of a field
 *   mapping-samples-<field>    the first values of the chosen column(s)
 *   mapping-warning            no 下单时间 chosen;  mapping-error  what Go refused (Chinese)
 *   mapping-save               保存模板并重新检查;  mapping-cancel 取消
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { saveTemplate, sheetHeader, type FileResult, type Template } from '../../api/imports';
import { errorText } from '../../api/errors';
import { PLATFORMS } from '../../lib/domain';
import { platformLabel } from '../../components/labels';
import { FieldTable } from './FieldTable';
import {
  KINDS,
  cleanMapping,
  columnChoices,
  defaultTemplateName,
  derivesStatus,
  fieldsFor,
  guessKind,
  guessMapping,
  kindHasNoPlatform,
  missingGroup,
  missingRequired,
  type FileKind,
  type Mapping,
} from './mapping';

interface Props {
  /** The unknown_format result carrying the file's header and first rows; null = closed. */
  file: FileResult | null;
  onClose: () => void;
  onSaved: (t: Template) => void;
  /** Another sheet was chosen: its header and rows, to map instead. */
  onSheet: (f: FileResult) => void;
}

/** What the seller typed that does not depend on the sheet: kept when another sheet is chosen. */
interface Typed {
  platform?: string;
  name?: string;
}

/** What a template of the seller's own sheets does (issues 10 and 11), by kind. */
const SHEET_HINTS: Record<string, string> = {
  inquiries: 'mapping.inquiriesHint',
  rota: 'mapping.rotaHint',
  punches: 'mapping.punchesHint',
  metrics: 'mapping.metricsHint',
  penalties: 'mapping.penaltiesHint',
};

export function MappingModal({ file, onClose, onSaved, onSheet }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Typed>({});
  const close = () => {
    setTyped({});
    onClose();
  };
  return (
    <Modal
      open={!!file}
      title={file ? t('mapping.title', { file: file.file }) : ''}
      width={1060}
      style={{ top: 24 }}
      footer={null}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
    >
      {/* a new sheet starts the columns afresh (they are others); platform and name stay */}
      {file && (
        <MappingForm
          key={file.sheet ?? ''}
          file={file}
          typed={typed}
          onClose={close}
          onSaved={(tpl) => {
            setTyped({});
            onSaved(tpl);
          }}
          onSheet={(f, now) => {
            setTyped(now);
            onSheet(f);
          }}
        />
      )}
    </Modal>
  );
}

interface FormProps {
  file: FileResult;
  typed: Typed;
  onClose: () => void;
  onSaved: (t: Template) => void;
  onSheet: (f: FileResult, typed: Typed) => void;
}

function MappingForm({ file, typed, onClose, onSaved, onSheet }: FormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const header = useMemo(() => file.header ?? [], [file]);
  const sample = useMemo(() => file.sample ?? [], [file]);
  const choices = useMemo(() => columnChoices(header), [header]);
  const initial = useMemo(() => guessMapping(header, 'orders', file.guess ?? undefined), [header, file.guess]);

  const [kind, setKind] = useState<FileKind>(() => guessKind(header));
  const [platform, setPlatform] = useState<string | undefined>(typed.platform);
  const [name, setName] = useState(() => typed.name ?? defaultTemplateName(file.file));
  // One mapping per kind, each guessed from the header: switching the kind back and forth
  // keeps what the seller picked for either.
  const [mappings, setMappings] = useState<Record<FileKind, Mapping>>(() =>
    Object.fromEntries(KINDS.map((k) => [k.id, k.id === 'orders' ? initial : guessMapping(header, k.id)])),
  );
  const mapping = mappings[kind];
  const setMapping = (f: (m: Mapping) => Mapping) => setMappings((all) => ({ ...all, [kind]: f(all[kind]) }));
  const [itemRows, setItemRows] = useState(() => !!initial.sub_order_no?.length);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loadingSheet, setLoadingSheet] = useState(false);

  const chooseSheet = async (sheet: string) => {
    setLoadingSheet(true);
    try {
      const r = await sheetHeader(file.path, sheet);
      if (r.header?.length) {
        onSheet({ ...r, file: file.file, path: file.path } as FileResult, { platform, name });
      } else if (!r.error) {
        message.info(t('mapping.sheetKnown', { sheet }));
      } else {
        message.error({ content: <span className="sd-error-text">{r.error}</span>, duration: 6 });
      }
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('mapping.sheetFailed'))}</span>, duration: 6 });
    } finally {
      setLoadingSheet(false);
    }
  };

  const fields = fieldsFor(kind, itemRows);
  const missing = missingRequired(mapping, kind);
  const noCreated = kind === 'orders' && !mapping.created_at?.length;
  // no 订单状态 but a 付款时间: the importer derives the status (said under the table)
  const showDerived = derivesStatus(mapping, kind) && !!mapping.paid_at?.length;

  // a stock sheet is the seller's own: of no platform
  const noPlatform = kindHasNoPlatform(kind);
  const save = async () => {
    setTried(true);
    setError(null);
    if ((!platform && !noPlatform) || !name.trim() || missing.length > 0) return;
    setSaving(true);
    try {
      const saved = await saveTemplate({
        file: file.file,
        kind,
        platform: noPlatform ? '' : (platform ?? ''),
        name: name.trim(),
        header,
        columns: cleanMapping(mapping, itemRows, kind),
      });
      message.success(t('mapping.saved', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      setError(errorText(err, t('mapping.saveFailed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="mapping-modal">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {file.sheet ? t('mapping.introSheet', { sheet: file.sheet, row: file.headerRow || 1 }) : t('mapping.intro', { row: file.headerRow || 1 })}
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
        {(file.sheets?.length ?? 0) > 1 && (
          <Form.Item label={t('mapping.sheet')}>
            <Select
              data-testid="mapping-sheet"
              style={{ width: 160 }}
              loading={loadingSheet}
              disabled={loadingSheet}
              value={file.sheet}
              onChange={(v) => void chooseSheet(v)}
              options={(file.sheets ?? []).map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('mapping.kind')} required>
          <Radio.Group
            data-testid="mapping-kind"
            optionType="button"
            value={kind}
            onChange={(e) => setKind(e.target.value as FileKind)}
            options={KINDS.map((k) => ({ value: k.id, label: t(`mapping.kinds.${k.id}`) }))}
          />
        </Form.Item>
        {!noPlatform && (
          <Form.Item
            label={t('mapping.platform')}
            required
            validateStatus={tried && !platform ? 'error' : undefined}
            help={tried && !platform ? t('mapping.platformRequired') : undefined}
          >
            <Select
              data-testid="mapping-platform"
              style={{ width: 200 }}
              placeholder={t('mapping.platformPlaceholder')}
              value={platform}
              onChange={setPlatform}
              options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(t, p) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('mapping.name')}
          required
          validateStatus={tried && !name.trim() ? 'error' : undefined}
          help={tried && !name.trim() ? t('mapping.nameRequired') : undefined}
        >
          <Input
            data-testid="mapping-name"
            style={{ width: 260 }}
            maxLength={40}
            placeholder={t('mapping.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => void save()}
          />
        </Form.Item>
        {kind === 'orders' && (
          <Form.Item>
            <Checkbox data-testid="mapping-item-rows" checked={itemRows} onChange={(e) => setItemRows(e.target.checked)}>
              {t('mapping.itemRows')}
            </Checkbox>
          </Form.Item>
        )}
      </Form>
      {kind === 'refunds' && (
        <Typography.Paragraph data-testid="mapping-refund-hint" type="secondary" style={{ marginTop: -4, marginBottom: 12 }}>
          {t('mapping.refundHint')}
        </Typography.Paragraph>
      )}
      {kind === 'stock' && (
        <Typography.Paragraph data-testid="mapping-stock-hint" type="secondary" style={{ marginTop: -4, marginBottom: 12 }}>
          {t('mapping.stockHint')}
        </Typography.Paragraph>
      )}
      {SHEET_HINTS[kind] && (
        <Typography.Paragraph data-testid={`mapping-${kind}-hint`} type="secondary" style={{ marginTop: -4, marginBottom: 12 }}>
          {t(SHEET_HINTS[kind])}
        </Typography.Paragraph>
      )}
      <FieldTable
        fields={fields}
        mapping={mapping}
        onChange={(key, cols) => setMapping((m) => ({ ...m, [key]: cols }))}
        sample={sample}
        choices={choices}
        tried={tried}
        // the refund hint above takes two more lines: the buttons below stay on screen
        scrollY={kind === 'refunds' || kind === 'stock' || SHEET_HINTS[kind] || showDerived ? 'calc(100vh - 400px)' : 'calc(100vh - 330px)'}
      />
      {tried && missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('mapping.missing', {
            fields: missing.map((k) => missingGroup(k, kind).map((g) => t(`mapping.field.${g}`)).join(t('mapping.or'))).join('”“'),
          })}
        />
      )}
      {showDerived && <Alert data-testid="mapping-derived" type="info" showIcon style={{ marginTop: 12 }} title={t('mapping.derivedStatus')} />}
      {noCreated && (
        <Alert data-testid="mapping-warning" type="warning" showIcon style={{ marginTop: 12 }} title={t('mapping.noCreated')} />
      )}
      {error && (
        <Alert data-testid="mapping-error" type="error" showIcon style={{ marginTop: 12 }} title={<span className="sd-error-text">{error}</span>} />
      )}
      <Flex justify="space-between" align="center" gap={12} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('mapping.openHint')}
        </Typography.Text>
        <Flex gap={8}>
          <Button data-testid="mapping-cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button data-testid="mapping-save" type="primary" loading={saving} onClick={() => void save()}>
            {t('mapping.save')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}

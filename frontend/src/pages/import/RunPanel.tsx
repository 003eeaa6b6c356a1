import type { ReactNode } from 'react';
import { Alert, Button, Flex, Progress, Table, Tag, Typography, theme } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { cancelImport, type FileResult, type ImportProgress, type Preview } from '../../api/imports';
import { percentOf } from '../../lib/domain';
import type { ImportPhase, RunFile } from '../../state/ImportState';
import { resultKind } from './results';

/** Bordered box of rows (antd List is deprecated in v6). */
function Box({ header, children }: { header: ReactNode; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadiusLG }}>
      <div style={{ padding: '8px 16px', background: token.colorFillAlter }}>{header}</div>
      {children}
    </div>
  );
}

function Row({ testId, status, errorCode, children }: { testId: string; status?: string; errorCode?: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      data-testid={testId}
      data-status={status}
      data-error-code={errorCode || undefined}
      style={{ padding: '10px 16px', borderTop: `1px solid ${token.colorBorderSecondary}` }}
    >
      {children}
    </div>
  );
}

function FileName({ name }: { name: string }) {
  return (
    <Typography.Text strong style={{ wordBreak: 'break-all' }}>
      {name}
    </Typography.Text>
  );
}

function ProgressRow({ file, p, uploading }: { file: RunFile; p?: ImportProgress; uploading: boolean }) {
  const { t } = useTranslation();
  const percent = p ? (p.done ? 100 : percentOf(p.bytes, p.totalBytes)) : 0;
  return (
    <Row testId="import-progress-row">
      <div style={{ width: '100%' }}>
        <Flex justify="space-between" gap={12} wrap>
          <FileName name={file.name} />
          <Typography.Text type="secondary" className="sd-nowrap">
            {uploading ? t('import.run.uploading') : p && !p.waiting ? t('import.run.rows', { count: p.rows }) : t('import.run.waiting')}
          </Typography.Text>
        </Flex>
        {/* what the file waits for: another import, a restore, the backup before it */}
        {p?.waiting && (
          <Typography.Text type="warning" data-testid="import-progress-waiting" style={{ display: 'block', fontSize: 12 }}>
            {p.waiting}
          </Typography.Text>
        )}
        <Progress percent={percent} status={uploading || !p?.done ? 'active' : 'success'} size="small" />
      </div>
    </Row>
  );
}

/** The first rows of a previewed file, as read (order numbers stay text). */
function SampleTable({ p }: { p: Preview }) {
  if (p.columns.length === 0 || p.rows.length === 0) return null;
  const data = p.rows.map((cells, i) => ({ key: i, cells }));
  return (
    <Table
      data-testid="import-preview-sample"
      size="small"
      style={{ marginTop: 8 }}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={data}
      columns={p.columns.map((title, k) => ({
        key: k,
        title,
        render: (_: unknown, row: { cells: string[] }) => <span className="sd-nowrap">{row.cells[k]}</span>,
      }))}
    />
  );
}

function ResultRow({ r, testId = 'import-result-row', preview, onMap }: { r: FileResult; testId?: string; preview?: Preview; onMap?: (r: FileResult) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const kind = resultKind(r);
  const icon =
    kind === 'success' ? (
      <CheckCircleFilled style={{ color: token.colorSuccess }} />
    ) : kind === 'duplicate' ? (
      <InfoCircleFilled style={{ color: token.colorInfo }} />
    ) : (
      <CloseCircleFilled style={{ color: token.colorError }} />
    );
  return (
    <Row testId={testId} status={kind} errorCode={r.errorCode}>
      <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
        <span style={{ fontSize: 18, lineHeight: '22px' }}>{icon}</span>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Flex gap={8} wrap align="center">
            <FileName name={r.file} />
            {r.formatName && <Tag>{r.formatName}</Tag>}
            {r.shop && <Tag color="blue">{r.shop}</Tag>}
            {r.dryRun && <Tag color="orange">{t('import.result.dryRun')}</Tag>}
          </Flex>
          <div style={{ marginTop: 4 }} data-testid="import-result-text">
            {kind === 'success' && (
              <Typography.Text>
                {t(preview ? 'import.preview.summary' : 'import.result.success', { added: r.new, updated: r.updated, unchanged: r.unchanged })}
                {r.rejected > 0 ? ` · ${t('import.result.rejected', { count: r.rejected })}` : ''}
              </Typography.Text>
            )}
            {kind === 'duplicate' && <Typography.Text type="secondary">{t('import.result.duplicate')}</Typography.Text>}
            {kind === 'error' && (
              <Typography.Text type="danger" className="sd-error-text" data-testid="import-result-error">
                {r.error || t('import.failed')}
              </Typography.Text>
            )}
          </div>
          {kind === 'success' && r.statusDerived && (
            <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }} data-testid="import-status-derived">
              {t('import.result.statusDerived', { rules: t('import.result.statusRules') })}
            </Typography.Text>
          )}
          {kind === 'success' && r.footerSkipped > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="import-footer">
              {t('import.result.footer', { count: r.footerSkipped, text: r.footerText })}
            </Typography.Text>
          )}
          {kind === 'success' && r.shopRemembered && r.shop && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="import-shop-remembered">
              {t('mapping.remembered', { shop: r.shop })}
            </Typography.Text>
          )}
          {onMap && r.errorCode === 'unknown_format' && (r.header?.length ?? 0) > 0 && (
            <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
              <Button size="small" type="primary" data-testid="import-map-columns" onClick={() => onMap(r)}>
                {t('mapping.open')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('mapping.openHint')}
              </Typography.Text>
            </Flex>
          )}
          {preview && kind === 'success' && <SampleTable p={preview} />}
        </div>
      </Flex>
    </Row>
  );
}

interface Props {
  phase: ImportPhase;
  files: RunFile[];
  progress: Record<number, ImportProgress>;
  results: FileResult[];
  runError: string | null;
  needShopCount: number;
  canRetry: boolean;
  busy: boolean;
  onRetry: () => void;
  previews: Preview[];
  onConfirm: () => void;
  onCancelPreview: () => void;
  onRePreview: () => void;
  /** 设置列对应 for a file whose layout is unknown (opens the mapping screen). */
  onMap?: (r: FileResult) => void;
}

/** The current (or last) import: progress while it runs, one result row per file after. */
export function RunPanel(props: Props) {
  const { phase, files, progress, results, runError, needShopCount, canRetry, busy, onRetry } = props;
  const { t } = useTranslation();
  if (phase === 'idle') return null;
  const running = phase === 'uploading' || phase === 'previewing' || phase === 'importing';
  const title =
    phase === 'uploading'
      ? t('import.run.uploadingTitle', { count: files.length })
      : phase === 'previewing'
        ? t('import.run.previewingTitle', { count: files.length })
        : t('import.run.importingTitle', { count: files.length });
  return (
    <div data-testid="import-run" data-phase={phase} style={{ marginTop: 16 }}>
      {runError && (
        <Alert
          data-testid="import-run-error"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.failed')}
          description={<span className="sd-error-text">{runError}</span>}
        />
      )}
      {needShopCount > 0 && !running && (
        <Alert
          data-testid="import-need-shop-alert"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.needShop.title', { count: needShopCount })}
          description={`${t('import.needShop.body')} ${t('mapping.rememberHint')}`}
          action={
            <Button type="primary" data-testid="import-retry-button" disabled={!canRetry || busy} onClick={onRetry}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {running && (
        <Box
          header={
            <Flex justify="space-between" align="center" gap={12}>
              <Typography.Text>
                <LoadingOutlined style={{ marginInlineEnd: 8 }} />
                {title}
              </Typography.Text>
              {(phase === 'importing' || phase === 'previewing') && (
                <Button size="small" danger data-testid="import-cancel" onClick={() => void cancelImport()}>
                  {t('import.run.cancel')}
                </Button>
              )}
            </Flex>
          }
        >
          {files.map((f, i) => (
            <ProgressRow key={i} file={f} p={progress[i]} uploading={phase === 'uploading'} />
          ))}
        </Box>
      )}
      {phase === 'preview' && <PreviewBox {...props} />}
      {phase === 'done' && results.length > 0 && (
        <Box header={<Typography.Text strong>{t('import.run.resultsTitle', { count: results.length })}</Typography.Text>}>
          {results.map((r, i) => (
            <ResultRow key={i} r={r} onMap={props.onMap} />
          ))}
        </Box>
      )}
    </div>
  );
}

/** 导入前预览: what each file would do; 确认导入 imports the files that can be imported. */
function PreviewBox({ previews, onConfirm, onCancelPreview, onRePreview, canRetry, onMap }: Props) {
  const { t } = useTranslation();
  const importable = previews.filter((p) => !p.result.error && !p.result.duplicate).length;
  const needShop = previews.filter((p) => p.result.errorCode === 'need_shop').length;
  return (
    <>
      {needShop > 0 && (
        <Alert
          data-testid="import-need-shop-alert"
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.needShop.title', { count: needShop })}
          description={`${t('import.needShop.previewBody')} ${t('mapping.rememberHint')}`}
          action={
            <Button type="primary" data-testid="import-repreview" disabled={!canRetry} onClick={onRePreview}>
              {t('import.preview.again')}
            </Button>
          }
        />
      )}
      <Box
        header={
          // The buttons sit in the header: with several files the rows run below the fold.
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Typography.Text strong>{t('import.preview.title', { count: previews.length })}</Typography.Text>
            <Flex gap={8}>
              <Button size="small" data-testid="import-preview-cancel" onClick={onCancelPreview}>
                {t('common.cancel')}
              </Button>
              <Button size="small" type="primary" data-testid="import-confirm" disabled={importable === 0} onClick={onConfirm}>
                {importable === previews.length ? t('import.preview.confirm') : t('import.preview.confirmSome', { count: importable })}
              </Button>
            </Flex>
          </Flex>
        }
      >
        {previews.map((p, i) => (
          <ResultRow key={i} r={p.result} preview={p} testId="import-preview-row" onMap={onMap} />
        ))}
      </Box>
    </>
  );
}

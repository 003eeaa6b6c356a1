import type { ReactNode } from 'react';
import { Alert, Button, Flex, Progress, Tag, Typography, theme } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { cancelImport, type FileResult, type ImportProgress } from '../../api/imports';
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
            {uploading ? t('import.run.uploading') : p ? t('import.run.rows', { count: p.rows }) : t('import.run.waiting')}
          </Typography.Text>
        </Flex>
        <Progress percent={percent} status={uploading || !p?.done ? 'active' : 'success'} size="small" />
      </div>
    </Row>
  );
}

function ResultRow({ r }: { r: FileResult }) {
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
    <Row testId="import-result-row" status={kind} errorCode={r.errorCode}>
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
                {t('import.result.success', { added: r.new, updated: r.updated, unchanged: r.unchanged })}
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
}

/** The current (or last) import: progress while it runs, one result row per file after. */
export function RunPanel({ phase, files, progress, results, runError, needShopCount, canRetry, busy, onRetry }: Props) {
  const { t } = useTranslation();
  if (phase === 'idle') return null;
  const running = phase === 'uploading' || phase === 'importing';
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
          description={t('import.needShop.body')}
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
                {phase === 'uploading' ? t('import.run.uploadingTitle', { count: files.length }) : t('import.run.importingTitle', { count: files.length })}
              </Typography.Text>
              {phase === 'importing' && (
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
      {!running && results.length > 0 && (
        <Box header={<Typography.Text strong>{t('import.run.resultsTitle', { count: results.length })}</Typography.Text>}>
          {results.map((r, i) => (
            <ResultRow key={i} r={r} />
          ))}
        </Box>
      )}
    </div>
  );
}

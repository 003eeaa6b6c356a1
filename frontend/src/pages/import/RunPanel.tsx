import type { ReactNode } from 'react';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { cancelImport, type FileResult, type ImportProgress } from '../../api/imports';
import { percentOf } from '../../lib/domain';
import type { ImportPhase, RunFile } from '../../state/ImportState';
import { Box, FileName, ResultRow, Row } from './ResultRow';

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

interface Props {
  phase: ImportPhase;
  files: RunFile[];
  progress: Record<number, ImportProgress>;
  results: FileResult[];
  runError: string | null;
  /** Files of the last import that said need_shop: 重新预览 previews them to pick their shops. */
  needShopCount: number;
  busy: boolean;
  onPreviewNeedShop: () => void;
  /** The preview (phase preview). */
  preview: ReactNode;
  /** 设置列对应 for a file whose layout is unknown (opens the mapping screen). */
  onMap?: (r: FileResult) => void;
}

/** The current (or last) import: progress while it runs, one result row per file after. */
export function RunPanel(props: Props) {
  const { phase, files, progress, results, runError, needShopCount, busy, onPreviewNeedShop } = props;
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
          description={t('import.needShop.body')}
          action={
            <Button type="primary" data-testid="import-repreview" disabled={busy} onClick={onPreviewNeedShop}>
              {t('import.needShop.again')}
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
      {phase === 'preview' && props.preview}
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

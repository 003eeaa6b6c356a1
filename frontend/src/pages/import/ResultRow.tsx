import { useState, type ReactNode } from 'react';
import { Button, Flex, Table, Tag, Typography, theme } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileResult, Preview } from '../../api/imports';
import { formatLabel } from '../../components/labels';
import { countsOf, resultKind } from './results';

/** Bordered box of rows (antd List is deprecated in v6). */
export function Box({ header, children }: { header: ReactNode; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadiusLG }}>
      <div style={{ padding: '8px 16px', background: token.colorFillAlter }}>{header}</div>
      {children}
    </div>
  );
}

/** A row of the run panel (antd List is deprecated in v6). */
export function Row({ testId, status, errorCode, children }: { testId: string; status?: string; errorCode?: string; children: ReactNode }) {
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

export function FileName({ name }: { name: string }) {
  return (
    <Typography.Text strong style={{ wordBreak: 'break-all' }}>
      {name}
    </Typography.Text>
  );
}

/** The first rows of a previewed file, as read (order numbers stay text). */
function SampleTable({ p, open }: { p: Preview; open: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(open);
  if (p.columns.length === 0 || p.rows.length === 0) return null;
  if (!shown) {
    return (
      <Button type="link" size="small" style={{ padding: 0 }} data-testid="import-preview-sample-show" onClick={() => setShown(true)}>
        {t('import.preview.showRows', { count: p.rows.length })}
      </Button>
    );
  }
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

/** "订单：新增 200 / 更新 0 / 未变 0 · 文件 250 行（每行一件商品）" */
function Summary({ r, preview }: { r: FileResult; preview: boolean }) {
  const { t } = useTranslation();
  const c = countsOf(r);
  const counts = t(preview ? 'import.preview.summary' : 'import.result.success', { added: c.added, updated: c.updated, unchanged: c.unchanged });
  return (
    <Typography.Text>
      <span data-testid="import-result-unit">{t(`import.result.unit.${c.unit}`)}</span>
      {t('import.result.colon')}
      {counts}
      {c.rows > 0 && (
        <Typography.Text type="secondary" data-testid="import-result-rows">
          {' · '}
          {t('import.result.rows', { count: c.rows })}
        </Typography.Text>
      )}
      {r.rejected > 0 ? ` · ${t('import.result.rejected', { count: r.rejected })}` : ''}
    </Typography.Text>
  );
}

interface Props {
  r: FileResult;
  /** Show the preview's first rows open (else behind 显示前几行: a batch of many files stays short). */
  sampleOpen?: boolean;
  testId?: string;
  /** The file's preview (phase preview): its sample rows are shown, the counts say "将…". */
  preview?: Preview;
  /** 设置列对应 for a file whose layout is unknown. */
  onMap?: (r: FileResult) => void;
  /** Under the file's tags: the shop choice of a previewed file. */
  shopChoice?: ReactNode;
}

/** One file of a preview or of a finished run: its format, shop, counts or error. */
export function ResultRow({ r, testId = 'import-result-row', preview, onMap, shopChoice, sampleOpen = true }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const kind = resultKind(r);
  // A previewed file that only waits for its shop has not failed: it asks (its row offers the choice).
  const asks = !!preview && r.errorCode === 'need_shop';
  const icon =
    kind === 'success' ? (
      <CheckCircleFilled style={{ color: token.colorSuccess }} />
    ) : kind === 'duplicate' ? (
      <InfoCircleFilled style={{ color: token.colorInfo }} />
    ) : asks ? (
      <ExclamationCircleFilled style={{ color: token.colorWarning }} />
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
            {r.formatName && <Tag data-testid="import-result-format">{formatLabel(i18n.language, r.format, r.formatName)}</Tag>}
            {r.shop && kind !== 'error' && <Tag color="blue">{r.shop}</Tag>}
            {asks ? (
              <Tag color="gold" data-testid="import-result-tag">
                {t('import.result.needShopTag')}
              </Tag>
            ) : kind === 'error' ? (
              <Tag color="red" data-testid="import-result-tag">
                {t('import.result.failedTag')}
              </Tag>
            ) : (
              r.dryRun && (
                <Tag color="orange" data-testid="import-result-tag">
                  {t('import.result.dryRun')}
                </Tag>
              )
            )}
          </Flex>
          {shopChoice}
          <div style={{ marginTop: 4 }} data-testid="import-result-text">
            {kind === 'success' && <Summary r={r} preview={!!preview} />}
            {kind === 'duplicate' && <Typography.Text type="secondary">{t('import.result.duplicate')}</Typography.Text>}
            {kind === 'error' && (
              <Typography.Text type={asks ? 'warning' : 'danger'} className="sd-error-text" data-testid="import-result-error">
                {r.error || t('import.failed')}
              </Typography.Text>
            )}
          </div>
          {kind === 'success' && r.shopFrom === 'preamble' && (r.shopLine ?? 0) > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="import-shop-line">
              {t('import.result.shopLine', { line: r.shopLine })}
            </Typography.Text>
          )}
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
          {kind === 'success' &&
            (r.notes ?? []).map((n, i) => (
              <Typography.Text key={i} type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="import-note">
                {n}
              </Typography.Text>
            ))}
          {kind === 'success' && !preview && r.shopRemembered && r.shop && (
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
          {preview && kind === 'success' && <SampleTable p={preview} open={sampleOpen} />}
        </div>
      </Flex>
    </Row>
  );
}

/*
 * 导入 Import page.
 *
 * data-testid:
 *   import-page              page root
 *   import-shop-select       shop Select (自动识别 + shops); gets status=error when a file needs a shop
 *   new-shop-button          新建店铺 (opens the modal: new-shop-form, new-shop-platform, new-shop-name, new-shop-ok)
 *   import-dropzone          drop zone (click = choose files); data-busy="true" while importing
 *   import-file-input        hidden <input type=file multiple> (browser mode; use setInputFiles)
 *   import-run               current/last run; data-phase = uploading|previewing|preview|importing|done
 *   import-preview-row       one per file in the preview; data-status like a result row; import-preview-sample its first rows
 *   import-confirm           确认导入 (imports the files the preview found importable); import-preview-cancel 取消
 *   import-repreview         重新预览 after choosing the shop for files that need one
 *   import-cancel            取消导入 while previewing or importing
 *   import-progress-row      one per file while importing
 *   import-result-row        one per file after; data-status = success|duplicate|error, data-error-code
 *   import-result-text       the summary / message inside a result row
 *   import-result-error      the full Chinese error text of a failed file
 *   import-run-error         Alert when the whole call failed (upload refused, service error)
 *   import-need-shop-alert   Alert when files need a shop; import-retry-button its 重试 button
 *   import-history-table     导入记录 table wrapper
 *   import-map-columns       设置列对应 on a file of unknown layout (opens MappingModal: mapping-*)
 *   import-shop-remembered   「按上次的选择归到店铺 X」 on a file that went to its remembered shop
 *   templates-panel          导入模板与记住的店铺 (TemplatesPanel: template-*, shop-choice-*)
 */
import { useState } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppData } from '../../state/AppData';
import { useImport } from '../../state/ImportState';
import { ShopSelect } from '../../components/ShopSelect';
import { NewShopButton } from '../../components/NewShopModal';
import { DropZone } from './DropZone';
import { RunPanel } from './RunPanel';
import { BatchHistory } from './BatchHistory';
import { MappingModal } from './MappingModal';
import { TemplatesPanel } from './TemplatesPanel';
import type { FileResult } from '../../api/imports';

export function ImportPage() {
  const { t } = useTranslation();
  const { shops, shopsLoading, refresh } = useAppData();
  const imp = useImport();
  const needShop = imp.needShopPaths.length > 0;
  const [mapping, setMapping] = useState<FileResult | null>(null);
  const [templatesVersion, setTemplatesVersion] = useState(0);

  // A saved template makes the file importable: check it again (the whole preview, or
  // just this file when it failed in an import run).
  const onTemplateSaved = () => {
    const file = mapping;
    setMapping(null);
    setTemplatesVersion((v) => v + 1);
    if (!file) return;
    if (imp.phase === 'preview') void imp.rePreview();
    else if (file.path) void imp.importPaths([file.path]);
  };

  return (
    <Flex vertical gap={20} data-testid="import-page">
      <Card title={t('import.title')}>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text className="sd-nowrap">{t('import.shopLabel')}</Typography.Text>
          <ShopSelect
            testId="import-shop-select"
            shops={shops}
            loading={shopsLoading}
            value={imp.shopId}
            onChange={imp.setShopId}
            allLabel={t('import.autoShop')}
            status={needShop && imp.shopId === 0 ? 'error' : undefined}
            disabled={imp.busy}
            style={{ minWidth: 280 }}
          />
          <NewShopButton
            platform={[...imp.previews.map((p) => p.result), ...imp.results].find((r) => r.errorCode === 'need_shop')?.platform}
            onCreated={async (s) => {
              await refresh();
              imp.setShopId(s.id);
            }}
          />
          <Typography.Text type={needShop && imp.shopId === 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {needShop && imp.shopId === 0 ? t('import.needShop.pickHint') : t('import.shopHint')}
          </Typography.Text>
        </Flex>
        <DropZone busy={imp.busy} onFiles={(f) => void imp.uploadAndImport(f)} onPick={() => void imp.pickAndImport()} />
        <RunPanel
          phase={imp.phase}
          files={imp.files}
          progress={imp.progress}
          results={imp.results}
          runError={imp.runError}
          needShopCount={imp.needShopPaths.length}
          canRetry={imp.shopId !== 0}
          busy={imp.busy}
          onRetry={() => void imp.retryNeedShop()}
          previews={imp.previews}
          onConfirm={() => void imp.confirmImport()}
          onCancelPreview={imp.cancelPreview}
          onRePreview={() => void imp.rePreview()}
          onMap={imp.busy ? undefined : setMapping}
        />
        <MappingModal file={mapping} onClose={() => setMapping(null)} onSaved={onTemplateSaved} onSheet={setMapping} />
      </Card>
      <Card title={t('import.history.title')}>
        <BatchHistory version={imp.historyVersion} />
      </Card>
      <Card title={t('templates.title')}>
        <TemplatesPanel version={imp.historyVersion + templatesVersion} />
      </Card>
    </Flex>
  );
}

/*
 * 导入 Import page.
 *
 * data-testid:
 *   import-page              page root
 *   new-shop-button          新建店铺 in the card's title (starts at the platform of the first file asking for a shop);
 *                            each previewed file without a shop has its own (import-file-new-shop)
 *   import-dropzone          drop zone (click = choose files); data-busy="true" while importing
 *   import-file-input        hidden <input type=file multiple> (browser mode; use setInputFiles)
 *   import-run               current/last run; data-phase = uploading|previewing|preview|importing|done
 *   import-preview-row       one per file in the preview; data-status like a result row; import-preview-sample its first rows
 *   import-file-shop         the shop of a previewed file that names none (data-shop-from = only|remembered|chosen|orders|need_shop):
 *                            import-file-shop-select its Select (that platform's shops), import-file-new-shop 新建店铺 at its platform,
 *                            import-shop-only / import-shop-remembered / import-shop-pending its note
 *   import-confirm           确认导入 (imports the files the preview found importable, each with the shop its preview used); import-preview-cancel 取消
 *   import-repreview         重新预览 the files of an import that said need_shop (the shops changed since their preview)
 *   import-cancel            取消导入 while previewing or importing
 *   import-progress-row      one per file while importing
 *   import-result-row        one per file after; data-status = success|duplicate|error, data-error-code
 *   import-result-text       the summary / message inside a result row (import-result-unit 订单/退款/售后/行, import-result-rows the rows where they differ)
 *   import-result-tag        预览 on a previewed file, 失败 on a failed one; import-result-format its format
 *   import-shop-line         「店铺取自文件第 N 行」 on a file that names its shop above its header
 *   import-result-error      the full Chinese error text of a failed file
 *   import-run-error         Alert when the whole call failed (upload refused, service error)
 *   import-need-shop-alert   Alert when files need a shop
 *   import-history-table     导入记录 table wrapper
 *   import-map-columns       设置列对应 on a file of unknown layout (opens MappingModal: mapping-*)
 *   import-shop-remembered   「按上次的选择归到店铺 X」 on a file that went to its remembered shop
 *   templates-panel          导入模板与记住的店铺 (TemplatesPanel: template-*, shop-choice-*)
 */
import { useState } from 'react';
import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppData } from '../../state/AppData';
import { useImport } from '../../state/ImportState';
import { DropZone } from './DropZone';
import { NewShopButton } from '../../components/NewShopModal';
import { RunPanel } from './RunPanel';
import { PreviewPanel } from './PreviewPanel';
import { BatchHistory } from './BatchHistory';
import { MappingModal } from './MappingModal';
import { TemplatesPanel } from './TemplatesPanel';
import type { FileResult } from '../../api/imports';

export function ImportPage() {
  const { t } = useTranslation();
  const { shops, refresh } = useAppData();
  const imp = useImport();
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
      <Card
        title={t('import.title')}
        extra={<NewShopButton size="small" platform={imp.previews.find((e) => e.preview.result.errorCode === 'need_shop')?.preview.result.platform} onCreated={() => refresh()} />}
      >
        <DropZone busy={imp.busy} onFiles={(f) => void imp.uploadAndImport(f)} onPick={() => void imp.pickAndImport()} />
        <RunPanel
          phase={imp.phase}
          files={imp.files}
          progress={imp.progress}
          results={imp.results}
          runError={imp.runError}
          needShopCount={imp.needShopPaths.length}
          busy={imp.busy}
          onPreviewNeedShop={() => void imp.previewNeedShop()}
          onMap={imp.busy ? undefined : setMapping}
          preview={
            <PreviewPanel
              previews={imp.previews}
              shops={shops}
              onPick={imp.pickShop}
              onShopCreated={async (i, s) => {
                // picked first: the reload of the shop list then previews the files that
                // did not name their shop again, this one with its new shop
                imp.pickShop(i, s.id);
                await refresh();
              }}
              onConfirm={() => void imp.confirmImport()}
              onCancel={imp.cancelPreview}
              onMap={imp.busy ? undefined : setMapping}
            />
          }
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

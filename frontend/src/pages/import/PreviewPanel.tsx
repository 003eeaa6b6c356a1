import type { ReactNode } from 'react';
import { Alert, Button, Flex, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileResult } from '../../api/imports';
import type { Shop } from '../../api/shops';
import { NewShopButton } from '../../components/NewShopModal';
import { platformLabel } from '../../components/labels';
import { Box, ResultRow } from './ResultRow';
import { importRequest, offersShopChoice, type PreviewEntry } from './results';

interface ChoiceProps {
  entry: PreviewEntry;
  shops: Shop[];
  onPick: (shopId: number) => void;
  onCreated: (s: Shop) => Promise<void>;
}

/**
 * The shop of a file that does not name its own, on its preview row: which shop it will go
 * to and why (the platform's only shop, the remembered pick, the pick), changeable before
 * anything is imported. A file that asks for a shop shows the choice in red.
 */
function FileShopChoice({ entry, shops, onPick, onCreated }: ChoiceProps) {
  const { t } = useTranslation();
  const r: FileResult = entry.preview.result;
  const platform = r.platform;
  const options = shops.filter((s) => s.platform === platform).map((s) => ({ value: s.id, label: s.name }));
  const value = entry.shopId || r.shopId || undefined;
  const shop = r.shop || shops.find((s) => s.id === value)?.name || '';
  const args = { shop, platform: platformLabel(t, platform) };
  let note: ReactNode = null;
  if (entry.pending) {
    note = (
      <Typography.Text type="secondary" data-testid="import-shop-pending">
        <Spin size="small" style={{ marginInlineEnd: 6 }} />
        {t('import.preview.waiting')}
      </Typography.Text>
    );
  } else if (r.shopFrom === 'only') {
    note = (
      <Typography.Text type="warning" strong data-testid="import-shop-only">
        {t('import.fileShop.only', args)}
      </Typography.Text>
    );
  } else if (r.shopFrom === 'remembered') {
    note = (
      <Typography.Text type="secondary" data-testid="import-shop-remembered">
        {t('mapping.remembered', { shop })}
      </Typography.Text>
    );
  } else if (r.shopFrom === 'orders') {
    note = <Typography.Text type="secondary">{t('import.fileShop.orders', args)}</Typography.Text>;
  } else if (r.shopFrom === 'chosen') {
    note = <Typography.Text type="secondary">{t('import.fileShop.chosen', args)}</Typography.Text>;
  }
  return (
    <Flex gap={8} align="center" wrap style={{ marginTop: 6 }} data-testid="import-file-shop" data-shop-from={r.shopFrom || r.errorCode}>
      <Typography.Text className="sd-nowrap">{t('import.fileShop.label')}</Typography.Text>
      <Select<number>
        data-testid="import-file-shop-select"
        value={value}
        placeholder={t('import.fileShop.placeholder')}
        options={options}
        onChange={onPick}
        status={r.errorCode === 'need_shop' ? 'error' : r.shopFrom === 'only' ? 'warning' : undefined}
        popupMatchSelectWidth={false}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 220 }}
      />
      <NewShopButton size="small" testId="import-file-new-shop" platform={platform} onCreated={onCreated} />
      {note && <div style={{ flexBasis: '100%', fontSize: 12 }}>{note}</div>}
    </Flex>
  );
}

interface Props {
  previews: PreviewEntry[];
  shops: Shop[];
  onPick: (index: number, shopId: number) => void;
  /** A shop made on a file's row: picked for it, then the shop list is reloaded. */
  onShopCreated: (index: number, s: Shop) => Promise<void>;
  onConfirm: () => void;
  onCancel: () => void;
  onMap?: (r: FileResult) => void;
}

/** Up to this many files, each shows its first rows; a bigger batch shows them on demand, so the shops stay in view. */
const SAMPLES_OPEN = 3;

/** 导入前预览: what each file would do, with its shop; 确认导入 imports the files that can be imported, as shown. */
export function PreviewPanel({ previews, shops, onPick, onShopCreated, onConfirm, onCancel, onMap }: Props) {
  const { t } = useTranslation();
  const req = importRequest(previews);
  const importable = req?.paths.length ?? 0;
  const needShop = previews.filter((p) => p.preview.result.errorCode === 'need_shop').length;
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
        />
      )}
      <Box
        header={
          // The buttons sit in the header: with several files the rows run below the fold.
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Typography.Text strong>{t('import.preview.title', { count: previews.length })}</Typography.Text>
            <Flex gap={8}>
              <Button size="small" data-testid="import-preview-cancel" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button size="small" type="primary" data-testid="import-confirm" disabled={!req || importable === 0} loading={!req} onClick={onConfirm}>
                {importable === previews.length || !req ? t('import.preview.confirm') : t('import.preview.confirmSome', { count: importable })}
              </Button>
            </Flex>
          </Flex>
        }
      >
        {previews.map((e, i) => (
          <div key={e.path} data-pending={e.pending || undefined} style={e.pending ? { opacity: 0.6 } : undefined}>
            <ResultRow
              r={e.preview.result}
              preview={e.preview}
              testId="import-preview-row"
              onMap={onMap}
              sampleOpen={previews.length <= SAMPLES_OPEN}
              shopChoice={
                offersShopChoice(e.preview.result) ? (
                  <FileShopChoice entry={e} shops={shops} onPick={(id) => onPick(i, id)} onCreated={(s) => onShopCreated(i, s)} />
                ) : null
              }
            />
          </div>
        ))}
      </Box>
    </>
  );
}

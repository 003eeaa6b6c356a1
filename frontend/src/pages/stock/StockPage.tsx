/*
 * 库存 Stock: the stock sheet and what hangs from it, one tab each: the sheet itself, the
 * reorder list, the daily returns, stocktakes, and the order lines no SKU takes yet.
 *
 * data-testid:
 *   stock-page             page root
 *   stock-tab-<key>        the tabs (sheet, reorder, returns, stocktake, unmapped)
 *   stock-recompute        重新计算;  stock-settings  计算设置 (opens the settings modal)
 *   (each tab's own ids are listed in its file)
 */
import { useCallback, useState } from 'react';
import { App, Button, Flex, Tabs } from 'antd';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { recomputeStock } from '../../api/stock';
import { errorText } from '../../api/errors';
import { StockSheet } from './StockSheet';
import { SkuDrawer } from './SkuDrawer';
import { ReorderPanel } from './ReorderPanel';
import { ReturnsPanel } from './ReturnsPanel';
import { StocktakePanel } from './StocktakePanel';
import { UnmappedPanel } from './UnmappedPanel';
import { StockSettingsModal } from './StockSettingsModal';

const TABS = ['sheet', 'reorder', 'returns', 'stocktake', 'unmapped'] as const;
type Tab = (typeof TABS)[number];

export function StockPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tab, setTab] = useState<Tab>('sheet');
  const [open, setOpen] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [settings, setSettings] = useState(false);
  const [busy, setBusy] = useState(false);
  // every change (an edit, a posting, a mapping, new settings) reloads what is shown
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const recompute = async () => {
    setBusy(true);
    try {
      const r = await recomputeStock();
      message.success(t('stock.recomputed', { batches: r.batches }));
      changed();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.loadFailed'))}</span>, duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  const panel = (k: Tab) => {
    switch (k) {
      case 'sheet':
        return <StockSheet version={version} onOpen={setOpen} onChanged={changed} />;
      case 'reorder':
        return <ReorderPanel version={version} onOpen={setOpen} />;
      case 'returns':
        return <ReturnsPanel version={version} onOpen={setOpen} />;
      case 'stocktake':
        return <StocktakePanel version={version} onChanged={changed} />;
      case 'unmapped':
        return <UnmappedPanel version={version} onChanged={changed} />;
    }
  };

  return (
    <div data-testid="stock-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        destroyOnHidden
        tabBarExtraContent={
          <Flex gap={8}>
            <Button icon={<SettingOutlined />} data-testid="stock-settings" onClick={() => setSettings(true)}>
              {t('stock.settings')}
            </Button>
            <Button icon={<ReloadOutlined />} data-testid="stock-recompute" loading={busy} onClick={() => void recompute()}>
              {t('stock.recompute')}
            </Button>
          </Flex>
        }
        items={TABS.map((k) => ({
          key: k,
          label: <span data-testid={`stock-tab-${k}`}>{t(`stock.tabs.${k}`)}</span>,
          children: panel(k),
        }))}
      />
      <SkuDrawer id={open} onClose={() => setOpen(null)} onChanged={changed} />
      <StockSettingsModal open={settings} onClose={() => setSettings(false)} onSaved={changed} />
    </div>
  );
}

import { Layout, Menu, Typography, theme } from 'antd';
import { AlertOutlined, AreaChartOutlined, CheckSquareOutlined, CloudUploadOutlined, DatabaseOutlined, MessageOutlined, SettingOutlined, ShopOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAppData, type PageKey } from '../state/AppData';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { OrdersPage } from '../pages/orders/OrdersPage';
import { ImportPage } from '../pages/import/ImportPage';
import { ShopsPage } from '../pages/shops/ShopsPage';
import { AnomaliesPage } from '../pages/anomalies/AnomaliesPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { StaffPage } from '../pages/staff/StaffPage';
import { InquiryPage } from '../pages/inquiry/InquiryPage';
import { StockPage } from '../pages/stock/StockPage';
import { ChecklistPage } from '../pages/checklist/ChecklistPage';
import { MetricsPage } from '../pages/metrics/MetricsPage';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const { page, navigate, info } = useAppData();
  const { token } = theme.useToken();

  const items = [
    { key: 'checklist', icon: <CheckSquareOutlined />, label: <span data-testid="nav-checklist">{t('nav.checklist')}</span> },
    { key: 'metrics', icon: <AreaChartOutlined />, label: <span data-testid="nav-metrics">{t('nav.metrics')}</span> },
    { key: 'orders', icon: <UnorderedListOutlined />, label: <span data-testid="nav-orders">{t('nav.orders')}</span> },
    { key: 'anomalies', icon: <AlertOutlined />, label: <span data-testid="nav-anomalies">{t('nav.anomalies')}</span> },
    { key: 'inquiry', icon: <MessageOutlined />, label: <span data-testid="nav-inquiry">{t('nav.inquiry')}</span> },
    { key: 'stock', icon: <DatabaseOutlined />, label: <span data-testid="nav-stock">{t('nav.stock')}</span> },
    { key: 'import', icon: <CloudUploadOutlined />, label: <span data-testid="nav-import">{t('nav.import')}</span> },
    { key: 'shops', icon: <ShopOutlined />, label: <span data-testid="nav-shops">{t('nav.shops')}</span> },
    { key: 'staff', icon: <TeamOutlined />, label: <span data-testid="nav-staff">{t('nav.staff')}</span> },
    { key: 'settings', icon: <SettingOutlined />, label: <span data-testid="nav-settings">{t('nav.settings')}</span> },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={176} theme="light" style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
        <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
          <div data-testid="app-title" style={{ padding: '18px 20px 14px', whiteSpace: 'nowrap' }}>
            <div style={{ fontSize: 20, fontWeight: 700, color: token.colorPrimary, letterSpacing: 2 }}>{t('app.name')}</div>
            <div style={{ fontSize: 12, color: token.colorTextTertiary }}>{t('app.tagline')}</div>
          </div>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            items={items}
            onClick={(e) => navigate(e.key as PageKey)}
            style={{ borderInlineEnd: 'none', flex: 1 }}
          />
          {info && (
            <div style={{ fontSize: 12, padding: '12px 20px', color: token.colorTextTertiary }} data-testid="app-version">
              <div className="sd-nowrap">{t('app.version', { version: info.version || '-' })}</div>
              {info.mode === 'browser' && <div className="sd-nowrap">{t('app.browserMode')}</div>}
            </div>
          )}
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            height: 56,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }} data-testid="page-title">
            {t(`nav.${page}`)}
          </Typography.Title>
          <LanguageSwitch />
        </Header>
        <Content style={{ padding: 20, minWidth: 0 }}>
          <ErrorBoundary key={page}>
            {page === 'checklist' && <ChecklistPage />}
            {page === 'metrics' && <MetricsPage />}
            {page === 'orders' && <OrdersPage />}
            {page === 'import' && <ImportPage />}
            {page === 'shops' && <ShopsPage />}
            {page === 'anomalies' && <AnomaliesPage />}
            {page === 'staff' && <StaffPage />}
            {page === 'stock' && <StockPage />}
            {page === 'settings' && <SettingsPage />}
            {page === 'inquiry' && <InquiryPage />}
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}

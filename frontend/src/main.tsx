import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import './i18n';
import './styles.css';
import { installPrintPage } from './print';
import { ErrorBoundary } from './components/ErrorBoundary';
import { AppLayout } from './components/AppLayout';
import { AppDataProvider } from './state/AppData';
import { ImportProvider } from './state/ImportState';
import { OpenedFiles } from './state/OpenedFiles';
import { WriteNotices } from './components/WriteNotices';

function Root() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <AppDataProvider>
          <ImportProvider>
            <AppLayout />
            <OpenedFiles />
            <WriteNotices />
          </ImportProvider>
        </AppDataProvider>
      </AntApp>
    </ConfigProvider>
  );
}

installPrintPage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <Root />
    </ErrorBoundary>
  </StrictMode>,
);

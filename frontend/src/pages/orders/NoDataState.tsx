import { useState } from 'react';
import { App, Button, Flex, Result } from 'antd';
import { CloudUploadOutlined, ExperimentOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { createDemo } from '../../api/system';
import { errorText } from '../../api/errors';
import { useAppData } from '../../state/AppData';

/** No shop at all yet: explain and offer the two ways in. */
export function NoDataState() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate, refresh } = useAppData();
  const [creating, setCreating] = useState(false);

  const demo = async () => {
    setCreating(true);
    try {
      const r = await createDemo();
      message.success(t('orders.empty.demoCreated', { shops: r.shops, orders: r.orders }));
      await refresh();
    } catch (err) {
      message.error(errorText(err, t('orders.empty.demoFailed')));
    } finally {
      setCreating(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: 'calc(100vh - 140px)' }} data-testid="orders-empty-nodata">
      <Result
        icon={<InboxOutlined />}
        title={t('orders.empty.noDataTitle')}
        subTitle={<div style={{ maxWidth: 520, margin: '0 auto' }}>{t('orders.empty.noDataBody')}</div>}
        extra={
          <Flex wrap gap={12} justify="center">
            <Button type="primary" size="large" icon={<CloudUploadOutlined />} data-testid="goto-import-button" onClick={() => navigate('import')}>
              {t('orders.empty.importButton')}
            </Button>
            <Button size="large" icon={<ExperimentOutlined />} data-testid="demo-button" loading={creating} onClick={demo}>
              {t('orders.empty.demoButton')}
            </Button>
          </Flex>
        }
      />
    </Flex>
  );
}

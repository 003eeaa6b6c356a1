/*
 * The worklist with nothing to handle: says so, and when the rules last ran (a seller who
 * sees an empty list wants to know it is empty because all is well, not because nothing
 * looked). Without any order yet it says what an import will bring.
 *
 * data-testid: anomalies-empty-nodata (no orders yet), anomalies-empty-none (orders, no
 * anomaly to handle), anomalies-last-check (the last run), anomalies-empty-import,
 * anomalies-empty-recheck
 */
import { useEffect, useState } from 'react';
import { Button, Result, Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, InboxOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { anomalySummary, onAnomaliesChanged } from '../../api/anomalies';
import { useAppData } from '../../state/AppData';

function LastCheck({ checkedAt }: { checkedAt: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid="anomalies-last-check" data-time={checkedAt}>
      {checkedAt ? t('workbench.empty.lastCheck', { time: checkedAt.slice(0, 16) }) : t('workbench.empty.neverChecked')}
    </Typography.Text>
  );
}

/** No orders at all yet (the whole app is empty). */
export function AnomaliesNoData() {
  const { t } = useTranslation();
  const { navigate } = useAppData();
  const [checkedAt, setCheckedAt] = useState('');
  useEffect(() => {
    const read = () =>
      anomalySummary()
        .then((s) => setCheckedAt(s.checkedAt))
        .catch(() => setCheckedAt(''));
    void read();
    return onAnomaliesChanged(() => void read());
  }, []);
  return (
    <Result
      data-testid="anomalies-empty-nodata"
      icon={<InboxOutlined />}
      title={t('workbench.empty.title')}
      subTitle={
        <div style={{ maxWidth: 620, margin: '0 auto' }}>
          <div>{t('workbench.empty.noData')}</div>
          <LastCheck checkedAt={checkedAt} />
        </div>
      }
      extra={
        <Button type="primary" size="large" icon={<CloudUploadOutlined />} data-testid="anomalies-empty-import" onClick={() => navigate('import')}>
          {t('workbench.empty.import')}
        </Button>
      }
    />
  );
}

/** Orders, but nothing to handle (no filter set). */
export function AnomaliesNone({ checkedAt, onRecheck, rechecking }: { checkedAt: string; onRecheck: () => void; rechecking: boolean }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="anomalies-empty-none"
      status="success"
      icon={<CheckCircleOutlined />}
      title={t('workbench.empty.title')}
      subTitle={
        <div style={{ maxWidth: 620, margin: '0 auto' }}>
          <div>{t('workbench.empty.none')}</div>
          <LastCheck checkedAt={checkedAt} />
        </div>
      }
      extra={
        <Button icon={<SyncOutlined />} data-testid="anomalies-empty-recheck" loading={rechecking} onClick={onRecheck}>
          {t('anomalies.recheck')}
        </Button>
      }
    />
  );
}

/*
 * The dashboard tile of the order anomalies for the morning checklist: what is still to do,
 * counts by kind, the kind with the newest anomaly first. Self-loading (and reloading after
 * every evaluation of the rules), so any page can place it.
 *
 * data-testid:
 *   anomaly-tile          the card (data-total: the number still to do)
 *   anomaly-tile-kind     one kind (data-kind, data-count); clickable when onKind is given
 *   anomaly-tile-empty    nothing to do
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Card, Empty, Flex, Skeleton, Tag, Tooltip, Typography, theme } from 'antd';
import { AlertOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { anomalySummary, onAnomaliesChanged, type AnomalySummary } from '../../api/anomalies';
import { errorText } from '../../api/errors';
import { useAppData } from '../../state/AppData';
import { kindColor, shortTime } from './logic';

interface Props {
  /** Called with a kind when the user clicks it (e.g. to filter the worklist). */
  onKind?: (kind: string) => void;
  /** Bumped by the page when it changed anomalies itself. */
  version?: number;
}

export function AnomalyTile({ onKind, version = 0 }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { dataVersion } = useAppData();
  const [summary, setSummary] = useState<AnomalySummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSummary(await anomalySummary());
      setError(null);
    } catch (err) {
      setError(errorText(err, t('anomalies.loadFailed')));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load, version, dataVersion]);
  useEffect(() => onAnomaliesChanged(() => void load()), [load]);

  const total = summary?.total ?? 0;
  return (
    <Card
      size="small"
      data-testid="anomaly-tile"
      data-total={summary ? total : ''}
      title={
        <Flex align="center" gap={8}>
          <AlertOutlined style={{ color: total > 0 ? token.colorError : token.colorSuccess }} />
          <span>{t('anomalies.tile.title')}</span>
          {summary && <Badge count={total} overflowCount={9999} showZero color={total > 0 ? token.colorError : token.colorSuccess} />}
        </Flex>
      }
      extra={
        summary?.checkedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} className="sd-nowrap">
            {t('anomalies.tile.checked', { time: shortTime(summary.checkedAt) })}
          </Typography.Text>
        ) : null
      }
      styles={{ body: { padding: '10px 12px' } }}
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!summary && !error && <Skeleton active paragraph={{ rows: 1 }} title={false} />}
      {summary && total === 0 && (
        <Empty
          data-testid="anomaly-tile-empty"
          image={<CheckCircleOutlined style={{ fontSize: 28, color: token.colorSuccess }} />}
          styles={{ image: { height: 32 } }}
          description={t('anomalies.tile.none')}
        />
      )}
      {summary && total > 0 && (
        <Flex wrap gap={8}>
          {summary.kinds.map((g) => (
            <Tooltip
              key={g.kind}
              title={
                <div>
                  {g.shops.map((s) => (
                    <div key={s.shopId}>{t('anomalies.tile.shopCount', { shop: s.shopName || '-', count: s.count })}</div>
                  ))}
                  <div>{t('anomalies.tile.newest', { time: shortTime(g.newest) })}</div>
                </div>
              }
            >
              <Tag
                data-testid="anomaly-tile-kind"
                data-kind={g.kind}
                data-count={g.count}
                color={kindColor(g.kind)}
                onClick={onKind ? () => onKind(g.kind) : undefined}
                style={{ cursor: onKind ? 'pointer' : 'default', margin: 0, padding: '2px 10px', fontSize: 13 }}
              >
                <span className="sd-nowrap">
                  {t(`anomalies.kind.${g.kind}`, { defaultValue: g.kind })} <b>{g.count}</b>
                </span>
              </Tag>
            </Tooltip>
          ))}
        </Flex>
      )}
    </Card>
  );
}

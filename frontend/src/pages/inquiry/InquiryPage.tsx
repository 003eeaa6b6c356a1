/*
 * 询盘登记: the inquiry and deal register. Tabs: 登记 (the keyboard-first entry grid over
 * the register), 跟进 (follow-ups due), 成交匹配 (orders proposed as deals), 分析 (conversion
 * and reasons), 列表与规则 (the editable lists and the rules).
 *
 * data-testid: inquiry-page, inquiry-tab-<key> (the tab labels), inquiry-refs-error.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { followUps, listMatches, onInquiriesChanged } from '../../api/inquiry';
import { listSettings } from '../../api/settings';
import { errorText } from '../../api/errors';
import { useAppData } from '../../state/AppData';
import { EntryGrid } from './EntryGrid';
import { RegisterTable } from './RegisterTable';
import { PasteModal } from './PasteModal';
import { FollowUpsPanel } from './FollowUpsPanel';
import { MatchesPanel } from './MatchesPanel';
import { StatsPanel } from './StatsPanel';
import { ListsPanel } from './ListsPanel';
import { emptyRow, shopDay, type DraftRow } from './logic';
import { useRefs } from './useRefs';
import { takeFilter } from '../../lib/pageLink';

export function InquiryPage() {
  const { t } = useTranslation();
  const { dataVersion } = useAppData();
  const refs = useRefs();
  // 今日清单's follow-ups line opens the follow-ups tab (lib/pageLink).
  const [tab, setTab] = useState(() => takeFilter('inquiry').tab || 'entry');
  const [version, setVersion] = useState(0);
  const [paste, setPaste] = useState<{ text: string; defaults: DraftRow } | null>(null);
  const [counts, setCounts] = useState({ due: 0, proposed: 0, days: 7 });

  const changed = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([followUps(), listMatches('proposed'), listSettings()]).then(
      ([f, m, s]) => live && setCounts({ due: f.due, proposed: m.length, days: s.find((x) => x.key === 'inquiry_match_days')?.value ?? 7 }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [version, dataVersion]);
  useEffect(() => onInquiriesChanged(changed), [changed]);

  const label = (key: string, n = 0) => (
    <span data-testid={`inquiry-tab-${key}`}>
      <Flex gap={6} align="center">
        {t(`inquiry.tabs.${key}`)}
        {n > 0 && <Badge count={n} size="small" />}
      </Flex>
    </span>
  );

  return (
    <div data-testid="inquiry-page">
      {refs.error !== null && <Alert type="error" showIcon data-testid="inquiry-refs-error" title={errorText(refs.error, t('inquiry.common.loadFailed'))} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'entry',
            label: label('entry'),
            children: (
              <Flex vertical gap={12}>
                <EntryGrid refs={refs} onSaved={changed} onPaste={(text, defaults) => setPaste({ text, defaults })} />
                <RegisterTable refs={refs} version={version + dataVersion} onChanged={changed} />
              </Flex>
            ),
          },
          { key: 'followUps', label: label('followUps', counts.due), children: <FollowUpsPanel refs={refs} version={version} onChanged={changed} /> },
          {
            key: 'matches',
            label: label('matches', counts.proposed),
            children: <MatchesPanel refs={refs} days={counts.days} version={version + dataVersion} onChanged={changed} />,
          },
          { key: 'stats', label: label('stats'), children: <StatsPanel version={version + dataVersion} /> },
          { key: 'lists', label: label('lists'), children: <ListsPanel refs={refs} onRulesSaved={changed} /> },
        ]}
      />
      <PasteModal
        text={paste?.text ?? null}
        defaults={paste?.defaults ?? emptyRow(shopDay())}
        refs={refs}
        onClose={() => setPaste(null)}
        onAdded={() => {
          changed();
          void refs.reload();
        }}
      />
    </div>
  );
}

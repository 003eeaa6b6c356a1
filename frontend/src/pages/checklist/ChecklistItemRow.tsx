/*
 * One line of the checklist: a box to tick (who and when are recorded), its title, its count
 * (opens the list behind it), what it is about, the first few things behind the count, and
 * skip (with a reason) or undo.
 *
 * data-testid: cl-item-<key> (the row; data-state), cl-tick-<key> (the checkbox), cl-count-<key>,
 * cl-skip-<key>, cl-skip-reason, cl-skip-ok, cl-reopen-<key>
 */
import { useState } from 'react';
import { Button, Checkbox, Input, Popover, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../api/checklist';
import { isDone, itemDetail, itemTitle, when } from './text';

interface Props {
  item: ChecklistItem;
  day: string;
  readOnly: boolean;
  onTick: (it: ChecklistItem) => void;
  onSkip: (it: ChecklistItem, reason: string) => void;
  onReopen: (it: ChecklistItem) => void;
  onOpenLink: (link: string) => void;
}

export function ChecklistItemRow({ item, day, readOnly, onTick, onSkip, onReopen, onOpenLink }: Props) {
  const { t } = useTranslation();
  const [skipOpen, setSkipOpen] = useState(false);
  const [reason, setReason] = useState('');
  const done = isDone(item);
  const id = item.key;
  const status = (() => {
    switch (item.state) {
      case 'done':
        return item.doneBy
          ? t('checklist.doneBy', { who: item.doneBy, at: when(item.doneAt, day) })
          : t('checklist.doneNobody', { at: when(item.doneAt, day) });
      case 'skipped':
        return t('checklist.skippedBy', { who: item.doneBy || '—', at: when(item.doneAt, day), reason: item.note });
      case 'auto':
        return item.note;
      default:
        return '';
    }
  })();
  const detail = itemDetail(t, item);
  const submitSkip = () => {
    if (!reason.trim()) return;
    onSkip(item, reason.trim());
    setSkipOpen(false);
    setReason('');
  };
  return (
    <div className={`sd-cl-item sd-cl-${item.state}`} data-testid={`cl-item-${id}`} data-state={item.state}>
      <Checkbox
        data-testid={`cl-tick-${id}`}
        checked={done}
        disabled={readOnly || item.state === 'auto' || item.id === 0}
        onChange={(e) => (e.target.checked ? onTick(item) : onReopen(item))}
        style={{ marginTop: 2 }}
      />
      <div className="sd-cl-body">
        <div className="sd-cl-line">
          <Typography.Text strong delete={item.state === 'skipped'} className="sd-cl-title">
            {itemTitle(t, item)}
          </Typography.Text>
          {item.count > 0 &&
            (item.link ? (
              <Tag
                color={done ? 'default' : 'blue'}
                className="sd-cl-count"
                data-testid={`cl-count-${id}`}
                title={t('checklist.openList')}
                onClick={() => onOpenLink(item.link)}
              >
                {item.count}
              </Tag>
            ) : (
              <Tag className="sd-cl-count">{item.count}</Tag>
            ))}
          {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
          {item.owner && <Typography.Text type="secondary">{t('checklist.owner', { name: item.owner })}</Typography.Text>}
        </div>
        {item.top.length > 0 && (
          <div className="sd-cl-top">
            {item.top.map((x) => (
              <div key={x.ref + x.text} title={x.text}>
                {x.text}
              </div>
            ))}
          </div>
        )}
        {status && (
          <div className="sd-cl-status" data-testid={`cl-status-${id}`}>
            {status}
          </div>
        )}
      </div>
      {!readOnly && item.id !== 0 && (
        <Space size={4} className="sd-cl-actions">
          {item.state === 'open' && (
            <Popover
              open={skipOpen}
              onOpenChange={setSkipOpen}
              trigger="click"
              title={t('checklist.skipReason')}
              content={
                <Space.Compact style={{ width: 280 }}>
                  <Input
                    data-testid="cl-skip-reason"
                    autoFocus
                    value={reason}
                    maxLength={200}
                    placeholder={t('checklist.skipReasonPlaceholder')}
                    onChange={(e) => setReason(e.target.value)}
                    onPressEnter={submitSkip}
                  />
                  <Button data-testid="cl-skip-ok" type="primary" disabled={!reason.trim()} onClick={submitSkip}>
                    {t('checklist.skipOk')}
                  </Button>
                </Space.Compact>
              }
            >
              <Button size="small" type="text" data-testid={`cl-skip-${id}`}>
                {t('checklist.skip')}
              </Button>
            </Popover>
          )}
          {(item.state === 'done' || item.state === 'skipped') && (
            <Button size="small" type="text" data-testid={`cl-reopen-${id}`} onClick={() => onReopen(item)}>
              {t('checklist.reopen')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}

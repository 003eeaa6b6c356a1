/*
 * 列表与规则: the editable lists (customer types, channels, no-deal reasons, deal types)
 * and the register's rules (matching window, auto-confirm, the credit rules, the revisit
 * plan), which are settings of group "inquiry".
 *
 * data-testid: lists-panel, list-<list> (card), list-item (data-name, data-active),
 * list-rename, list-toggle, list-up, list-add-<list> (input), rules-card, rule-<key>,
 * rules-save.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Col, Flex, Input, InputNumber, Row, Switch, Tag, Typography } from 'antd';
import { ArrowUpOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { saveOption, type InquiryOption } from '../../api/inquiry';
import { listSettings, saveSettings, type Setting } from '../../api/settings';
import { errorText } from '../../api/errors';
import { LISTS, type ListName } from './domain';
import type { Refs } from './useRefs';

export function ListsPanel({ refs, onRulesSaved }: { refs: Refs; onRulesSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [adding, setAdding] = useState<Record<string, string>>({});
  const [rules, setRules] = useState<Setting[]>([]);
  const [draft, setDraft] = useState<Record<string, number>>({});

  const loadRules = useCallback(async () => {
    try {
      setRules((await listSettings()).filter((s) => s.rule === 'inquiry'));
      setDraft({});
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.loadFailed')));
    }
  }, [message, t]);
  useEffect(() => {
    void loadRules();
  }, [loadRules]);

  const save = async (o: InquiryOption, done: string) => {
    try {
      const r = await saveOption(o);
      message.success(r.renamed > 0 ? t('inquiry.lists.renamed', { n: r.renamed }) : done);
      setEditing(null);
      await refs.reload();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('inquiry.common.saveFailed'))}</span>, duration: 6 });
    }
  };

  const listCard = (list: ListName) => {
    const items = refs.options.filter((o) => o.list === list);
    return (
      <Col key={list} xs={24} lg={12}>
        <Card size="small" title={t(`inquiry.list.${list}`)} data-testid={`list-${list}`} style={{ height: '100%' }}>
          <Flex vertical gap={4}>
            {items.map((o, i) => (
              <Flex key={o.id} align="center" gap={6} data-testid="list-item" data-name={o.name} data-active={String(o.active)}>
                {editing?.id === o.id ? (
                  <Input
                    size="small"
                    autoFocus
                    data-testid="list-rename"
                    value={editing.name}
                    onChange={(e) => setEditing({ id: o.id, name: e.target.value })}
                    onPressEnter={() => void save({ ...o, name: editing.name } as InquiryOption, t('inquiry.lists.added'))}
                    onBlur={() => setEditing(null)}
                    style={{ width: 180 }}
                  />
                ) : (
                  <Typography.Text delete={!o.active} style={{ minWidth: 120, cursor: 'text' }} onClick={() => setEditing({ id: o.id, name: o.name })} title={t('inquiry.lists.rename')}>
                    {o.name}
                  </Typography.Text>
                )}
                {!o.active && <Tag>{t('inquiry.lists.hidden')}</Tag>}
                <Flex gap={2} style={{ marginInlineStart: 'auto' }}>
                  <Button
                    size="small"
                    type="text"
                    data-testid="list-up"
                    disabled={i === 0}
                    icon={<ArrowUpOutlined />}
                    aria-label={t('inquiry.lists.up')}
                    onClick={async () => {
                      // Swap with the one above (equal positions, e.g. from an old version, get distinct ones).
                      const prev = items[i - 1];
                      const [a, b] = prev.position === o.position ? [prev.position + 1, prev.position] : [o.position, prev.position];
                      await saveOption({ ...prev, position: a } as InquiryOption);
                      await save({ ...o, position: b } as InquiryOption, t('inquiry.lists.added'));
                    }}
                  />
                  <Button
                    size="small"
                    type="text"
                    data-testid="list-toggle"
                    icon={o.active ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                    aria-label={o.active ? t('inquiry.lists.hide') : t('inquiry.lists.show')}
                    onClick={() => void save({ ...o, active: !o.active } as InquiryOption, t('inquiry.lists.added'))}
                  />
                </Flex>
              </Flex>
            ))}
            <Input.Search
              size="small"
              data-testid={`list-add-${list}`}
              placeholder={t('inquiry.lists.placeholder')}
              enterButton={t('inquiry.lists.add')}
              value={adding[list] ?? ''}
              onChange={(e) => setAdding((a) => ({ ...a, [list]: e.target.value }))}
              onSearch={(v) => {
                if (!v.trim()) return;
                void save({ id: 0, list, name: v, position: 0, active: true } as InquiryOption, t('inquiry.lists.added')).then(() =>
                  setAdding((a) => ({ ...a, [list]: '' })),
                );
              }}
              style={{ marginTop: 6, maxWidth: 280 }}
            />
          </Flex>
        </Card>
      </Col>
    );
  };

  const saveRules = async () => {
    try {
      await saveSettings(draft);
      message.success(t('inquiry.lists.savedRules'));
      await loadRules();
      onRulesSaved();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('inquiry.common.saveFailed'))}</span>, duration: 6 });
    }
  };
  const value = (s: Setting) => draft[s.key] ?? s.value;

  return (
    <Flex vertical gap={12} data-testid="lists-panel">
      <Card
        size="small"
        title={t('inquiry.lists.rules')}
        data-testid="rules-card"
        extra={
          <Button type="primary" size="small" data-testid="rules-save" disabled={Object.keys(draft).length === 0} onClick={() => void saveRules()}>
            {t('inquiry.lists.save')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
          {t('inquiry.lists.rulesIntro')}
        </Typography.Paragraph>
        <Row gutter={[16, 8]}>
          {rules.map((s) => (
            <Col key={s.key} xs={24} lg={12}>
              <Flex align="center" gap={12} style={{ minHeight: 32 }}>
                <span style={{ flex: 1 }}>{t(`inquiry.setting.${s.key}`)}</span>
                {s.unit === 'switch' ? (
                  <Switch
                    data-testid={`rule-${s.key}`}
                    checked={value(s) !== 0}
                    checkedChildren={t('inquiry.lists.on')}
                    unCheckedChildren={t('inquiry.lists.off')}
                    onChange={(on) => setDraft((d) => ({ ...d, [s.key]: on ? 1 : 0 }))}
                  />
                ) : (
                  <InputNumber<number>
                    data-testid={`rule-${s.key}`}
                    size="small"
                    min={s.min}
                    max={s.max}
                    precision={0}
                    value={value(s)}
                    onChange={(v) => v !== null && setDraft((d) => ({ ...d, [s.key]: v }))}
                    suffix={t(s.unit === 'days' ? 'inquiry.lists.days' : 'inquiry.lists.hours')}
                    style={{ width: 110 }}
                  />
                )}
              </Flex>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('inquiry.lists.title')}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
          {t('inquiry.lists.intro')}
        </Typography.Paragraph>
        <Row gutter={[12, 12]}>{LISTS.map(listCard)}</Row>
      </Card>
    </Flex>
  );
}

/*
 * 规则 the pay rules: pay levels with their base pay, and the house rules' numbers
 * (defaults from the domain brief). Changes are the owner's and apply to months not closed.
 *
 * data-testid: rules-tab, level-row (data-name), level-edit, level-name, level-base, level-save,
 *   level-add, level-delete (+ level-delete-confirm), rule-<key> (each number), rules-save, rules-reset (+ rules-reset-confirm)
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Flex, Input, InputNumber, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deleteLevel, listLevels, listRules, saveLevel, saveRules, type Auth, type Level, type Rule } from '../../api/staff';
import { errorText } from '../../api/errors';
import { toShown, toStored } from '../settings/SettingsPage';
import { isPinError, useStaffCtx } from './StaffContext';

const GROUPS = ['rota', 'attendance', 'service', 'pay'] as const;

export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { ask, forgetOwner, reloadStaff } = useStaffCtx();
  const [levels, setLevels] = useState<Level[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  const [edit, setEdit] = useState<Level | null>(null);
  const [draft, setDraft] = useState<Record<string, number | null>>({});

  const load = useCallback(async () => {
    try {
      const [l, r] = await Promise.all([listLevels(), listRules()]);
      setLevels(l);
      setRules(r);
      setDraft({});
    } catch (err) {
      message.error(errorText(err, t('staff.loadFailed')));
    }
  }, [message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const asOwner = async (title: string, fn: (a: Auth) => Promise<unknown>, done: string) => {
    const a = await ask({ ownerOnly: true, title });
    if (!a) return false;
    try {
      await fn(a);
      message.success(done);
      await load();
      await reloadStaff();
      return true;
    } catch (err) {
      if (isPinError(err)) forgetOwner();
      message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
      return false;
    }
  };

  const changes = useMemo(() => {
    const out: Record<string, number> = {};
    for (const r of rules) {
      const d = draft[r.key];
      if (d !== undefined && d !== null && toStored(r, d) !== r.value) out[r.key] = toStored(r, d);
    }
    return out;
  }, [draft, rules]);
  const dirty = Object.keys(changes).length > 0;
  const defaults = Object.fromEntries(rules.map((r) => [r.key, r.default]));
  const yuan = (fen: number) => (fen / 100).toFixed(2);

  return (
    <div data-testid="rules-tab">
      <Typography.Paragraph type="secondary">{t('staff.rules.intro')}</Typography.Paragraph>
      <Card title={t('staff.rules.levels')} style={{ marginBottom: 16 }}
        extra={<Button icon={<PlusOutlined />} data-testid="level-add" disabled={edit !== null} onClick={() => setEdit({ id: 0, name: '', baseFen: 0, staffCount: 0 } as Level)}>{t('staff.rules.addLevel')}</Button>}>
        <Table<Level>
          className="sd-staff-table"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={edit && edit.id === 0 ? [...levels, edit] : levels}
          onRow={(l) => ({ 'data-testid': 'level-row', 'data-name': l.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'name', title: t('staff.rules.levelName'), width: 160, render: (_, l) => (edit?.id === l.id ? <Input data-testid="level-name" autoFocus maxLength={20} value={edit.name} onChange={(e) => setEdit({ ...edit, name: e.target.value })} /> : l.name) },
            {
              key: 'base',
              title: t('staff.rules.base'),
              width: 180,
              render: (_, l) =>
                edit?.id === l.id ? (
                  <InputNumber data-testid="level-base" min={0} max={1000000} precision={2} value={edit.baseFen / 100} suffix={t('settings.unit.fen')} style={{ width: 150 }}
                    onChange={(v) => setEdit({ ...edit, baseFen: Math.round((v ?? 0) * 100) })} />
                ) : (
                  `${yuan(l.baseFen)} ${t('settings.unit.fen')}`
                ),
            },
            { key: 'count', title: t('staff.rules.people'), width: 100, render: (_, l) => t('staff.rules.peopleCount', { count: l.staffCount }) },
            {
              key: 'op',
              title: '',
              render: (_, l) =>
                edit?.id === l.id ? (
                  <Flex gap={6}>
                    <Button size="small" type="primary" data-testid="level-save"
                      onClick={async () => (await asOwner(t('staff.rules.saveLevelTitle'), (a) => saveLevel(edit, a), t('staff.rules.levelSaved', { name: edit.name }))) && setEdit(null)}>
                      {t('staff.save')}
                    </Button>
                    <Button size="small" onClick={() => setEdit(null)}>{t('common.cancel')}</Button>
                  </Flex>
                ) : (
                  <Flex gap={6}>
                    <Button size="small" data-testid="level-edit" disabled={edit !== null} onClick={() => setEdit({ ...l })}>{t('staff.edit')}</Button>
                    <Popconfirm title={t('staff.rules.deleteLevel', { name: l.name })} okText={t('staff.delete')} cancelText={t('common.cancel')} disabled={l.staffCount > 0}
                      okButtonProps={{ danger: true, ...({ 'data-testid': 'level-delete-confirm' } as object) }}
                      onConfirm={() => void asOwner(t('staff.rules.deleteLevel', { name: l.name }), (a) => deleteLevel(l.id, a), t('staff.rules.levelDeleted', { name: l.name }))}>
                      <Button size="small" danger data-testid="level-delete" disabled={l.staffCount > 0 || edit !== null}>{t('staff.delete')}</Button>
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('staff.rules.title')}
        extra={
          <Flex gap={8}>
            <Popconfirm title={t('staff.rules.resetTitle')} description={t('staff.rules.resetBody')} okText={t('staff.rules.reset')} cancelText={t('common.cancel')}
              okButtonProps={{ ...({ 'data-testid': 'rules-reset-confirm' } as object) }}
              onConfirm={() => void asOwner(t('staff.rules.reset'), (a) => saveRules(defaults, a), t('staff.rules.resetDone'))}>
              <Button data-testid="rules-reset" disabled={rules.every((r) => r.value === r.default)}>{t('staff.rules.reset')}</Button>
            </Popconfirm>
            <Button type="primary" data-testid="rules-save" disabled={!dirty} onClick={() => void asOwner(t('staff.rules.saveTitle'), (a) => saveRules(changes, a), t('staff.rules.saved'))}>
              {t('staff.save')}
            </Button>
          </Flex>
        }>
        <Flex vertical gap={16}>
          {GROUPS.map((g) => (
            <div key={g}>
              <Typography.Text strong>{t(`staff.rules.group.${g}`)}</Typography.Text>
              <Row gutter={[16, 8]} style={{ marginTop: 6 }}>
                {rules.filter((r) => r.rule === g).map((r) => (
                  <Col key={r.key} xs={24} xl={12}>
                    <Flex align="center" gap={12} style={{ minHeight: 36 }}>
                      <div style={{ flex: 1, minWidth: 0 }}>
                        {t(`staff.rules.key.${r.key.replace('pay.', '')}`)}
                        {r.value !== r.default && <Tag style={{ marginInlineStart: 6 }} color="blue">{t('settings.thresholds.default', { value: toShown(r, r.default) })}</Tag>}
                      </div>
                      <InputNumber<number>
                        data-testid={`rule-${r.key}`}
                        style={{ width: 150 }}
                        value={draft[r.key] !== undefined ? draft[r.key] : toShown(r, r.value)}
                        min={toShown(r, r.min)}
                        max={toShown(r, r.max)}
                        step={r.unit === 'fen' ? 1 : r.step}
                        precision={r.unit === 'fen' ? 2 : r.step < 1 ? 2 : 0}
                        onChange={(v) => setDraft((d) => ({ ...d, [r.key]: v }))}
                        suffix={t(`settings.unit.${r.unit}`, { defaultValue: t(`staff.unit.${r.unit}`) })}
                      />
                    </Flex>
                  </Col>
                ))}
              </Row>
            </div>
          ))}
        </Flex>
      </Card>
    </div>
  );
}

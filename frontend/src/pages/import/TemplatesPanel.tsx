/*
 * 导入模板与记住的店铺: the templates made on the mapping screen (rename inline, delete with
 * confirmation) and the shops remembered for files without 店铺名称 (forget with confirmation).
 *
 * data-testid:
 *   templates-panel              the panel (Tabs); tab keys "templates" and "choices"
 *   templates-table              template table wrapper; rows template-row (data-id)
 *   template-name-<id>           the name (editable: the pencil button, Enter saves, Esc cancels)
 *   template-kind-<id>           订单 or 退款/售后
 *   template-delete-<id>         删除;  template-delete-confirm  its Popconfirm OK
 *   shop-choices-table           remembered shops wrapper; rows shop-choice-row
 *   shop-choice-forget-<id>      忘记;  shop-choice-forget-confirm  its Popconfirm OK
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Popconfirm, Table, Tabs, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import {
  deleteTemplate,
  forgetShopChoice,
  listShopChoices,
  listTemplates,
  renameTemplate,
  type ShopChoice,
  type Template,
} from '../../api/imports';
import { errorText } from '../../api/errors';
import { platformLabel } from '../../components/labels';
import { fieldsFor, kindOfLevel } from './mapping';

/** version: bumped after imports and after a template is saved, to reload both lists. */
export function TemplatesPanel({ version }: { version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [choices, setChoices] = useState<ShopChoice[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [tpls, chs] = await Promise.all([listTemplates(), listShopChoices()]);
      setTemplates(tpls);
      setChoices(chs);
    } catch (err) {
      setError(errorText(err, t('templates.loadFailed')));
    } finally {
      setLoading(false);
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const rename = async (tpl: Template, name: string) => {
    if (name.trim() === '' || name.trim() === tpl.name) return;
    try {
      const r = await renameTemplate(tpl.id, name);
      message.success(t('templates.renamed', { name: r.name }));
      await load();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('templates.renameFailed'))}</span>, duration: 6 });
    }
  };

  const remove = async (tpl: Template) => {
    setBusyId(`t${tpl.id}`);
    try {
      await deleteTemplate(tpl.id);
      message.success(t('templates.deleted', { name: tpl.name }));
      await load();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('templates.deleteFailed'))}</span>, duration: 6 });
    } finally {
      setBusyId(null);
    }
  };

  const forget = async (c: ShopChoice) => {
    setBusyId(`c${c.id}`);
    try {
      await forgetShopChoice(c.id);
      message.success(t('templates.forgotten', { pattern: c.filePattern }));
      await load();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('templates.forgetFailed'))}</span>, duration: 6 });
    } finally {
      setBusyId(null);
    }
  };

  const mappedText = (tpl: Template) =>
    fieldsFor(kindOfLevel(tpl.level), true)
      .filter((f) => tpl.columns?.[f.key]?.length)
      .map((f) => `${t(`mapping.field.${f.key}`)} ← ${tpl.columns[f.key].join(' + ')}`)
      .join('\n');

  const templateColumns: ColumnsType<Template> = [
    {
      key: 'name',
      title: t('templates.name'),
      render: (_: unknown, tpl) => (
        <Typography.Text
          data-testid={`template-name-${tpl.id}`}
          editable={{ onChange: (v) => void rename(tpl, v), maxLength: 40, triggerType: ['icon', 'text'] }}
          style={{ wordBreak: 'break-all' }}
        >
          {tpl.name}
        </Typography.Text>
      ),
    },
    {
      key: 'platform',
      title: t('templates.platform'),
      width: 170,
      render: (_: unknown, tpl) => (
        <span className="sd-nowrap">
          <Tag>{platformLabel(t, tpl.platform)}</Tag>
          <Tag color={kindOfLevel(tpl.level) === 'refunds' ? 'purple' : undefined} data-testid={`template-kind-${tpl.id}`}>
            {t(`mapping.kinds.${kindOfLevel(tpl.level)}`)}
          </Tag>
        </span>
      ),
    },
    {
      key: 'columns',
      title: t('templates.columns'),
      width: 110,
      render: (_: unknown, tpl) => (
        <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{mappedText(tpl)}</span>}>
          <Typography.Text underline style={{ cursor: 'help' }} className="sd-nowrap">
            {t('templates.fieldsCount', { count: Object.keys(tpl.columns ?? {}).length })}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'lastUsed',
      title: t('templates.lastUsed'),
      width: 170,
      render: (_: unknown, tpl) =>
        tpl.lastUsedAt ? <span className="sd-nowrap">{tpl.lastUsedAt}</span> : <Typography.Text type="secondary">{t('templates.never')}</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('templates.actions'),
      width: 100,
      render: (_: unknown, tpl) => (
        <Popconfirm
          title={t('templates.deleteTitle', { name: tpl.name })}
          description={<div style={{ maxWidth: 320 }}>{t('templates.deleteBody')}</div>}
          okText={t('templates.deleteOk')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'template-delete-confirm' } as ButtonProps}
          onConfirm={() => remove(tpl)}
        >
          <Button size="small" danger icon={<DeleteOutlined />} loading={busyId === `t${tpl.id}`} data-testid={`template-delete-${tpl.id}`}>
            {t('templates.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const choiceColumns: ColumnsType<ShopChoice> = [
    {
      key: 'pattern',
      title: (
        <Tooltip title={t('templates.patternHint')}>
          <span style={{ cursor: 'help' }}>{t('templates.pattern')}</span>
        </Tooltip>
      ),
      render: (_: unknown, c) => <span style={{ wordBreak: 'break-all' }}>{c.filePattern}</span>,
    },
    { key: 'platform', title: t('templates.platform'), width: 110, render: (_: unknown, c) => <Tag>{platformLabel(t, c.platform)}</Tag> },
    { key: 'shop', title: t('templates.shop'), width: 200, render: (_: unknown, c) => <Tag color="blue">{c.shopName}</Tag> },
    { key: 'lastUsed', title: t('templates.lastUsed'), width: 170, render: (_: unknown, c) => <span className="sd-nowrap">{c.lastUsedAt}</span> },
    {
      key: 'actions',
      title: t('templates.actions'),
      width: 100,
      render: (_: unknown, c) => (
        <Popconfirm
          title={t('templates.forgetTitle', { pattern: c.filePattern })}
          description={<div style={{ maxWidth: 320 }}>{t('templates.forgetBody')}</div>}
          okText={t('templates.forget')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'shop-choice-forget-confirm' } as ButtonProps}
          onConfirm={() => forget(c)}
        >
          <Button size="small" loading={busyId === `c${c.id}`} data-testid={`shop-choice-forget-${c.id}`}>
            {t('templates.forget')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const empty = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

  return (
    <div data-testid="templates-panel">
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={<span className="sd-error-text">{error}</span>} />}
      <Tabs
        items={[
          {
            key: 'templates',
            label: t('templates.tabTemplates', { count: templates.length }),
            children: (
              <div data-testid="templates-table">
                <Table<Template>
                  rowKey="id"
                  size="small"
                  columns={templateColumns}
                  dataSource={templates}
                  loading={loading}
                  pagination={templates.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  onRow={(tpl) => ({ 'data-testid': 'template-row', 'data-id': tpl.id }) as React.HTMLAttributes<HTMLElement>}
                  locale={{ emptyText: empty(t('templates.empty')) }}
                />
              </div>
            ),
          },
          {
            key: 'choices',
            label: t('templates.tabChoices', { count: choices.length }),
            children: (
              <div data-testid="shop-choices-table">
                <Table<ShopChoice>
                  rowKey="id"
                  size="small"
                  columns={choiceColumns}
                  dataSource={choices}
                  loading={loading}
                  pagination={choices.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  onRow={() => ({ 'data-testid': 'shop-choice-row' }) as React.HTMLAttributes<HTMLElement>}
                  locale={{ emptyText: empty(t('templates.choicesEmpty')) }}
                />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

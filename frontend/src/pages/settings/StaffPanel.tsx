/*
 * The staff list of 设置 (name, role, active). People are made inactive, never deleted, so
 * that the anomalies they handled keep their names; the later staff module (rota,
 * attendance, pay) builds on the same list.
 *
 * data-testid:
 *   staff-panel          the card
 *   staff-add            新增员工; staff-modal the dialog with staff-name, staff-role, staff-active, staff-ok
 *   staff-row            each row (data-name); staff-edit its 编辑 button, staff-active-switch its switch
 *   staff-empty          no staff yet
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { listStaff, saveStaff, type Staff } from '../../api/staff';
import { errorText } from '../../api/errors';

export const ROLES = ['owner', 'operations', 'cs_presale', 'cs_insale', 'cs_aftersale', 'warehouse', 'designer'] as const;

export function StaffPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Staff[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Staff>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await listStaff());
    } catch (err) {
      message.error(errorText(err, t('settings.loadFailed')));
    } finally {
      setLoading(false);
    }
  }, [message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (s: Staff, done: string) => {
    setSaving(true);
    try {
      await saveStaff(s);
      message.success(done);
      setEditing(null);
      await load();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('settings.saveFailed'))}</span>, duration: 6 });
    } finally {
      setSaving(false);
    }
  };

  const openEditor = (s: Staff | null) => {
    const v = s ?? ({ id: 0, name: '', role: 'cs_presale', active: true, note: '' } as Staff);
    setEditing(v);
    form.setFieldsValue(v);
  };

  return (
    <Card
      data-testid="staff-panel"
      title={t('settings.staff.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} data-testid="staff-add" onClick={() => openEditor(null)}>
          {t('settings.staff.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('settings.staff.intro')}
      </Typography.Paragraph>
      <Table<Staff>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: (
            <Empty data-testid="staff-empty" description={t('settings.staff.empty')}>
              <Button onClick={() => openEditor(null)}>{t('settings.staff.add')}</Button>
            </Empty>
          ),
        }}
        onRow={(s) => ({ 'data-testid': 'staff-row', 'data-name': s.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('settings.staff.name'), dataIndex: 'name', width: 160 },
          { key: 'role', title: t('settings.staff.role'), dataIndex: 'role', width: 140, render: (r: string) => <Tag>{t(`settings.role.${r}`, { defaultValue: r })}</Tag> },
          {
            key: 'active',
            title: t('settings.staff.active'),
            dataIndex: 'active',
            width: 100,
            render: (active: boolean, s) => (
              <Switch
                data-testid="staff-active-switch"
                size="small"
                checked={active}
                loading={saving}
                onChange={(v) => void save({ ...s, active: v }, v ? t('settings.staff.activated', { name: s.name }) : t('settings.staff.deactivated', { name: s.name }))}
              />
            ),
          },
          { key: 'note', title: t('settings.staff.note'), dataIndex: 'note', ellipsis: true },
          {
            key: 'edit',
            title: '',
            width: 80,
            render: (_: unknown, s) => (
              <Button size="small" autoInsertSpace={false} data-testid="staff-edit" onClick={() => openEditor(s)}>
                {t('settings.staff.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.id ? t('settings.staff.editTitle') : t('settings.staff.addTitle')}
        onCancel={() => setEditing(null)}
        okText={t('settings.staff.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        okButtonProps={{ ...({ 'data-testid': 'staff-ok' } as object) }}
        onOk={async () => {
          const v = await form.validateFields();
          await save({ ...editing!, ...v }, t('settings.staff.saved', { name: v.name.trim() }));
        }}
        destroyOnHidden
        forceRender
      >
        <div data-testid="staff-modal">
          <Form<Staff> form={form} layout="vertical">
            <Form.Item name="name" label={t('settings.staff.name')} rules={[{ required: true, whitespace: true, message: t('settings.staff.nameRequired') }]}>
              <Input data-testid="staff-name" maxLength={30} autoFocus />
            </Form.Item>
            <Form.Item name="role" label={t('settings.staff.role')}>
              <Select data-testid="staff-role" options={ROLES.map((r) => ({ value: r, label: t(`settings.role.${r}`) }))} />
            </Form.Item>
            <Form.Item name="active" label={t('settings.staff.active')} valuePropName="checked">
              <Switch data-testid="staff-active" />
            </Form.Item>
            <Form.Item name="note" label={t('settings.staff.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        </div>
      </Modal>
    </Card>
  );
}

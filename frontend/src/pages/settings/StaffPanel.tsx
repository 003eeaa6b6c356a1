/*
 * The staff list of 设置 (the one list: anomalies are assigned to these people, and the 员工
 * page plans, clocks and pays them): name, role, pay level, platform sub-accounts, joined
 * and left dates, a clock-in PIN (kept only as a salted hash; changing one needs the owner),
 * active. People are made inactive, never deleted, so that what they did keeps their names.
 *
 * data-testid:
 *   staff-panel          the card
 *   staff-add            新增员工; staff-modal the dialog with staff-name, staff-role, staff-level,
 *                        staff-accounts, staff-joined, staff-left, staff-pin, staff-active, staff-ok
 *   staff-row            each row (data-name); staff-edit its 编辑 button, staff-active-switch its switch,
 *                        staff-pin-reset 重设 PIN (pin-modal: pin-new, owner-name, owner-pin, pin-ok)
 *   staff-empty          no staff yet
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { listLevels, listStaff, resetPin, saveStaff, type Auth, type Level, type Staff } from '../../api/staff';
import { errorText } from '../../api/errors';
import { WhoFields } from '../../components/WhoFields';
import { ROLES } from '../staff/text';

interface StaffForm extends Omit<Staff, 'joinedOn' | 'leftOn'> {
  joinedOn: Dayjs | null;
  leftOn: Dayjs | null;
  pin: string;
}

const D = 'YYYY-MM-DD';

export function StaffPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Staff[]>([]);
  const [levels, setLevels] = useState<Level[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [saving, setSaving] = useState(false);
  const [pinFor, setPinFor] = useState<Staff | null>(null);
  const [pin, setPin] = useState('');
  const [owner, setOwner] = useState<Auth>({ staffId: 0, pin: '' } as Auth);
  const [form] = Form.useForm<StaffForm>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [s, l] = await Promise.all([listStaff(), listLevels()]);
      setRows(s);
      setLevels(l);
    } catch (err) {
      message.error(errorText(err, t('settings.loadFailed')));
    } finally {
      setLoading(false);
    }
  }, [message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const fail = (err: unknown) => message.error({ content: <span className="sd-error-text">{errorText(err, t('settings.saveFailed'))}</span>, duration: 6 });
  const save = async (s: Staff, newPin: string, done: string) => {
    setSaving(true);
    try {
      await saveStaff(s, newPin);
      message.success(done);
      setEditing(null);
      await load();
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const openEditor = (s: Staff | null) => {
    const v = s ?? ({ id: 0, name: '', role: 'cs_presale', active: true, note: '', levelId: 0, accounts: [], joinedOn: '', leftOn: '', hasPin: false } as unknown as Staff);
    setEditing(v);
    form.setFieldsValue({ ...v, joinedOn: v.joinedOn ? dayjs(v.joinedOn) : null, leftOn: v.leftOn ? dayjs(v.leftOn) : null, pin: '' } as StaffForm);
  };

  const doResetPin = async () => {
    if (!pinFor) return;
    try {
      await resetPin(pinFor.id, pin, owner);
      message.success(t('staff.panel.pinReset', { name: pinFor.name }));
      setPinFor(null);
      await load();
    } catch (err) {
      fail(err);
    }
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
        {t('staff.panel.intro')}
      </Typography.Paragraph>
      <Table<Staff>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <Empty data-testid="staff-empty" description={t('settings.staff.empty')}>
              <Button onClick={() => openEditor(null)}>{t('settings.staff.add')}</Button>
            </Empty>
          ),
        }}
        onRow={(s) => ({ 'data-testid': 'staff-row', 'data-name': s.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('settings.staff.name'), dataIndex: 'name', width: 100, ellipsis: true },
          { key: 'role', title: t('settings.staff.role'), dataIndex: 'role', width: 110, render: (r: string) => <Tag>{t(`settings.role.${r}`, { defaultValue: r })}</Tag> },
          { key: 'level', title: t('staff.panel.level'), width: 120, render: (_, s) => (s.levelId ? `${s.levelName} ${(s.baseFen / 100).toFixed(0)}` : <Typography.Text type="secondary">{t('staff.panel.noLevel')}</Typography.Text>) },
          { key: 'accounts', title: t('staff.panel.accounts'), width: 160, ellipsis: true, render: (_, s) => s.accounts.join('、') },
          { key: 'joined', title: t('staff.panel.joined'), width: 100, render: (_, s) => s.joinedOn + (s.leftOn ? ` – ${s.leftOn}` : '') },
          {
            key: 'pin',
            title: 'PIN',
            width: 110,
            render: (_, s) =>
              s.hasPin ? (
                <Button size="small" data-testid="staff-pin-reset" onClick={() => { setPinFor(s); setPin(''); setOwner({ staffId: 0, pin: '' } as Auth); }}>
                  {t('staff.panel.pinReset')}
                </Button>
              ) : (
                <Tag color="orange">{t('staff.panel.noPin')}</Tag>
              ),
          },
          {
            key: 'active',
            title: t('settings.staff.active'),
            dataIndex: 'active',
            width: 70,
            render: (active: boolean, s) => (
              <Switch data-testid="staff-active-switch" size="small" checked={active} loading={saving}
                onChange={(v) => void save({ ...s, active: v }, '', v ? t('settings.staff.activated', { name: s.name }) : t('settings.staff.deactivated', { name: s.name }))} />
            ),
          },
          { key: 'note', title: t('settings.staff.note'), dataIndex: 'note', ellipsis: true },
          {
            key: 'edit',
            title: '',
            width: 70,
            render: (_, s) => (
              <Button size="small" autoInsertSpace={false} data-testid="staff-edit" onClick={() => openEditor(s)}>
                {t('settings.staff.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={640}
        title={editing?.id ? t('settings.staff.editTitle') : t('settings.staff.addTitle')}
        onCancel={() => setEditing(null)}
        okText={t('settings.staff.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        okButtonProps={{ ...({ 'data-testid': 'staff-ok' } as object) }}
        onOk={async () => {
          const v = await form.validateFields();
          const s = { ...editing!, ...v, accounts: v.accounts ?? [], joinedOn: v.joinedOn ? v.joinedOn.format(D) : '', leftOn: v.leftOn ? v.leftOn.format(D) : '' } as Staff;
          await save(s, v.pin ?? '', t('settings.staff.saved', { name: v.name.trim() }));
        }}
        destroyOnHidden
        forceRender
      >
        <div data-testid="staff-modal">
          <Form<StaffForm> form={form} layout="vertical">
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="name" label={t('settings.staff.name')} rules={[{ required: true, whitespace: true, message: t('settings.staff.nameRequired') }]}>
                  <Input data-testid="staff-name" maxLength={30} autoFocus />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="role" label={t('settings.staff.role')}>
                  <Select data-testid="staff-role" options={ROLES.map((r) => ({ value: r, label: t(`settings.role.${r}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="levelId" label={t('staff.panel.level')} extra={t('staff.panel.levelHelp')}>
                  <Select data-testid="staff-level" options={[{ value: 0, label: t('staff.panel.noLevel') }, ...levels.map((l) => ({ value: l.id, label: `${l.name}（${(l.baseFen / 100).toFixed(2)}）` }))]} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="pin" label="PIN" extra={editing?.hasPin ? t('staff.panel.pinSet') : t('staff.panel.pinHelp')}
                  rules={[{ pattern: /^\d{4,8}$/, message: t('staff.panel.pinFormat') }]}>
                  <Input.Password data-testid="staff-pin" inputMode="numeric" autoComplete="new-password" maxLength={8} disabled={editing?.hasPin} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="joinedOn" label={t('staff.panel.joined')} extra={t('staff.panel.joinedHelp')}>
                  <DatePicker data-testid="staff-joined" format={D} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="leftOn" label={t('staff.panel.left')}>
                  <DatePicker data-testid="staff-left" format={D} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="accounts" label={t('staff.panel.accounts')} extra={t('staff.panel.accountsHelp')}>
                  <Select data-testid="staff-accounts" mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
                </Form.Item>
              </Col>
              <Col span={18}>
                <Form.Item name="note" label={t('settings.staff.note')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="active" label={t('settings.staff.active')} valuePropName="checked">
                  <Switch data-testid="staff-active" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </div>
      </Modal>
      <Modal open={pinFor !== null} title={pinFor ? t('staff.panel.pinResetTitle', { name: pinFor.name }) : ''} okText={t('settings.staff.save')} cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !/^\d{4,8}$/.test(pin) || !owner.staffId || owner.pin.length < 4, ...({ 'data-testid': 'pin-ok' } as object) }}
        onOk={() => void doResetPin()} onCancel={() => setPinFor(null)} destroyOnHidden>
        <Form layout="vertical" component="div" data-testid="pin-modal">
          <Form.Item label={t('staff.panel.pinNew')} extra={t('staff.panel.pinFormat')}>
            <Input.Password data-testid="pin-new" inputMode="numeric" autoComplete="new-password" maxLength={8} autoFocus value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
          </Form.Item>
          <WhoFields staff={rows} ownerOnly value={owner} onChange={setOwner} onEnter={() => void doResetPin()} testPrefix="owner" />
        </Form>
      </Modal>
    </Card>
  );
}

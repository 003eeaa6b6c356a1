/*
 * 请假/调班: approved leave (a rostered day on leave is not an absence) and shift swaps
 * between two people (their cells of the day are exchanged in the rota).
 *
 * data-testid: leave-tab, leave-add, leave-row (data-name), leave-cancel (+ leave-cancel-confirm),
 *   swap-add, swap-row, leave-modal (leave-person, leave-type, leave-dates, leave-approver, leave-note, leave-ok),
 *   swap-modal (swap-day, swap-a, swap-b, swap-approver, swap-note, swap-ok)
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Table, Tag } from 'antd';
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { addLeave, cancelLeave, getAttendance, swapShifts, type AttendanceMonth, type Leave, type Swap } from '../../api/staff';
import { errorText } from '../../api/errors';
import { MonthSwitch } from './MonthSwitch';
import { useStaffCtx } from './StaffContext';
import { LEAVE_TYPES, dayText } from './text';

const D = 'YYYY-MM-DD';

export function LeaveTab({ month, thisMonth, onMonth }: { month: string; thisMonth: string; onMonth: (m: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { staff, wallNow } = useStaffCtx();
  const [data, setData] = useState<AttendanceMonth | null>(null);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [swapOpen, setSwapOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [leaveForm] = Form.useForm<{ staffId: number; type: string; dates: [Dayjs, Dayjs]; approvedBy: number; note: string }>();
  const [swapForm] = Form.useForm<{ day: Dayjs; staffA: number; staffB: number; approvedBy: number; note: string }>();
  const active = staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }));

  const load = useCallback(async () => {
    try {
      setData(await getAttendance(month));
    } catch (err) {
      message.error(errorText(err, t('staff.loadFailed')));
    }
  }, [month, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (fn: () => Promise<unknown>, done: string, close: () => void) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      close();
      await load();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
    } finally {
      setBusy(false);
    }
  };

  const saveLeave = async () => {
    const v = await leaveForm.validateFields();
    const l = { staffId: v.staffId, type: v.type, from: v.dates[0].format(D), to: v.dates[1].format(D), approvedBy: v.approvedBy, note: v.note ?? '' } as Leave;
    await run(() => addLeave(l), t('staff.leave.added'), () => setLeaveOpen(false));
  };
  const saveSwap = async () => {
    const v = await swapForm.validateFields();
    const w = { day: v.day.format(D), staffA: v.staffA, staffB: v.staffB, approvedBy: v.approvedBy, note: v.note ?? '' } as Swap;
    await run(() => swapShifts(w), t('staff.swap.added'), () => setSwapOpen(false));
  };
  // The shop's today, not this PC's: they differ for hours a day when the PC's zone is not the shop's.
  const defaultDay = month === thisMonth ? dayjs(wallNow().slice(0, 10) || undefined) : dayjs(month + '-01');

  return (
    <div data-testid="leave-tab">
      <div style={{ marginBottom: 12 }}>
        <MonthSwitch month={month} thisMonth={thisMonth} onChange={onMonth} />
      </div>
      <Card
        title={t('staff.leave.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="leave-add" disabled={data?.closed} onClick={() => {
            leaveForm.setFieldsValue({ type: 'sick', dates: [defaultDay, defaultDay], note: '' });
            setLeaveOpen(true);
          }}>
            {t('staff.leave.add')}
          </Button>
        }
      >
        <Table<Leave>
          className="sd-staff-table"
          size="small"
          rowKey="id"
          loading={!data}
          dataSource={data?.leaves ?? []}
          pagination={false}
          locale={{ emptyText: t('staff.leave.empty') }}
          onRow={(l) => ({ 'data-testid': 'leave-row', 'data-name': l.staffName }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'name', title: t('staff.attendance.name'), dataIndex: 'staffName', width: 90 },
            { key: 'type', title: t('staff.leave.type'), width: 90, render: (_, l) => <Tag color={l.cancelled ? 'default' : 'blue'}>{t(`staff.leaveType.${l.type}`)}</Tag> },
            { key: 'days', title: t('staff.leave.days'), width: 170, render: (_, l) => (l.from === l.to ? dayText(t, l.from) : `${dayText(t, l.from)} – ${dayText(t, l.to)}`) },
            { key: 'by', title: t('staff.leave.approvedBy'), dataIndex: 'approvedName', width: 90 },
            { key: 'note', title: t('staff.note'), dataIndex: 'note', ellipsis: true },
            {
              key: 'op',
              title: '',
              width: 90,
              render: (_, l) =>
                l.cancelled ? (
                  <Tag>{t('staff.leave.cancelled')}</Tag>
                ) : (
                  <Popconfirm
                    title={t('staff.leave.cancelTitle', { name: l.staffName })}
                    description={t('staff.leave.cancelBody')}
                    okText={t('staff.leave.cancelOk')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, ...({ 'data-testid': 'leave-cancel-confirm' } as object) }}
                    onConfirm={() => run(() => cancelLeave(l.id), t('staff.leave.cancelDone'), () => {})}
                    disabled={data?.closed}
                  >
                    <Button size="small" data-testid="leave-cancel" disabled={data?.closed}>
                      {t('staff.leave.cancel')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={t('staff.swap.title')}
        extra={
          <Button icon={<SwapOutlined />} data-testid="swap-add" disabled={data?.closed} onClick={() => {
            swapForm.setFieldsValue({ day: defaultDay, note: '' });
            setSwapOpen(true);
          }}>
            {t('staff.swap.add')}
          </Button>
        }
      >
        <Table<Swap>
          className="sd-staff-table"
          size="small"
          rowKey="id"
          loading={!data}
          dataSource={data?.swaps ?? []}
          pagination={false}
          locale={{ emptyText: t('staff.swap.empty') }}
          onRow={() => ({ 'data-testid': 'swap-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'day', title: t('staff.attendance.day'), width: 90, render: (_, w) => dayText(t, w.day) },
            { key: 'what', title: t('staff.swap.what'), render: (_, w) => t('staff.swap.text', { a: w.nameA, b: w.nameB, cellA: w.cellA || t('staff.swap.nothing'), cellB: w.cellB || t('staff.swap.nothing') }) },
            { key: 'by', title: t('staff.leave.approvedBy'), dataIndex: 'approvedName', width: 90 },
            { key: 'note', title: t('staff.note'), dataIndex: 'note', ellipsis: true },
          ]}
        />
      </Card>
      <Modal open={leaveOpen} title={t('staff.leave.add')} okText={t('staff.save')} cancelText={t('common.cancel')} confirmLoading={busy}
        okButtonProps={{ ...({ 'data-testid': 'leave-ok' } as object) }} onOk={() => void saveLeave()} onCancel={() => setLeaveOpen(false)} forceRender>
        <Form form={leaveForm} layout="vertical" data-testid="leave-modal">
          <Form.Item name="staffId" label={t('staff.attendance.name')} rules={[{ required: true, message: t('staff.who.pick') }]}>
            <Select data-testid="leave-person" showSearch={{ optionFilterProp: 'label' }} options={active} autoFocus />
          </Form.Item>
          <Form.Item name="type" label={t('staff.leave.type')}>
            <Radio.Group data-testid="leave-type" options={LEAVE_TYPES.map((v) => ({ value: v, label: t(`staff.leaveType.${v}`) }))} />
          </Form.Item>
          <Form.Item name="dates" label={t('staff.leave.days')} rules={[{ required: true }]}>
            <DatePicker.RangePicker data-testid="leave-dates" format={D} allowClear={false} />
          </Form.Item>
          <Form.Item name="approvedBy" label={t('staff.leave.approvedBy')} rules={[{ required: true, message: t('staff.leave.needApprover') }]}>
            <Select data-testid="leave-approver" showSearch={{ optionFilterProp: 'label' }} options={active} />
          </Form.Item>
          <Form.Item name="note" label={t('staff.note')}>
            <Input data-testid="leave-note" maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={swapOpen} title={t('staff.swap.add')} okText={t('staff.save')} cancelText={t('common.cancel')} confirmLoading={busy}
        okButtonProps={{ ...({ 'data-testid': 'swap-ok' } as object) }} onOk={() => void saveSwap()} onCancel={() => setSwapOpen(false)} forceRender>
        <Form form={swapForm} layout="vertical" data-testid="swap-modal">
          <Form.Item name="day" label={t('staff.attendance.day')} rules={[{ required: true }]} extra={t('staff.swap.help')}>
            <DatePicker data-testid="swap-day" format={D} allowClear={false} />
          </Form.Item>
          <Form.Item name="staffA" label={t('staff.swap.a')} rules={[{ required: true, message: t('staff.who.pick') }]}>
            <Select data-testid="swap-a" showSearch={{ optionFilterProp: 'label' }} options={active} />
          </Form.Item>
          <Form.Item name="staffB" label={t('staff.swap.b')} rules={[{ required: true, message: t('staff.who.pick') }]}>
            <Select data-testid="swap-b" showSearch={{ optionFilterProp: 'label' }} options={active} />
          </Form.Item>
          <Form.Item name="approvedBy" label={t('staff.leave.approvedBy')} rules={[{ required: true, message: t('staff.leave.needApprover') }]}>
            <Select data-testid="swap-approver" showSearch={{ optionFilterProp: 'label' }} options={active} />
          </Form.Item>
          <Form.Item name="note" label={t('staff.note')}>
            <Input data-testid="swap-note" maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

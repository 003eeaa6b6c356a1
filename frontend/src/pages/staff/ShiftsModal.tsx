/*
 * 班次设置: the shift templates (name, short name, times, people needed each day). An end
 * time not after the start is on the next day (值班 17:00-02:00); 24:00 is midnight.
 * Shifts are switched off, never deleted: old rotas keep them.
 *
 * data-testid: shifts-modal, shift-row (data-name), shift-name/-short/-start/-end/-need/-active
 *   (inputs of the row being edited), shift-save, shift-add
 */
import { useEffect, useState } from 'react';
import { App, Button, Flex, Input, InputNumber, Modal, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { saveShift, type Shift } from '../../api/staff';
import { errorText } from '../../api/errors';

export function ShiftsModal({ open, shifts, onClose, onSaved }: { open: boolean; shifts: Shift[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [edit, setEdit] = useState<Shift | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) setEdit(null);
  }, [open]);

  const save = async () => {
    if (!edit) return;
    setSaving(true);
    try {
      await saveShift(edit);
      message.success(t('staff.shifts.saved', { name: edit.name }));
      setEdit(null);
      onSaved();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
    } finally {
      setSaving(false);
    }
  };
  const field = (k: keyof Shift, v: unknown) => setEdit((e) => (e ? ({ ...e, [k]: v } as Shift) : e));
  const editing = (s: Shift) => edit !== null && edit.id === s.id;
  const rows = edit && edit.id === 0 ? [...shifts, edit] : shifts;

  return (
    <Modal open={open} width={760} title={t('staff.shifts.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <div data-testid="shifts-modal">
        <Typography.Paragraph type="secondary">{t('staff.shifts.intro')}</Typography.Paragraph>
        <Table<Shift>
          className="sd-staff-table"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          onRow={(s) => ({ 'data-testid': 'shift-row', 'data-name': s.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('staff.shifts.name'),
              width: 110,
              render: (_, s) => (editing(s) ? <Input data-testid="shift-name" value={edit!.name} maxLength={10} autoFocus onChange={(e) => field('name', e.target.value)} /> : s.name),
            },
            {
              key: 'short',
              title: t('staff.shifts.short'),
              width: 70,
              render: (_, s) => (editing(s) ? <Input data-testid="shift-short" value={edit!.short} maxLength={2} onChange={(e) => field('short', e.target.value)} /> : s.short),
            },
            {
              key: 'time',
              title: t('staff.shifts.time'),
              width: 210,
              render: (_, s) =>
                editing(s) ? (
                  <Flex gap={4} align="center">
                    <Input data-testid="shift-start" value={edit!.start} placeholder="08:30" style={{ width: 72 }} onChange={(e) => field('start', e.target.value)} />
                    –
                    <Input data-testid="shift-end" value={edit!.end} placeholder="17:30" style={{ width: 72 }} onChange={(e) => field('end', e.target.value)} onPressEnter={() => void save()} />
                  </Flex>
                ) : (
                  <span className="sd-nowrap">
                    {s.start}–{s.endMin > 1440 ? t('staff.shifts.nextDay', { time: s.end }) : s.end}
                  </span>
                ),
            },
            {
              key: 'need',
              title: t('staff.shifts.need'),
              width: 90,
              render: (_, s) =>
                editing(s) ? <InputNumber data-testid="shift-need" min={0} max={50} value={edit!.need} style={{ width: 70 }} onChange={(v) => field('need', v ?? 0)} /> : s.need,
            },
            {
              key: 'active',
              title: t('staff.shifts.active'),
              width: 70,
              render: (_, s) => <Switch size="small" data-testid="shift-active" disabled={!editing(s)} checked={editing(s) ? edit!.active : s.active} onChange={(v) => field('active', v)} />,
            },
            {
              key: 'op',
              title: '',
              render: (_, s) =>
                editing(s) ? (
                  <Flex gap={6}>
                    <Button type="primary" size="small" loading={saving} data-testid="shift-save" onClick={() => void save()}>
                      {t('staff.save')}
                    </Button>
                    <Button size="small" onClick={() => setEdit(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Flex>
                ) : (
                  <Button size="small" disabled={edit !== null} onClick={() => setEdit({ ...s })}>
                    {t('staff.edit')}
                  </Button>
                ),
            },
          ]}
        />
        <Button
          style={{ marginTop: 12 }}
          icon={<PlusOutlined />}
          data-testid="shift-add"
          disabled={edit !== null}
          onClick={() => setEdit({ id: 0, name: '', short: '', start: '09:00', end: '18:00', need: 0, active: true, startMin: 0, endMin: 0 } as Shift)}
        >
          {t('staff.shifts.add')}
        </Button>
      </div>
    </Modal>
  );
}

/*
 * 例行事项: the recurring items (daily, weekly on a weekday, monthly on a day) with their
 * owner. Adding one puts it on today's list when it is due today.
 *
 * data-testid: cl-tasks (the modal), cl-task-title, cl-task-repeat, cl-task-weekday,
 * cl-task-monthday, cl-task-owner, cl-task-add, cl-task-row-<id>, cl-task-delete-<id>
 */
import { useEffect, useState } from 'react';
import { App, Button, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deleteTask, listTasks, saveTask, type ChecklistTask } from '../../api/checklist';
import { errorText } from '../../api/errors';
import type { Staff } from '../../api/staff';
import { itemDetail } from './text';
import type { ChecklistItem } from '../../api/checklist';

const REPEATS = ['daily', 'weekly', 'monthly'] as const;

function schedule(t: ReturnType<typeof useTranslation>['t'], task: ChecklistTask): string {
  const asItem = { kind: 'task', params: { repeat: task.repeat, weekday: String(task.weekday), monthDay: String(task.monthDay) } };
  return itemDetail(t, asItem as unknown as ChecklistItem);
}

export function TasksModal({ open, staff, onClose }: { open: boolean; staff: Staff[]; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tasks, setTasks] = useState<ChecklistTask[]>([]);
  const [changed, setChanged] = useState(false);
  const [title, setTitle] = useState('');
  const [repeat, setRepeat] = useState<string>('daily');
  const [weekday, setWeekday] = useState(1);
  const [monthDay, setMonthDay] = useState(1);
  const [ownerId, setOwnerId] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setChanged(false);
    listTasks()
      .then(setTasks)
      .catch((err) => message.error(errorText(err, t('checklist.loadFailed'))));
  }, [open, message, t]);

  const add = async () => {
    setBusy(true);
    try {
      await saveTask({ id: 0, title, repeat, weekday, monthDay, ownerId, owner: '', active: true, created: '' } as ChecklistTask);
      setTasks(await listTasks());
      setTitle('');
      setChanged(true);
      message.success(t('checklist.task.saved'));
    } catch (err) {
      message.error(errorText(err, t('checklist.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    try {
      await deleteTask(id);
      setTasks(await listTasks());
      setChanged(true);
      message.success(t('checklist.task.deleted'));
    } catch (err) {
      message.error(errorText(err, t('checklist.saveFailed')));
    }
  };

  return (
    <Modal open={open} title={t('checklist.task.modalTitle')} width={720} footer={null} onCancel={() => onClose(changed)} data-testid="cl-tasks">
      <Typography.Paragraph type="secondary">{t('checklist.task.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          data-testid="cl-task-title"
          style={{ width: 220 }}
          value={title}
          maxLength={60}
          placeholder={t('checklist.task.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
          onPressEnter={() => title.trim() && void add()}
        />
        <Select
          data-testid="cl-task-repeat"
          style={{ width: 96 }}
          value={repeat}
          onChange={setRepeat}
          options={REPEATS.map((r) => ({ value: r, label: t(`checklist.repeat.${r}`) }))}
        />
        {repeat === 'weekly' && (
          <Select
            data-testid="cl-task-weekday"
            style={{ width: 110 }}
            value={weekday}
            onChange={setWeekday}
            options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: t(`checklist.weekday.${d}`) }))}
          />
        )}
        {repeat === 'monthly' && (
          <InputNumber
            data-testid="cl-task-monthday"
            min={1}
            max={31}
            value={monthDay}
            onChange={(v) => setMonthDay(v ?? 1)}
            title={t('checklist.task.monthDayHint')}
            addonAfter={t('checklist.task.dayLabel')}
            style={{ width: 130 }}
          />
        )}
        <Select
          data-testid="cl-task-owner"
          style={{ width: 120 }}
          value={ownerId}
          onChange={setOwnerId}
          options={[{ value: 0, label: t('checklist.task.ownerNone') }, ...staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))]}
        />
        <Button type="primary" data-testid="cl-task-add" loading={busy} disabled={!title.trim()} onClick={() => void add()}>
          {t('checklist.task.add')}
        </Button>
      </Space>
      {repeat === 'monthly' && monthDay > 28 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -6 }}>
          {t('checklist.task.monthDayHint')}
        </Typography.Paragraph>
      )}
      <Table<ChecklistTask>
        size="small"
        rowKey="id"
        dataSource={tasks}
        pagination={false}
        locale={{ emptyText: t('checklist.task.empty') }}
        onRow={(r) => ({ 'data-testid': `cl-task-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('checklist.task.titleLabel'), dataIndex: 'title', ellipsis: true },
          { title: t('checklist.task.repeatLabel'), key: 'repeat', width: 180, render: (_, r) => schedule(t, r) },
          { title: t('checklist.task.ownerLabel'), dataIndex: 'owner', width: 100, render: (v: string) => v || '—' },
          {
            title: '',
            key: 'delete',
            width: 72,
            render: (_, r) => (
              <Popconfirm title={t('checklist.task.deleteConfirm', { title: r.title })} onConfirm={() => void remove(r.id)}>
                <Button size="small" type="link" danger data-testid={`cl-task-delete-${r.id}`}>
                  {t('checklist.task.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Modal>
  );
}

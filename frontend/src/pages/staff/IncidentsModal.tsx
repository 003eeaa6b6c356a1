/*
 * 客服考核: the month's service penalties (missed 2-minute replies, no reply in 30 minutes
 * or 2 hours, away while online), entered by hand here (chat statistics imports later).
 *
 * data-testid: incidents-modal, incident-person, incident-kind, incident-day, incident-count,
 *   incident-note, incident-add, incident-row, incident-delete (+ incident-delete-confirm)
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, DatePicker, Flex, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { addIncident, deleteIncident, listIncidents, type Incident } from '../../api/staff';
import { errorText } from '../../api/errors';
import { useStaffCtx } from './StaffContext';
import { INCIDENT_KINDS, dayText } from './text';

export function IncidentsModal({ open, month, closed, onClose, onChanged }: { open: boolean; month: string; closed: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { staff, wallNow } = useStaffCtx();
  const [list, setList] = useState<Incident[]>([]);
  const [draft, setDraft] = useState<{ staffId?: number; kind: string; day: Dayjs; count: number; note: string }>({ kind: 'slow_reply', day: dayjs(), count: 1, note: '' });

  const load = useCallback(async () => {
    try {
      setList(await listIncidents(month));
    } catch (err) {
      message.error(errorText(err, t('staff.loadFailed')));
    }
  }, [month, message, t]);
  useEffect(() => {
    if (open) {
      void load();
      const d = dayjs(wallNow().slice(0, 10) || undefined); // the shop's today, whatever the PC's zone
      setDraft((x) => ({ ...x, day: d.format('YYYY-MM') === month ? d : dayjs(month + '-01') }));
    }
  }, [open, load, month, wallNow]);

  const fail = (err: unknown) => message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
  const add = async () => {
    if (!draft.staffId) return;
    try {
      await addIncident({ staffId: draft.staffId, kind: draft.kind, day: draft.day.format('YYYY-MM-DD'), count: draft.count, note: draft.note } as Incident);
      setDraft((d) => ({ ...d, count: 1, note: '' }));
      await load();
      onChanged();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (id: number) => {
    try {
      await deleteIncident(id);
      await load();
      onChanged();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Modal open={open} width={820} title={t('staff.incidents.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <div data-testid="incidents-modal">
        <Typography.Paragraph type="secondary">{t('staff.incidents.intro')}</Typography.Paragraph>
        {!closed && (
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Select data-testid="incident-person" placeholder={t('staff.who.pick')} style={{ width: 110 }} showSearch={{ optionFilterProp: 'label' }}
              value={draft.staffId} onChange={(v) => setDraft((d) => ({ ...d, staffId: v }))}
              options={staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))} />
            <Select data-testid="incident-kind" style={{ width: 170 }} value={draft.kind} onChange={(v) => setDraft((d) => ({ ...d, kind: v }))}
              options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`staff.lineName.${k}`) }))} />
            <DatePicker data-testid="incident-day" allowClear={false} value={draft.day} onChange={(v) => v && setDraft((d) => ({ ...d, day: v }))} style={{ width: 130 }} />
            <InputNumber data-testid="incident-count" min={1} max={10000} value={draft.count} onChange={(v) => setDraft((d) => ({ ...d, count: v ?? 1 }))} style={{ width: 90 }} suffix={t('staff.incidents.times')} />
            <Input data-testid="incident-note" placeholder={t('staff.note')} style={{ width: 150 }} value={draft.note} maxLength={200} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} onPressEnter={() => void add()} />
            <Button type="primary" data-testid="incident-add" disabled={!draft.staffId} onClick={() => void add()}>
              {t('staff.incidents.add')}
            </Button>
          </Flex>
        )}
        <Table<Incident>
          className="sd-staff-table"
          size="small"
          rowKey="id"
          dataSource={list}
          pagination={false}
          locale={{ emptyText: t('staff.incidents.empty') }}
          onRow={() => ({ 'data-testid': 'incident-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'day', title: t('staff.attendance.day'), width: 80, render: (_, i) => dayText(t, i.day) },
            { key: 'name', title: t('staff.attendance.name'), dataIndex: 'staffName', width: 90 },
            { key: 'kind', title: t('staff.incidents.kind'), render: (_, i) => <>{t(`staff.lineName.${i.kind}`)} {i.imported && <Tag>{t('staff.incidents.imported')}</Tag>}</> },
            { key: 'count', title: t('staff.incidents.count'), dataIndex: 'count', width: 60 },
            { key: 'note', title: t('staff.note'), dataIndex: 'note', ellipsis: true },
            {
              key: 'op',
              title: '',
              width: 70,
              render: (_, i) =>
                closed ? null : (
                  <Popconfirm title={t('staff.incidents.deleteTitle')} okText={t('staff.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(i.id)}
                    okButtonProps={{ danger: true, ...({ 'data-testid': 'incident-delete-confirm' } as object) }}>
                    <Button size="small" danger data-testid="incident-delete">
                      {t('staff.delete')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </div>
    </Modal>
  );
}

/*
 * 交接本 the handover book: at the end of a shift the staff writes what is pending (orders,
 * buyers to answer, anomalies, anything else), signed with their PIN; the next shift sees
 * the notes not yet acknowledged first and acknowledges them with theirs.
 *
 * data-testid: handover-tab, handover-write, handover-modal (handover-orders/-buyers/-anomalies/-note,
 *   writer-name, writer-pin, handover-ok), handover-open (a note to acknowledge; data-writer),
 *   handover-ack, handover-done (an acknowledged note), handover-empty
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ackHandover, listHandovers, writeHandover, type Auth, type Handover } from '../../api/staff';
import { errorText } from '../../api/errors';
import { useStaffCtx, WhoFields } from './StaffContext';
import { dayText } from './text';

const FIELDS = ['orders', 'buyers', 'anomalies', 'note'] as const;
type Field = (typeof FIELDS)[number];

export function HandoverTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { staff, ask } = useStaffCtx();
  const [list, setList] = useState<Handover[] | null>(null);
  const [writing, setWriting] = useState(false);
  const [draft, setDraft] = useState<Record<Field, string>>({ orders: '', buyers: '', anomalies: '', note: '' });
  const [writer, setWriter] = useState<Auth>({ staffId: 0, pin: '' } as Auth);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await listHandovers());
    } catch (err) {
      message.error(errorText(err, t('staff.loadFailed')));
    }
  }, [message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const fail = (err: unknown) => message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
  const write = async () => {
    setBusy(true);
    try {
      await writeHandover({ ...draft } as Handover, writer);
      message.success(t('staff.handover.written'));
      setWriting(false);
      await load();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const ack = async (h: Handover) => {
    const a = await ask({ title: t('staff.handover.ackTitle', { name: h.writerName }), body: t('staff.handover.ackBody'), okText: t('staff.handover.ack') });
    if (!a) return;
    try {
      await ackHandover(h.id, a);
      message.success(t('staff.handover.acked'));
      await load();
    } catch (err) {
      fail(err);
    }
  };

  const open = (list ?? []).filter((h) => !h.ackAt);
  const done = (list ?? []).filter((h) => h.ackAt);
  const body = (h: Handover) => (
    <Descriptions size="small" column={1} colon={false} styles={{ label: { width: 110 } }}
      items={FIELDS.filter((f) => h[f]).map((f) => ({ key: f, label: t(`staff.handover.${f}`), children: <span className="sd-error-text">{h[f]}</span> }))} />
  );
  const meta = (h: Handover) =>
    t('staff.handover.meta', { name: h.writerName, time: h.writtenAt.slice(5, 16), shift: h.shiftName ? `${dayText(t, h.day)} ${h.shiftName}` : dayText(t, h.day) });

  return (
    <div data-testid="handover-tab">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('staff.handover.intro')}</Typography.Text>
        <Button type="primary" icon={<EditOutlined />} data-testid="handover-write" onClick={() => {
          setDraft({ orders: '', buyers: '', anomalies: '', note: '' });
          setWriter({ staffId: 0, pin: '' } as Auth);
          setWriting(true);
        }}>
          {t('staff.handover.write')}
        </Button>
      </Flex>
      {list && list.length === 0 && <Empty data-testid="handover-empty" description={t('staff.handover.empty')} />}
      {open.map((h) => (
        <Card key={h.id} size="small" data-testid="handover-open" data-writer={h.writerName} style={{ marginBottom: 12, borderColor: '#ffd591', background: '#fffbe6' }}
          title={<Flex gap={8} align="center"><Tag color="orange">{t('staff.handover.toAck')}</Tag>{meta(h)}</Flex>}
          extra={<Button type="primary" icon={<CheckOutlined />} data-testid="handover-ack" onClick={() => void ack(h)}>{t('staff.handover.ack')}</Button>}>
          {body(h)}
        </Card>
      ))}
      {done.map((h) => (
        <Card key={h.id} size="small" data-testid="handover-done" style={{ marginBottom: 12 }}
          title={<Typography.Text type="secondary" style={{ fontWeight: 400 }}>{meta(h)}</Typography.Text>}
          extra={<Typography.Text type="secondary">{t('staff.handover.ackedBy', { name: h.ackName, time: h.ackAt.slice(5, 16) })}</Typography.Text>}>
          {body(h)}
        </Card>
      ))}
      <Modal open={writing} width={620} title={t('staff.handover.write')} okText={t('staff.handover.sign')} cancelText={t('common.cancel')} confirmLoading={busy}
        okButtonProps={{ disabled: !writer.staffId || writer.pin.length < 4 || FIELDS.every((f) => !draft[f].trim()), ...({ 'data-testid': 'handover-ok' } as object) }}
        onOk={() => void write()} onCancel={() => setWriting(false)} destroyOnHidden>
        <Form layout="vertical" component="div" data-testid="handover-modal">
          {FIELDS.map((f, i) => (
            <Form.Item key={f} label={t(`staff.handover.${f}`)} style={{ marginBottom: 10 }}>
              <Input.TextArea data-testid={`handover-${f}`} autoFocus={i === 0} rows={2} maxLength={2000} placeholder={t(`staff.handover.${f}Hint`)}
                value={draft[f]} onChange={(e) => setDraft((d) => ({ ...d, [f]: e.target.value }))} />
            </Form.Item>
          ))}
          <WhoFields staff={staff} value={writer} onChange={setWriter} onEnter={() => void write()} testPrefix="writer" nameLabel={t('staff.handover.writer')} />
        </Form>
      </Modal>
    </div>
  );
}

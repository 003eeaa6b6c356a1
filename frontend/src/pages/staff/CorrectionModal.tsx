/*
 * The owner corrects a shift's punches, with a reason (kept in the history): 补卡 a missing
 * one, move one to the right time, or void one that should not count.
 *
 * data-testid: correction-modal, correction-which (上班卡/下班卡), correction-action,
 *   correction-at, correction-reason, owner-name / owner-pin (WhoFields), correction-ok
 */
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { correctPunch, type Auth, type Correction, type ShiftRecord } from '../../api/staff';
import { errorText } from '../../api/errors';
import { isPinError, useStaffCtx, WhoFields } from './StaffContext';
import { clockText, dayText, hoursText } from './text';

export interface CorrectionTarget {
  record: ShiftRecord;
  name: string;
}

type Which = 'in' | 'out';

export function CorrectionModal({ target, onClose, onDone }: { target: CorrectionTarget | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { staff, forgetOwner } = useStaffCtx();
  const [which, setWhich] = useState<Which>('in');
  const [action, setAction] = useState<'add' | 'change' | 'delete'>('change');
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState<Auth>({ staffId: 0, pin: '' } as Auth);
  const [busy, setBusy] = useState(false);
  const r = target?.record;

  const reset = (w: Which) => {
    if (!r) return;
    const existing = w === 'in' ? r.in : r.out;
    setWhich(w);
    setAction(existing ? 'change' : 'add');
    setAt((existing || (w === 'in' ? r.start : r.end)).slice(0, 16));
  };
  useEffect(() => {
    if (!r) return;
    reset(r.in && !r.out ? 'out' : !r.in ? 'in' : r.lateMin > 0 ? 'in' : 'out');
    setReason('');
    setOwner({ staffId: 0, pin: '' } as Auth);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [r]);

  const existing = r ? (which === 'in' ? r.in : r.out) : '';
  const punchId = r ? (which === 'in' ? r.inId : r.outId) : 0;
  const ready = reason.trim() !== '' && owner.staffId !== 0 && owner.pin.length >= 4 && (action === 'delete' || at.trim() !== '');

  const submit = async () => {
    if (!r || !ready) return;
    setBusy(true);
    const c = { action, punchId: action === 'add' ? 0 : punchId, staffId: r.staffId, at: at.trim(), kind: which, reason } as Correction;
    try {
      await correctPunch(c, owner);
      message.success(t('staff.correct.done', { name: target!.name }));
      onDone();
    } catch (err) {
      if (isPinError(err)) forgetOwner();
      message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t('staff.correct.title', { name: target.name, day: dayText(t, target.record.day), shift: target.record.shiftName }) : ''}
      okText={t('staff.correct.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !ready, ...({ 'data-testid': 'correction-ok' } as object) }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {r && (
        <Form layout="vertical" component="div" data-testid="correction-modal">
          <Typography.Paragraph type="secondary">
            {t('staff.correct.now', {
              hours: hoursText(t, r),
              in: r.in ? clockText(t, r.in, r.day) : t('staff.correct.none'),
              out: r.out ? clockText(t, r.out, r.day) : t('staff.correct.none'),
            })}
          </Typography.Paragraph>
          <Form.Item label={t('staff.correct.which')}>
            <Radio.Group data-testid="correction-which" value={which} onChange={(e) => reset(e.target.value as Which)} optionType="button">
              <Radio.Button value="in">{t('staff.correct.in')}</Radio.Button>
              <Radio.Button value="out">{t('staff.correct.out')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('staff.correct.action')}>
            <Radio.Group data-testid="correction-action" value={action} onChange={(e) => setAction(e.target.value)}>
              {existing ? (
                <>
                  <Radio value="change">{t('staff.correct.change')}</Radio>
                  <Radio value="delete">{t('staff.correct.delete')}</Radio>
                </>
              ) : (
                <Radio value="add">{t('staff.correct.add')}</Radio>
              )}
            </Radio.Group>
          </Form.Item>
          {action !== 'delete' && (
            <Form.Item label={t('staff.correct.at')} extra={t('staff.correct.atHelp')}>
              <Input data-testid="correction-at" value={at} placeholder="2026-11-05 08:30" onChange={(e) => setAt(e.target.value)} />
            </Form.Item>
          )}
          <Form.Item label={t('staff.correct.reason')} required>
            <Input.TextArea data-testid="correction-reason" rows={2} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
          <WhoFields staff={staff} ownerOnly value={owner} onChange={setOwner} onEnter={() => void submit()} testPrefix="owner" />
        </Form>
      )}
    </Modal>
  );
}

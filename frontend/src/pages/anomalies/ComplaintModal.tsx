/*
 * 登记投诉: a complaint entered by hand becomes an anomaly to handle within the complaint
 * hours of 设置 (default 24 h).
 *
 * data-testid: complaint-modal, complaint-shop, complaint-order, complaint-buyer,
 * complaint-channel, complaint-severity, complaint-content, complaint-ok
 */
import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { addComplaint, type Complaint } from '../../api/anomalies';
import type { Shop } from '../../api/shops';
import { errorText } from '../../api/errors';
import { ShopSelect } from '../../components/ShopSelect';
import { CHANNELS, SEVERITIES } from './logic';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
  shops: Shop[];
  ensureActor: () => Promise<number | null>;
}

interface Values {
  shopId: number;
  orderNo: string;
  buyer: string;
  channel: string;
  severity: string;
  content: string;
}

export function ComplaintModal({ open, onClose, onCreated, shops, ensureActor }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    const actorId = await ensureActor(); // the first change asks who is working
    if (actorId === null) return;
    setSaving(true);
    try {
      await addComplaint({ ...v, orderNo: v.orderNo ?? '', buyer: v.buyer ?? '', receivedAt: '', id: 0, createdAt: '' } as Complaint, actorId);
      message.success(t('anomalies.complaint.created'));
      form.resetFields();
      onCreated();
      onClose();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('anomalies.actionFailed'))}</span>, duration: 6 });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('anomalies.complaint.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('anomalies.complaint.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ ...({ 'data-testid': 'complaint-ok' } as object) }}
      destroyOnHidden
    >
      <div data-testid="complaint-modal">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ shopId: shops.length === 1 ? shops[0].id : 0, channel: 'platform', severity: 'normal' }}
        >
          <Form.Item name="shopId" label={t('anomalies.complaint.shop')} rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('anomalies.complaint.shopRequired')))) }]}>
            <ShopSelect testId="complaint-shop" shops={shops} value={0} onChange={() => {}} allLabel={t('anomalies.complaint.pickShop')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="orderNo" label={t('anomalies.complaint.orderNo')}>
            <Input data-testid="complaint-order" className="sd-mono" placeholder={t('anomalies.complaint.orderNoHint')} />
          </Form.Item>
          <Form.Item name="buyer" label={t('anomalies.complaint.buyer')}>
            <Input data-testid="complaint-buyer" />
          </Form.Item>
          <Form.Item name="channel" label={t('anomalies.complaint.channel')}>
            <Select data-testid="complaint-channel" options={CHANNELS.map((c) => ({ value: c, label: t(`anomalies.channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="severity" label={t('anomalies.complaint.severity')}>
            <Select data-testid="complaint-severity" options={SEVERITIES.map((s) => ({ value: s, label: t(`anomalies.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('anomalies.complaint.content')}
            rules={[{ required: true, whitespace: true, message: t('anomalies.complaint.contentRequired') }]}
          >
            <Input.TextArea data-testid="complaint-content" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

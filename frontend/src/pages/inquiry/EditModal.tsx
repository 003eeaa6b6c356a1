/*
 * Edit one row of the register (the grid is for new rows): every field, the credit rules'
 * 插旗客服 / 催付客服, and the revisit plan for a deal. The Go side checks it as on entry.
 *
 * data-testid: edit-modal, edit-<field>, edit-ok, edit-revisit.
 */
import { useEffect, useState } from 'react';
import { Alert, App, AutoComplete, Button, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { scheduleRevisits, updateInquiry, type Inquiry } from '../../api/inquiry';
import { errorText } from '../../api/errors';
import { OUTCOMES, type ListName } from './domain';
import { splitProducts } from './logic';
import type { Refs } from './useRefs';

type Values = Omit<Inquiry, 'products' | 'amountFen'> & { products: string; amount: number | null };

interface Props {
  row: Inquiry | null;
  refs: Refs;
  onClose: () => void;
  onSaved: () => void;
}

export function EditModal({ row, refs, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  useEffect(() => {
    if (!row) return;
    setError(null);
    form.setFieldsValue({ ...row, products: row.products.join('、'), amount: row.amountFen / 100 });
  }, [row, form]);

  const save = async () => {
    if (!row) return;
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      await updateInquiry({
        ...row,
        ...v,
        products: splitProducts(v.products ?? ''),
        amountFen: Math.round((v.amount ?? 0) * 100),
        shopId: v.shopId ?? 0,
        agentId: v.agentId ?? 0,
        flaggedBy: v.flaggedBy ?? 0,
        chasedBy: v.chasedBy ?? 0,
      } as Inquiry);
      message.success(t('inquiry.edit.saved'));
      onSaved();
      onClose();
    } catch (err) {
      setError(errorText(err, t('inquiry.common.saveFailed')));
    } finally {
      setSaving(false);
    }
  };

  const revisit = async () => {
    if (!row) return;
    try {
      const r = await scheduleRevisits(row.id);
      if (r.planned.length) message.success(t('inquiry.edit.revisitDone', { days: r.planned.join('、') }));
      if (r.skipped.length) message.info(t('inquiry.edit.revisitSkipped', { days: r.skipped.join('、') }));
    } catch (err) {
      message.error(errorText(err, t('inquiry.common.saveFailed')));
    }
  };

  const list = (l: ListName) => refs.choices(l).map((v) => ({ value: v }));
  const staff = [{ value: 0, label: t('inquiry.common.none') }, ...refs.staff.map((s) => ({ value: s.id, label: s.name }))];
  const field = (name: keyof Values, label: string, node: React.ReactNode, span = 8) => (
    <Col span={span}>
      <Form.Item name={name} label={label} style={{ marginBottom: 10 }}>
        {node}
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open={row !== null}
      title={t('inquiry.edit.title')}
      width={860}
      onCancel={onClose}
      data-testid="edit-modal"
      footer={
        <Flex justify="space-between">
          <span>
            {row?.outcome === 'deal' && (
              <Button data-testid="edit-revisit" onClick={() => void revisit()}>
                {t('inquiry.edit.revisit')}
              </Button>
            )}
          </span>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" data-testid="edit-ok" loading={saving} onClick={() => void save()}>
              {t('inquiry.edit.ok')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" size="small">
        <Row gutter={12}>
          {field('askedOn', t('inquiry.field.askedOn'), <Input data-testid="edit-askedOn" />, 5)}
          {field('askedTime', t('inquiry.field.askedTime'), <Input placeholder="14:30" />, 3)}
          {field('shopId', t('inquiry.field.shop'), <Select options={[{ value: 0, label: t('inquiry.common.noShop') }, ...refs.shops.map((s) => ({ value: s.id, label: s.name }))]} />)}
          {field('customer', t('inquiry.field.customer'), <Input data-testid="edit-customer" />)}
          {field('customerType', t('inquiry.field.customerType'), <AutoComplete options={list('customer_type')} />)}
          {field('channel', t('inquiry.field.channel'), <AutoComplete options={list('channel')} />)}
          {field('region', t('inquiry.field.region'), <AutoComplete options={refs.regions.map((v) => ({ value: v }))} />)}
          {field('products', t('inquiry.field.products'), <Input />, 16)}
          {field('agentId', t('inquiry.field.agent'), <Select options={staff} />)}
          <Col span={16}>
            <Form.Item name="outcome" label={t('inquiry.field.outcome')} style={{ marginBottom: 10 }}>
              <Radio.Group data-testid="edit-outcome" optionType="button" options={OUTCOMES.map((o) => ({ value: o, label: t(`inquiry.outcome.${o}`) }))} />
            </Form.Item>
          </Col>
          {outcome === 'deal' && field('dealType', t('inquiry.field.dealType'), <AutoComplete options={list('deal_type')} />, 4)}
          {outcome === 'deal' && field('amount', t('inquiry.field.amount'), <InputNumber min={0} precision={2} style={{ width: '100%' }} suffix={t('inquiry.common.yuan')} />, 4)}
          {outcome === 'no_deal' && field('reason', t('inquiry.field.reason'), <AutoComplete data-testid="edit-reason" options={list('reason')} />)}
          {field('followNote', t('inquiry.field.followNote'), <Input.TextArea rows={2} />, 16)}
          {field('nextFollowOn', t('inquiry.field.nextFollowOn'), <Input placeholder="2026-11-25" />)}
          {field('note', t('inquiry.field.note'), <Input />, 24)}
          {outcome === 'deal' && field('flaggedBy', t('inquiry.field.flaggedBy'), <Select options={staff} />)}
          {outcome === 'deal' && field('chasedBy', t('inquiry.field.chasedBy'), <Select options={staff} />)}
          {outcome === 'deal' && row?.dealOrderNo && (
            <Col span={8}>
              <Form.Item label={t('inquiry.field.deal')} style={{ marginBottom: 10 }}>
                <Typography.Text copyable>{row.dealOrderNo}</Typography.Text>
              </Form.Item>
            </Col>
          )}
        </Row>
        {outcome === 'deal' && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('inquiry.edit.creditHint')}
          </Typography.Paragraph>
        )}
      </Form>
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={<span className="sd-error-text">{error}</span>} />}
    </Modal>
  );
}

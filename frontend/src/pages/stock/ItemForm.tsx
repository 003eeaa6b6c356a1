/*
 * A SKU's fields (商品资料) and the form to record a movement by hand (记一笔出入库).
 *
 * data-testid:
 *   stock-item-form      the fields;  stock-item-<field>  each input;  stock-item-save  保存
 *   stock-move-form      the movement form;  stock-move-kind  Select;  stock-move-qty  InputNumber
 *   stock-move-reason    Input;  stock-move-save  记录
 */
import { useState } from 'react';
import { App, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addMove, updateStockItem, type StockItem, type StockItemInput } from '../../api/stock';
import { errorText } from '../../api/errors';
import { savedActor } from '../anomalies/logic';
import { BY_HAND, ROLES, signed } from './format';

export function ItemForm({ item, onSaved }: { item: StockItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [v, setV] = useState<StockItemInput>(() => ({
    name: item.name,
    spec: item.spec,
    costFen: item.costFen,
    safetyStock: item.safetyStock,
    supplier: item.supplier,
    leadDays: item.leadDays,
    packSize: item.packSize,
    inTransit: item.inTransit,
    role: item.role,
    active: item.active,
  }));
  const [saving, setSaving] = useState(false);
  const set = (p: Partial<StockItemInput>) => setV((old) => ({ ...old, ...p }));

  const save = async () => {
    setSaving(true);
    try {
      await updateStockItem(item.id, v, savedActor());
      message.success(t('stock.item.saved'));
      onSaved();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    } finally {
      setSaving(false);
    }
  };

  const num = (key: keyof StockItemInput, label: string, min = 0) => (
    <Col span={8}>
      <Form.Item label={label}>
        <InputNumber<number>
          data-testid={`stock-item-${key}`}
          min={min}
          precision={0}
          style={{ width: '100%' }}
          value={v[key] as number}
          onChange={(n) => set({ [key]: n ?? min } as Partial<StockItemInput>)}
        />
      </Form.Item>
    </Col>
  );

  return (
    <Form layout="vertical" data-testid="stock-item-form" size="small">
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item label={t('stock.item.name')}>
            <Input data-testid="stock-item-name" maxLength={200} value={v.name} onChange={(e) => set({ name: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('stock.item.spec')}>
            <Input data-testid="stock-item-spec" value={v.spec} onChange={(e) => set({ spec: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('stock.item.cost')}>
            <InputNumber<number>
              data-testid="stock-item-cost"
              min={0}
              precision={2}
              style={{ width: '100%' }}
              value={v.costFen / 100}
              onChange={(n) => set({ costFen: Math.round((n ?? 0) * 100) })}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('stock.item.supplier')}>
            <Input data-testid="stock-item-supplier" value={v.supplier} onChange={(e) => set({ supplier: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('stock.item.lead')}>
            <InputNumber<number>
              data-testid="stock-item-leadDays"
              min={0}
              max={365}
              precision={0}
              style={{ width: '100%' }}
              placeholder={t('stock.item.leadPlaceholder')}
              value={v.leadDays ?? null}
              onChange={(n) => set({ leadDays: n === null ? undefined : n })}
            />
          </Form.Item>
        </Col>
        {num('safetyStock', t('stock.item.safety'))}
        {num('packSize', t('stock.item.pack'), 1)}
        {num('inTransit', t('stock.item.inTransit'))}
        <Col span={12}>
          <Form.Item label={t('stock.item.role')}>
            <Select
              data-testid="stock-item-role"
              value={v.role}
              onChange={(r) => set({ role: r })}
              options={[{ value: '', label: t('stock.role.none') }, ...ROLES.map((r) => ({ value: r, label: t(`stock.role.${r}`) }))]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('stock.item.active')}>
            <Switch data-testid="stock-item-active" checked={v.active} onChange={(a) => set({ active: a })} />
          </Form.Item>
        </Col>
      </Row>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`stock.item.source.${item.source}`, { defaultValue: '' })}
        </Typography.Text>
        <Button type="primary" data-testid="stock-item-save" loading={saving} onClick={() => void save()}>
          {t('stock.item.save')}
        </Button>
      </Flex>
    </Form>
  );
}

export function MoveForm({ itemId, onSaved }: { itemId: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState('in');
  const [qty, setQty] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!qty) return;
    setSaving(true);
    try {
      const e = await addMove(itemId, { kind, qty, reason: reason.trim(), actorId: savedActor() });
      message.success(t('stock.move.saved', { kind: t(`stock.ledger.kinds.${kind}`), qty: signed(e.qty) }));
      setQty(null);
      setReason('');
      onSaved();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('stock.saveFailed'))}</span>, duration: 8 });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex gap={8} wrap align="center" data-testid="stock-move-form">
      <Select
        data-testid="stock-move-kind"
        style={{ width: 170 }}
        value={kind}
        onChange={setKind}
        options={BY_HAND.map((k) => ({ value: k, label: t(`stock.move.kinds.${k}`) }))}
      />
      <InputNumber<number>
        data-testid="stock-move-qty"
        precision={0}
        min={kind === 'adjust' ? undefined : 1}
        placeholder={t('stock.move.qty')}
        style={{ width: 100 }}
        value={qty}
        onChange={setQty}
      />
      <Input
        data-testid="stock-move-reason"
        style={{ flex: 1, minWidth: 160 }}
        maxLength={200}
        placeholder={t('stock.move.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={() => void save()}
      />
      <Button data-testid="stock-move-save" type="primary" disabled={!qty} loading={saving} onClick={() => void save()}>
        {t('stock.move.save')}
      </Button>
    </Flex>
  );
}

import { useEffect, useState } from 'react';
import { Alert, App, Flex, Form, Modal, Select, Spin, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { mergeShops, planMerge, type MergePlan, type Shop, type ShopMerge } from '../../api/shops';
import { errorText } from '../../api/errors';
import { platformLabel } from '../../components/labels';
import { rowList } from './rows';

interface Props {
  /** The shop to merge away (null: closed). */
  shop: Shop | null;
  shops: Shop[];
  onClose: () => void;
  onMerged: (m: ShopMerge) => Promise<void> | void;
}

/**
 * 合并: choose a shop of the same platform; the plan (what moves, which orders both shops
 * have and what happens to them) shows before the seller confirms.
 * data-testid: shop-merge-target (Select), shop-merge-plan, shop-merge-conflicts, shop-merge-ok.
 */
export function MergeModal({ shop, shops, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [target, setTarget] = useState<number | null>(null);
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const targets = shop ? shops.filter((s) => s.platform === shop.platform && s.id !== shop.id) : [];

  useEffect(() => {
    setTarget(null);
    setPlan(null);
    setPlanError(null);
  }, [shop]);

  useEffect(() => {
    if (!shop || target === null) return;
    let live = true;
    setPlan(null);
    setPlanError(null);
    planMerge(shop.id, target).then(
      (p) => live && setPlan(p),
      (err) => live && setPlanError(errorText(err, t('shops.planFailed'))),
    );
    return () => {
      live = false;
    };
  }, [shop, target, t]);

  const merge = async () => {
    if (!shop || target === null || !plan) return;
    setMerging(true);
    try {
      const m = await mergeShops(shop.id, target);
      onClose();
      await onMerged(m);
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('shops.mergeFailed'))}</span>, duration: 8 });
    } finally {
      setMerging(false);
    }
  };

  return (
    <Modal
      open={shop !== null}
      title={shop ? t('shops.mergeTitle', { name: shop.name }) : ''}
      okText={t('shops.mergeOk')}
      cancelText={t('common.cancel')}
      confirmLoading={merging}
      onOk={merge}
      onCancel={onClose}
      okButtonProps={{ disabled: !plan, 'data-testid': 'shop-merge-ok' } as ButtonProps}
      destroyOnHidden
      width={600}
    >
      {shop && (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('shops.mergeIntro', { name: shop.name })}</Typography.Paragraph>
          {targets.length === 0 ? (
            <Alert type="info" showIcon title={t('shops.mergeNoTarget', { platform: platformLabel(t, shop.platform) })} />
          ) : (
            <Form.Item label={t('shops.mergeInto')} style={{ margin: 0 }}>
              <Select<number>
                data-testid="shop-merge-target"
                value={target ?? undefined}
                placeholder={t('shops.mergeIntoPlaceholder')}
                onChange={setTarget}
                options={targets.map((s) => ({ value: s.id, label: s.name }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          )}
          {target !== null && !plan && !planError && <Spin size="small" />}
          {planError && <Alert type="error" showIcon title={<span className="sd-error-text">{planError}</span>} />}
          {plan && <PlanText plan={plan} />}
        </Flex>
      )}
    </Modal>
  );
}

function PlanText({ plan }: { plan: MergePlan }) {
  const { t } = useTranslation();
  const moves = rowList(t, plan.moves);
  const both = rowList(t, plan.conflicts);
  const orders = plan.conflicts.find((c) => c.key === 'orders');
  const anomalies = plan.conflicts.some((c) => c.key === 'anomalies');
  const examples = orders ? orders.examples.join(t('shops.listSep')) : '';
  return (
    <>
      <Typography.Paragraph data-testid="shop-merge-plan" style={{ margin: 0 }}>
        {moves ? t('shops.mergeMoves', { target: plan.target.name, list: moves }) : t('shops.mergeNothing', { name: plan.source.name })}
      </Typography.Paragraph>
      {both && (
        <Alert
          data-testid="shop-merge-conflicts"
          type="warning"
          showIcon
          title={t('shops.mergeConflicts', { list: both, target: plan.target.name, source: plan.source.name })}
          description={
            <>
              {orders && (
                <div className="sd-mono" style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
                  {t('shops.mergeConflictOrders', {
                    examples: orders.rows > orders.examples.length ? t('shops.mergeConflictMore', { examples }) : examples,
                  })}
                </div>
              )}
              {anomalies && <div>{t('shops.mergeConflictNotes', { target: plan.target.name })}</div>}
            </>
          }
        />
      )}
    </>
  );
}

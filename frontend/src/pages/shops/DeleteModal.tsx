import { useEffect, useState } from 'react';
import { Alert, App, Flex, Input, Modal, Spin, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { deleteShop, shopImpact, type Shop, type ShopImpact } from '../../api/shops';
import { errorText } from '../../api/errors';
import { rowList } from './rows';

interface Props {
  shop: Shop | null;
  onClose: () => void;
  onDeleted: (s: Shop) => Promise<void> | void;
}

/**
 * 删除店铺: says what goes with the shop (orders, refunds, anomalies, complaints, imports,
 * merges) and asks for the shop's name to be typed; the button stays disabled until it is.
 * data-testid: shop-delete-impact, shop-delete-confirm-input, shop-delete-ok.
 */
export function DeleteModal({ shop, onClose, onDeleted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [impact, setImpact] = useState<ShopImpact | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    setImpact(null);
    setLoadError(null);
    setTyped('');
    if (!shop) return;
    let live = true;
    shopImpact(shop.id).then(
      (i) => live && setImpact(i),
      (err) => live && setLoadError(errorText(err, t('shops.impactFailed'))),
    );
    return () => {
      live = false;
    };
  }, [shop, t]);

  const remove = async () => {
    if (!shop || typed !== shop.name) return;
    setDeleting(true);
    try {
      await deleteShop(shop.id, typed);
      onClose();
      await onDeleted(shop);
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('shops.deleteFailed'))}</span>, duration: 8 });
    } finally {
      setDeleting(false);
    }
  };

  const list = impact ? rowList(t, impact.rows) : '';
  return (
    <Modal
      open={shop !== null}
      title={shop ? t('shops.deleteTitle', { name: shop.name }) : ''}
      okText={t('shops.deleteOk')}
      cancelText={t('common.cancel')}
      confirmLoading={deleting}
      onOk={remove}
      onCancel={onClose}
      okButtonProps={{ danger: true, disabled: !impact || typed !== shop?.name, 'data-testid': 'shop-delete-ok' } as ButtonProps}
      destroyOnHidden
      width={560}
    >
      {shop && (
        <Flex vertical gap={12}>
          {loadError && <Alert type="error" showIcon title={<span className="sd-error-text">{loadError}</span>} />}
          {!impact && !loadError && <Spin size="small" />}
          {impact && (
            <Alert
              data-testid="shop-delete-impact"
              type="error"
              showIcon
              title={list ? t('shops.deleteWhat', { list }) : t('shops.deleteEmpty')}
              description={
                <>
                  {impact.batches > 0 && <div>{t('shops.deleteBatches', { count: impact.batches })}</div>}
                  {impact.merges > 0 && <div>{t('shops.deleteMerges', { count: impact.merges })}</div>}
                  <div>{t('shops.deleteIrreversible')}</div>
                </>
              }
            />
          )}
          <div>
            <Typography.Text>{t('shops.deleteTypeName')}</Typography.Text>{' '}
            <Typography.Text strong copyable={false} className="sd-nowrap">
              {shop.name}
            </Typography.Text>
            <Input
              data-testid="shop-delete-confirm-input"
              style={{ marginTop: 8 }}
              value={typed}
              placeholder={shop.name}
              onChange={(e) => setTyped(e.target.value)}
              onPressEnter={remove}
              autoComplete="off"
            />
          </div>
        </Flex>
      )}
    </Modal>
  );
}

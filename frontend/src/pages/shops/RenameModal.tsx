import { useEffect, useState } from 'react';
import { App, Flex, Form, Input, Modal, Popconfirm, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { forgetOldName, renameShop, type Shop } from '../../api/shops';
import { errorText } from '../../api/errors';

interface Props {
  shop: Shop | null;
  onClose: () => void;
  /** After a rename or a forgotten old name: reload the shops. */
  onChanged: () => Promise<void> | void;
}

/**
 * 改名: a new name (the old one stays a former name that imports still match), and the
 * shop's former names, each of which can be forgotten (a merged shop's only by undoing
 * the merge).
 * data-testid: shop-rename-input, shop-rename-ok, shop-old-name (one per former name),
 * shop-forget-<name> (its × ) and shop-forget-confirm.
 */
export function RenameModal({ shop, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => setName(shop?.name ?? ''), [shop]);

  const save = async () => {
    if (!shop) return;
    if (!name.trim()) {
      message.error(t('shops.nameRequired'));
      return;
    }
    setSaving(true);
    try {
      const s = await renameShop(shop.id, name);
      message.success(t('shops.renamed', { name: s.name }));
      onClose();
      await onChanged();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('shops.renameFailed'))}</span>, duration: 8 });
    } finally {
      setSaving(false);
    }
  };

  const forget = async (old: string) => {
    if (!shop) return;
    try {
      await forgetOldName(shop.id, old);
      message.success(t('shops.forgotten', { name: old }));
      await onChanged();
    } catch (err) {
      message.error({ content: <span className="sd-error-text">{errorText(err, t('shops.forgetFailed'))}</span>, duration: 8 });
    }
  };

  return (
    <Modal
      open={shop !== null}
      title={shop ? t('shops.renameTitle', { name: shop.name }) : ''}
      okText={t('shops.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'shop-rename-ok' } as ButtonProps}
    >
      {shop && (
        <Form layout="vertical">
          <Form.Item label={t('shops.newName')} extra={t('shops.renameHint', { name: shop.name })}>
            <Input
              data-testid="shop-rename-input"
              value={name}
              maxLength={100}
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onPressEnter={save}
            />
          </Form.Item>
          {shop.oldNames?.length > 0 && (
            <Form.Item label={t('shops.oldNames')} extra={t('shops.oldNamesHint')}>
              <Flex wrap gap={6}>
                {shop.oldNames.map((o) =>
                  o.fromMerge ? (
                    <Tooltip key={o.name} title={t('shops.fromMergeTip')}>
                      <Tag data-testid="shop-old-name">{o.name}</Tag>
                    </Tooltip>
                  ) : (
                    <Tag data-testid="shop-old-name" key={o.name}>
                      {o.name}
                      <Popconfirm
                        title={t('shops.forgetConfirm', { name: o.name })}
                        okText={t('shops.forget')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => forget(o.name)}
                        okButtonProps={{ 'data-testid': 'shop-forget-confirm' } as ButtonProps}
                      >
                        <Typography.Link data-testid={`shop-forget-${o.name}`} style={{ marginInlineStart: 6, fontSize: 12 }}>
                          {t('shops.forget')}
                        </Typography.Link>
                      </Popconfirm>
                    </Tag>
                  ),
                )}
              </Flex>
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}

import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { createShop, type Shop } from '../api/shops';
import { errorText } from '../api/errors';
import { isKnownPlatform, PLATFORMS } from '../lib/domain';
import { platformLabel } from './labels';

interface FormValues {
  platform: string;
  name: string;
}

interface Props {
  /** Gets the new shop (e.g. to select it). */
  onCreated?: (s: Shop) => void | Promise<void>;
  size?: 'small' | 'middle';
  /** The platform the form starts at (the file's, on the import page); 淘宝/天猫 when unset. */
  platform?: string;
  /** data-testid of the button (default new-shop-button). */
  testId?: string;
}

/** 新建店铺 button + modal. */
export function NewShopButton({ onCreated, size, platform, testId = 'new-shop-button' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const s = await createShop(values.platform, values.name.trim());
      message.success(t('shops.created', { name: s.name }));
      setOpen(false);
      form.resetFields();
      await onCreated?.(s);
    } catch (err) {
      message.error(errorText(err, t('shops.createFailed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button data-testid={testId} icon={<PlusOutlined />} size={size} onClick={() => setOpen(true)}>
        {t('shops.new')}
      </Button>
      <Modal
        open={open}
        title={t('shops.newTitle')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'new-shop-ok' } as ButtonProps}
      >
        <Form<FormValues> data-testid="new-shop-form" form={form} layout="vertical" initialValues={{ platform: platform && isKnownPlatform(platform) ? platform : 'taobao', name: '' }} preserve={false}>
          <Form.Item name="platform" label={t('shops.platform')} rules={[{ required: true, message: t('shops.platformRequired') }]}>
            <Select data-testid="new-shop-platform" options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(t, p) }))} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('shops.name')}
            extra={t('shops.nameHint')}
            rules={[{ required: true, whitespace: true, message: t('shops.nameRequired') }]}
          >
            <Input data-testid="new-shop-name" maxLength={100} placeholder={t('shops.namePlaceholder')} onPressEnter={submit} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

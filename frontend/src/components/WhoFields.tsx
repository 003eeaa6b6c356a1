/*
 * Who is acting at the shop PC: a name (active people with a PIN; owners only for the
 * owner's steps) and their PIN. Used by 员工 (clock, handover book, corrections, payroll)
 * and 设置 → 员工 (resetting a PIN).
 *
 * data-testid: <prefix>-name (the Select), <prefix>-pin
 */
import { useRef } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Auth, Staff } from '../api/staff';

interface WhoFieldsProps {
  staff: Staff[];
  ownerOnly?: boolean;
  value: Auth;
  onChange: (a: Auth) => void;
  /** Enter in the PIN field. */
  onEnter?: () => void;
  autoFocus?: boolean;
  /** data-testid prefix: <prefix>-name, <prefix>-pin. */
  testPrefix?: string;
  nameLabel?: string;
}

/** A name (people with a PIN; owners only for the owner's steps) and their PIN. */
export function WhoFields({ staff, ownerOnly, value, onChange, onEnter, autoFocus, testPrefix = 'who', nameLabel }: WhoFieldsProps) {
  const { t } = useTranslation();
  const pinRef = useRef<{ focus: () => void } | null>(null);
  const people = staff.filter((s) => s.active && s.hasPin && (!ownerOnly || s.role === 'owner'));
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={nameLabel ?? (ownerOnly ? t('staff.who.owner') : t('staff.who.name'))} style={{ marginBottom: 12 }}>
        <Select
          data-testid={`${testPrefix}-name`}
          showSearch={{ optionFilterProp: 'label' }}
          autoFocus={autoFocus}
          value={value.staffId || undefined}
          placeholder={t('staff.who.pick')}
          options={people.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(id: number) => {
            onChange({ ...value, staffId: id } as Auth);
            setTimeout(() => pinRef.current?.focus(), 0);
          }}
          notFoundContent={<Typography.Text type="secondary">{ownerOnly ? t('staff.who.noOwner') : t('staff.who.noPin')}</Typography.Text>}
        />
      </Form.Item>
      <Form.Item label={t('staff.who.pin')} style={{ marginBottom: 0 }}>
        <Input.Password
          ref={(el) => {
            pinRef.current = el;
          }}
          data-testid={`${testPrefix}-pin`}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={value.pin}
          onChange={(e) => onChange({ ...value, pin: e.target.value.replace(/\D/g, '') } as Auth)}
          onPressEnter={() => onEnter?.()}
        />
      </Form.Item>
    </Form>
  );
}

/*
 * 员工 Staff: the rota, attendance (clock in/out), leave and swaps, the handover book, the
 * payroll and the pay rules, in tabs sharing the month shown. The staff list itself is in
 * 设置 → 员工 (StaffPanel).
 *
 * data-testid: staff-page, staff-tabs; the tabs' keys: rota, attendance, leave, handover, payroll, rules
 */
import { useEffect, useState } from 'react';
import { ConfigProvider, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttendanceTab } from './AttendanceTab';
import { HandoverTab } from './HandoverTab';
import { LeaveTab } from './LeaveTab';
import { PayrollTab } from './PayrollTab';
import { RotaTab } from './RotaTab';
import { RulesTab } from './RulesTab';
import { StaffProvider, useStaffCtx } from './StaffContext';
import { monthOf } from './rota';
import './staff.css';
import { takeFilter } from '../../lib/pageLink';

const TABS = ['rota', 'attendance', 'leave', 'handover', 'payroll', 'rules'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEY = 'shopdesk.staff.tab';

function savedTab(): Tab {
  // A line of 今日清单 (on shift, handover notes) opens its tab (lib/pageLink).
  const linked = takeFilter('staff').tab ?? '';
  if ((TABS as readonly string[]).includes(linked)) return linked as Tab;
  try {
    const v = window.localStorage.getItem(TAB_KEY);
    if ((TABS as readonly string[]).includes(v ?? '')) return v as Tab;
  } catch {
    // storage unavailable
  }
  return 'rota';
}

export function StaffPage() {
  return (
    // Two-character button labels (保存, 编辑, 评分) read as words, not spaced out.
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <StaffProvider>
        <StaffTabs />
      </StaffProvider>
    </ConfigProvider>
  );
}

function StaffTabs() {
  const { t } = useTranslation();
  const { now } = useStaffCtx();
  const [tab, setTab] = useState<Tab>(savedTab);
  const [month, setMonth] = useState('');
  const thisMonth = now ? monthOf(now) : '';
  useEffect(() => {
    if (thisMonth && !month) setMonth(thisMonth);
  }, [thisMonth, month]);
  const go = (k: Tab) => {
    setTab(k);
    try {
      window.localStorage.setItem(TAB_KEY, k);
    } catch {
      // not remembered
    }
  };
  if (!month) return <Skeleton active />;
  const props = { month, thisMonth, onMonth: setMonth };
  const body: Record<Tab, React.ReactNode> = {
    rota: <RotaTab {...props} />,
    attendance: <AttendanceTab {...props} onOpenHandover={() => go('handover')} />,
    leave: <LeaveTab {...props} />,
    handover: <HandoverTab />,
    payroll: <PayrollTab {...props} />,
    rules: <RulesTab />,
  };
  return (
    <div data-testid="staff-page" data-print-orientation={tab === 'rota' ? 'landscape' : undefined}>
      <Tabs
        data-testid="staff-tabs"
        activeKey={tab}
        onChange={(k) => go(k as Tab)}
        destroyOnHidden
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`staff-tab-${k}`}>{t(`staff.tab.${k}`)}</span>, children: body[k] }))}
      />
    </div>
  );
}

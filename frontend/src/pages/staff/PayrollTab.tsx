/*
 * 工资 the month's payroll: a payslip per person on the payroll (base, commission,
 * bonuses, deductions, net), the owner's team scores, 客服考核, closing the month (frozen)
 * and reopening it with a reason (logged), the payslips' print and the month's Excel.
 *
 * data-testid: payroll-tab, payroll-state (data-closed), payroll-incidents, payroll-print-all,
 *   payroll-export, payroll-close, payroll-reopen, payroll-row (data-name), payroll-net (a row's net),
 *   payroll-score (a row's team score button), payroll-slip (a row's 工资条), payroll-print (a row's 打印),
 *   payslip-drawer, score-modal (score-input, score-ok), reopen-modal (reopen-reason, owner-name/-pin, reopen-ok),
 *   payroll-empty, payroll-history
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Flex, Form, Input, InputNumber, Modal, Table, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined, LockOutlined, PrinterOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { closeMonth, exportPayroll, getPayroll, reopenMonth, setTeamScore, type Auth, type PayMonth, type Payslip } from '../../api/staff';
import { errorText } from '../../api/errors';
import { formatFen } from '../../lib/money';
import { useAppData } from '../../state/AppData';
import { IncidentsModal } from './IncidentsModal';
import { MonthSwitch } from './MonthSwitch';
import { PayslipPrint } from './PayslipPrint';
import { PayslipView } from './PayslipView';
import { isPinError, useStaffCtx, WhoFields } from './StaffContext';
import { monthText } from './text';

const yuan = (fen: number) => formatFen(fen).replace('¥', '');

export function PayrollTab({ month, thisMonth, onMonth }: { month: string; thisMonth: string; onMonth: (m: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { navigate } = useAppData();
  const { staff, ask, forgetOwner } = useStaffCtx();
  const [pay, setPay] = useState<PayMonth | null>(null);
  const [slip, setSlip] = useState<Payslip | null>(null);
  const [printing, setPrinting] = useState<Payslip[] | null>(null);
  const [incidents, setIncidents] = useState(false);
  const [score, setScore] = useState<{ p: Payslip; value: number | null } | null>(null);
  const [reopen, setReopen] = useState<{ reason: string; owner: Auth } | null>(null);

  const load = useCallback(async () => {
    try {
      setPay(await getPayroll(month));
    } catch (err) {
      message.error(errorText(err, t('staff.loadFailed')));
    }
  }, [month, message, t]);
  useEffect(() => {
    setPay(null);
    void load();
  }, [load]);

  const fail = (err: unknown) => {
    if (isPinError(err)) forgetOwner();
    message.error({ content: <span className="sd-error-text">{errorText(err, t('staff.saveFailed'))}</span>, duration: 6 });
  };
  const name = monthText(t, month);

  const doClose = async () => {
    const a = await ask({ ownerOnly: true, danger: true, title: t('staff.pay.closeTitle', { month: name }), okText: t('staff.pay.close'),
      body: <Typography.Paragraph>{t('staff.pay.closeBody')}{pay?.running ? ` ${t('staff.pay.closeRunning')}` : ''}</Typography.Paragraph> });
    if (!a) return;
    try {
      setPay(await closeMonth(month, a));
      message.success(t('staff.pay.closed', { month: name }));
    } catch (err) {
      fail(err);
    }
  };
  const doReopen = async () => {
    if (!reopen) return;
    try {
      setPay(await reopenMonth(month, reopen.reason, reopen.owner));
      setReopen(null);
      message.success(t('staff.pay.reopened', { month: name }));
    } catch (err) {
      fail(err);
    }
  };
  const doScore = async () => {
    if (!score) return;
    const a = await ask({ ownerOnly: true, title: t('staff.pay.scoreTitle', { name: score.p.name }) });
    if (!a) return;
    try {
      await setTeamScore(month, score.p.staffId, score.value, a);
      setScore(null);
      await load();
    } catch (err) {
      fail(err);
    }
  };
  const doExport = async () => {
    try {
      const f = await exportPayroll(month);
      if (f.url) message.success(t('staff.downloaded', { name: f.name }));
      else if (f.path) message.success(t('staff.saved', { path: f.path }));
    } catch (err) {
      message.error(errorText(err, t('staff.exportFailed')));
    }
  };

  const slips = pay?.payslips ?? [];
  const total = (k: 'baseFen' | 'commissionFen' | 'bonusFen' | 'deductionFen' | 'netFen') => slips.reduce((s, p) => s + p[k], 0);
  return (
    <div data-testid="payroll-tab">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={12}>
          <MonthSwitch month={month} thisMonth={thisMonth} onChange={onMonth} />
          {pay && (
            <Tag data-testid="payroll-state" data-closed={pay.closed ? '1' : '0'} color={pay.closed ? 'green' : pay.running ? 'blue' : 'orange'}>
              {pay.closed ? t('staff.pay.stateClosed') : pay.running ? t('staff.pay.stateRunning') : t('staff.pay.stateOpen')}
            </Tag>
          )}
        </Flex>
        <Flex gap={8} wrap>
          <Button data-testid="payroll-incidents" onClick={() => setIncidents(true)}>{t('staff.incidents.title')}</Button>
          <Button icon={<PrinterOutlined />} data-testid="payroll-print-all" disabled={slips.length === 0} onClick={() => setPrinting(slips)}>{t('staff.pay.printAll')}</Button>
          <Button icon={<DownloadOutlined />} data-testid="payroll-export" disabled={slips.length === 0} onClick={() => void doExport()}>{t('staff.exportExcel')}</Button>
          {pay?.closed ? (
            <Button icon={<UnlockOutlined />} data-testid="payroll-reopen" onClick={() => setReopen({ reason: '', owner: { staffId: 0, pin: '' } as Auth })}>{t('staff.pay.reopen')}</Button>
          ) : (
            <Button type="primary" icon={<LockOutlined />} data-testid="payroll-close" disabled={!pay || slips.length === 0} onClick={() => void doClose()}>{t('staff.pay.close')}</Button>
          )}
        </Flex>
      </Flex>
      {pay?.closed && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('staff.pay.closedNote', { by: pay.closedBy, at: pay.closedAt.slice(0, 16) })} />}
      {pay && !pay.closed && pay.running && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('staff.pay.runningNote')} />}
      {pay && !pay.creditSource && slips.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('staff.pay.noCredits')} />}
      <Table<Payslip>
        className="sd-staff-table"
        size="middle"
        rowKey="staffId"
        loading={!pay}
        dataSource={slips}
        pagination={false}
        locale={{ emptyText: (
          <Empty data-testid="payroll-empty" description={staff.length === 0 ? t('staff.pay.noStaff') : t('staff.pay.noLevels')}>
            <Button onClick={() => navigate('settings')}>{t('staff.goSettings')}</Button>
          </Empty>
        ) }}
        onRow={(p) => ({ 'data-testid': 'payroll-row', 'data-name': p.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('staff.attendance.name'), dataIndex: 'name', width: 90, fixed: 'left' },
          { key: 'level', title: t('staff.pay.level'), dataIndex: 'level', width: 80 },
          { key: 'base', title: t('staff.slip.base'), align: 'right', width: 130, render: (_, p) => <span className="sd-nowrap">{yuan(p.baseFen)}{p.prorata && <Tag style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>{t('staff.pay.prorataTag')}</Tag>}</span> },
          { key: 'commission', title: t('staff.slip.commissionName'), align: 'right', width: 90, render: (_, p) => yuan(p.commissionFen) },
          { key: 'bonus', title: t('staff.pay.bonus'), align: 'right', width: 90, render: (_, p) => yuan(p.bonusFen) },
          { key: 'deductions', title: t('staff.slip.deductions'), align: 'right', width: 90, render: (_, p) => (p.deductionFen ? <Typography.Text type="danger">-{yuan(p.deductionFen)}</Typography.Text> : '0.00') },
          { key: 'net', title: t('staff.slip.net'), align: 'right', width: 110, render: (_, p) => <strong data-testid="payroll-net">{yuan(p.netFen)}</strong> },
          { key: 'lates', title: t('staff.pay.lates'), align: 'center', width: 80, render: (_, p) => p.lates || '' },
          { key: 'absences', title: t('staff.pay.absences'), align: 'center', width: 60, render: (_, p) => p.absences || '' },
          {
            key: 'score',
            title: t('staff.pay.score'),
            width: 90,
            render: (_, p) => (
              <Button size="small" type={p.teamScore === undefined || p.teamScore === null ? 'dashed' : 'default'} data-testid="payroll-score" disabled={pay?.closed}
                onClick={() => setScore({ p, value: p.teamScore ?? null })}>
                {p.teamScore === undefined || p.teamScore === null ? t('staff.pay.scoreNone') : t('staff.pay.scoreValue', { score: p.teamScore })}
              </Button>
            ),
          },
          {
            key: 'op',
            title: '',
            width: 150,
            render: (_, p) => (
              <Flex gap={6}>
                <Button size="small" icon={<FileTextOutlined />} data-testid="payroll-slip" onClick={() => setSlip(p)}>{t('staff.pay.slip')}</Button>
                <Button size="small" icon={<PrinterOutlined />} aria-label={t('staff.print.button')} data-testid="payroll-print" onClick={() => setPrinting([p])} />
              </Flex>
            ),
          },
        ]}
        scroll={{ x: 'max-content' }}
        summary={() =>
          slips.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>{t('staff.pay.total', { count: slips.length })}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{yuan(total('baseFen'))}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{yuan(total('commissionFen'))}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{yuan(total('bonusFen'))}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{total('deductionFen') ? `-${yuan(total('deductionFen'))}` : '0.00'}</Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right"><strong>{yuan(total('netFen'))}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={7} colSpan={4} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {pay && pay.events.length > 0 && (
        <div data-testid="payroll-history" style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('staff.pay.history')}</Typography.Text>
          <Timeline style={{ marginTop: 8 }} items={pay.events.map((e) => ({
            key: e.id,
            color: e.action === 'close' ? 'green' : 'orange',
            content: t(`staff.pay.event.${e.action}`, { at: e.at.slice(0, 16), by: e.actorName, reason: e.reason }),
          }))} />
        </div>
      )}
      <Drawer open={slip !== null} size={720} title={slip ? t('staff.slip.printOne', { month: name, name: slip.name }) : ''} onClose={() => setSlip(null)}
        extra={slip && <Button icon={<PrinterOutlined />} onClick={() => setPrinting([slip])}>{t('staff.print.button')}</Button>}>
        <div data-testid="payslip-drawer">{slip && <PayslipView p={slip} />}</div>
      </Drawer>
      {printing && pay && <PayslipPrint pay={pay} slips={printing} onClose={() => setPrinting(null)} />}
      <IncidentsModal open={incidents} month={month} closed={!!pay?.closed} onClose={() => setIncidents(false)} onChanged={() => void load()} />
      <Modal open={score !== null} title={score ? t('staff.pay.scoreTitle', { name: score.p.name }) : ''} okText={t('staff.save')} cancelText={t('common.cancel')}
        okButtonProps={{ ...({ 'data-testid': 'score-ok' } as object) }} onOk={() => void doScore()} onCancel={() => setScore(null)} destroyOnHidden>
        <div data-testid="score-modal">
          <Typography.Paragraph type="secondary">{t('staff.pay.scoreHelp')}</Typography.Paragraph>
          <InputNumber data-testid="score-input" autoFocus min={0} max={100} precision={0} value={score?.value} placeholder={t('staff.pay.scoreNone')}
            onChange={(v) => setScore((s) => (s ? { ...s, value: v ?? null } : s))} onPressEnter={() => void doScore()} suffix={t('staff.pay.points')} style={{ width: 160 }} />
        </div>
      </Modal>
      <Modal open={reopen !== null} title={t('staff.pay.reopenTitle', { month: name })} okText={t('staff.pay.reopen')} cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: !reopen?.reason.trim() || !reopen?.owner.staffId || (reopen?.owner.pin.length ?? 0) < 4, ...({ 'data-testid': 'reopen-ok' } as object) }}
        onOk={() => void doReopen()} onCancel={() => setReopen(null)} destroyOnHidden>
        {reopen && (
          <Form layout="vertical" component="div" data-testid="reopen-modal">
            <Typography.Paragraph>{t('staff.pay.reopenBody')}</Typography.Paragraph>
            <Form.Item label={t('staff.pay.reopenReason')} required>
              <Input.TextArea data-testid="reopen-reason" rows={2} maxLength={200} autoFocus value={reopen.reason} onChange={(e) => setReopen({ ...reopen, reason: e.target.value })} />
            </Form.Item>
            <WhoFields staff={staff} ownerOnly value={reopen.owner} onChange={(o) => setReopen({ ...reopen, owner: o })} onEnter={() => void doReopen()} testPrefix="owner" />
          </Form>
        )}
      </Modal>
    </div>
  );
}

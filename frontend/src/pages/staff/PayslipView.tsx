/*
 * One payslip (工资条) as a document: what is paid (base, commission, bonuses), every
 * deduction with its day and rule, the net, the month's attendance and what the slip
 * must say (a base for part of a month, where commission comes from, rounding). The same
 * markup on screen (the payroll drawer) and on paper (PayslipPrint).
 *
 * data-testid: payslip (data-name, data-net: net in fen), payslip-line (data-rule, data-day), payslip-net
 */
import { useTranslation } from 'react-i18next';
import type { PayLine, Payslip } from '../../api/staff';
import { formatFen } from '../../lib/money';
import { dayText, lineText } from './text';

const yuan = (fen: number) => formatFen(fen).replace('¥', '');

export function PayslipView({ p }: { p: Payslip }) {
  const { t } = useTranslation();
  const gross = p.baseFen + p.commissionFen + p.bonusFen;
  const baseNote = p.prorata
    ? t('staff.slip.prorata', {
        joined: p.prorata.joinedOn ? t('staff.slip.joined', { day: dayText(t, p.prorata.joinedOn) }) : '',
        left: p.prorata.leftOn ? t('staff.slip.left', { day: dayText(t, p.prorata.leftOn) }) : '',
        rostered: p.prorata.rosteredDays,
        paid: Math.min(p.prorata.rosteredDays, p.prorata.standardDays),
        standard: p.prorata.standardDays,
        level: yuan(p.levelBaseFen),
      })
    : t('staff.slip.fullMonth', { level: p.level, base: yuan(p.levelBaseFen) });
  const commissionNote = p.creditSource
    ? t('staff.slip.commission', { sales: yuan(p.creditedFen), pct: p.commissionPct })
    : t('staff.slip.noCredits');
  const row = (l: PayLine, sign: string, i: number) => (
    <tr key={`${l.rule}-${l.day}-${i}`} data-testid="payslip-line" data-rule={l.rule} data-day={l.day} className={l.amountFen === 0 ? 'sd-slip-zero' : undefined}>
      <td>{l.day ? `${dayText(t, l.day)} ` : ''}{t(`staff.lineName.${l.rule}`)}</td>
      <td>{lineText(t, l)}</td>
      <td className="sd-num">{l.amountFen === 0 ? '0.00' : `${sign}${yuan(l.amountFen)}`}</td>
    </tr>
  );
  return (
    <div className="sd-slip" data-testid="payslip" data-name={p.name} data-net={p.netFen}>
      <div className="sd-slip-who">
        <strong>{p.name}</strong>
        <span>{t(`settings.role.${p.role}`, { defaultValue: p.role })}</span>
        <span>{t('staff.slip.level', { level: p.level, base: yuan(p.levelBaseFen) })}</span>
      </div>
      <table className="sd-slip-table">
        <colgroup>
          <col style={{ width: '28%' }} />
          <col />
          <col style={{ width: '17%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('staff.slip.item')}</th>
            <th>{t('staff.slip.detail')}</th>
            <th className="sd-num">{t('staff.slip.amount')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="sd-slip-group">
            <td colSpan={3}>{t('staff.slip.pay')}</td>
          </tr>
          <tr data-testid="payslip-line" data-rule="base">
            <td>{t('staff.slip.base')}</td>
            <td>{baseNote}</td>
            <td className="sd-num">{yuan(p.baseFen)}</td>
          </tr>
          <tr data-testid="payslip-line" data-rule="commission">
            <td>{t('staff.slip.commissionName')}</td>
            <td>{commissionNote}</td>
            <td className="sd-num">{yuan(p.commissionFen)}</td>
          </tr>
          {p.bonuses.map((l, i) => row(l, '', i))}
          <tr className="sd-slip-sub">
            <td colSpan={2}>{t('staff.slip.gross')}</td>
            <td className="sd-num">{yuan(gross)}</td>
          </tr>
          <tr className="sd-slip-group">
            <td colSpan={3}>{t('staff.slip.deductions')}</td>
          </tr>
          {p.deductions.length === 0 && (
            <tr>
              <td colSpan={3}>{t('staff.slip.noDeductions')}</td>
            </tr>
          )}
          {p.deductions.map((l, i) => row(l, '-', i))}
          <tr className="sd-slip-sub">
            <td colSpan={2}>{t('staff.slip.deductionTotal')}</td>
            <td className="sd-num">{p.deductionFen ? `-${yuan(p.deductionFen)}` : '0.00'}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr className="sd-slip-net">
            <td>{t('staff.slip.net')}</td>
            <td>{t('staff.slip.netFormula', { gross: yuan(gross), deductions: yuan(p.deductionFen) })}</td>
            <td className="sd-num" data-testid="payslip-net">
              {yuan(p.netFen)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="sd-slip-att">
        {t('staff.slip.attendance', { rostered: p.rostered, worked: p.worked, leave: p.leaveShifts, lates: p.lates, absences: p.absences, missing: p.missingPunches })}
        {p.pending > 0 && t('staff.slip.pending', { count: p.pending })}
      </p>
      <ul className="sd-slip-notes">
        {p.teamScore === undefined || p.teamScore === null ? <li>{t('staff.slip.noTeamScore')}</li> : null}
        {p.rounded && <li>{t('staff.slip.rounded')}</li>}
        <li>{t('staff.slip.rules')}</li>
      </ul>
    </div>
  );
}

/*
 * Payslips on paper: A4 portrait, one payslip a page, in the UI's language (Chinese by
 * default), with a line for the employee's signature.
 *
 * data-testid: payslip-print (the PrintView)
 */
import { useTranslation } from 'react-i18next';
import type { PayMonth, Payslip } from '../../api/staff';
import { PrintHeader, PrintView } from '../../print';
import { useAppData } from '../../state/AppData';
import { PayslipView } from './PayslipView';
import { monthText } from './text';

export function PayslipPrint({ pay, slips, onClose }: { pay: PayMonth; slips: Payslip[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { shops } = useAppData();
  const month = monthText(t, pay.month);
  const title = slips.length === 1 ? t('staff.slip.printOne', { month, name: slips[0].name }) : t('staff.slip.printAll', { month });
  const state = pay.closed ? t('staff.slip.closedState', { by: pay.closedBy, at: pay.closedAt.slice(0, 16) }) : t('staff.slip.openState');
  const shop = shops.slice(0, 2).map((s) => s.name).join('、');
  return (
    <PrintView title={title} orientation="portrait" onClose={onClose} testId="payslip-print">
      {slips.map((p) => (
        <section key={p.staffId} className="sd-print-page">
          <PrintHeader title={t('staff.slip.title', { month })} meta={[shop, state]} />
          <PayslipView p={p} />
          <div className="sd-print-sign">
            <span>{t('staff.slip.signEmployee')}</span>
            <span>{t('staff.slip.signDate')}</span>
          </div>
        </section>
      ))}
    </PrintView>
  );
}

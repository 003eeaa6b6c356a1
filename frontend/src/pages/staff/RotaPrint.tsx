/*
 * The rota on paper: A4 landscape, one page wide for up to 31 days (10 people fit one
 * page; more continue with the header repeated), with the shifts' legend and the rest days.
 *
 * data-testid: rota-print (the PrintView)
 */
import { useTranslation } from 'react-i18next';
import type { RotaMonth, Shift } from '../../api/staff';
import { PrintHeader, PrintView } from '../../print';
import { useAppData } from '../../state/AppData';
import { cellKey, cellLabel, type CellValue } from './rota';
import { monthText } from './text';

export function RotaPrint({ rota, cells, onClose }: { rota: RotaMonth; cells: Map<string, CellValue>; onClose: () => void }) {
  const { t } = useTranslation();
  const { shops } = useAppData();
  const title = t('staff.rota.printTitle', { month: monthText(t, rota.month) });
  const shifts = new Map<number, Shift>(rota.shifts.map((s) => [s.id, s]));
  const rest = t('staff.rota.rest');
  const weekend = (wd: number) => wd === 0 || wd === 6;
  const shopNames = shops.slice(0, 3).map((s) => s.name).join('、') + (shops.length > 3 ? t('staff.print.moreShops', { n: shops.length }) : '');
  return (
    <PrintView title={title} orientation="landscape" onClose={onClose} testId="rota-print">
      <PrintHeader title={title} meta={[shopNames, t('staff.rota.printMeta', { people: rota.people.length, rest: rota.restDays })]} />
      <table className="sd-print-rota">
        <colgroup>
          <col style={{ width: '20mm' }} />
          {rota.days.map((d) => (
            <col key={d.day} />
          ))}
          <col style={{ width: '9mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('staff.rota.name')}</th>
            {rota.days.map((d) => (
              <th key={d.day} className={weekend(d.weekday) ? 'sd-print-weekend' : undefined}>
                {d.date}
                <br />
                <span className="sd-print-wd">{t(`staff.weekday.${d.weekday}`)}</span>
              </th>
            ))}
            <th>{rest}</th>
          </tr>
        </thead>
        <tbody>
          {rota.people.map((p) => (
            <tr key={p.id}>
              <td className="sd-print-rota-name">{p.name}</td>
              {rota.days.map((d) => (
                <td key={d.day} className={`sd-center${weekend(d.weekday) ? ' sd-print-weekend' : ''}`}>
                  {cellLabel(cells.get(cellKey(p.id, d.day)), shifts, rest)}
                </td>
              ))}
              <td className="sd-center">{p.restDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sd-print-note">
        {rota.shifts
          .filter((s) => s.active)
          .map((s) => t('staff.rota.legendItem', { short: s.short, name: s.name, start: s.start, end: s.endMin > 1440 ? t('staff.shifts.nextDay', { time: s.end }) : s.end }))
          .concat(t('staff.rota.legendRest', { rest }))
          .join('　　')}
      </div>
      <div className="sd-print-sign">
        <span>{t('staff.print.madeBy')}</span>
        <span>{t('staff.print.approvedBy')}</span>
      </div>
    </PrintView>
  );
}

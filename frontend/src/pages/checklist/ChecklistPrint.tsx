/*
 * 今日清单 on paper: A4 portrait, one page for a normal day, a box to tick by hand on every
 * line, the counts and the first few things behind them, the date and the shops in the
 * header, lines for signatures. Printed through the print foundation (window.print(), the
 * Edge print dialog's "Save as PDF" for a PDF). `shopdesk checklist --html` writes the same
 * layout from Go (internal/checklist/print.go).
 *
 * data-testid: checklist-print (the PrintView), clp-item-<key>
 */
import { useTranslation } from 'react-i18next';
import type { ChecklistDay } from '../../api/checklist';
import { PrintHeader, PrintView } from '../../print';
import { SECTIONS, itemDetail, itemTitle, when } from './text';

export function ChecklistPrint({ day, onClose }: { day: ChecklistDay; onClose: () => void }) {
  const { t } = useTranslation();
  const title = t('checklist.printTitle', { date: day.date });
  const weekday = t(`checklist.weekday.${new Date(`${day.date}T00:00:00`).getDay()}`);
  const meta = [day.shops.length ? t('checklist.printShops', { names: day.shops.join('、') }) : '', `${day.date} ${weekday}`];
  return (
    <PrintView title={title} orientation="portrait" onClose={onClose} testId="checklist-print">
      <div className="sd-clp">
        <PrintHeader title={t('checklist.title')} meta={meta} />
        {day.items.length === 0 && <p>{t('checklist.printEmpty')}</p>}
        {SECTIONS.map((sec) => {
          const items = day.items.filter((it) => it.section === sec);
          if (items.length === 0) return null;
          return (
            <section key={sec}>
              <h2>{t(`checklist.section.${sec}`)}</h2>
              {items.map((it) => {
                const detail = itemDetail(t, it);
                const status =
                  it.state === 'done'
                    ? it.doneBy
                      ? t('checklist.doneBy', { who: it.doneBy, at: when(it.doneAt, day.date) })
                      : t('checklist.doneNobody', { at: when(it.doneAt, day.date) })
                    : it.state === 'skipped'
                      ? t('checklist.skippedBy', { who: it.doneBy || '—', at: when(it.doneAt, day.date), reason: it.note })
                      : it.state === 'auto'
                        ? it.note
                        : '';
                return (
                  <div className="sd-clp-item" key={it.key} data-testid={`clp-item-${it.key}`}>
                    <div className="sd-clp-box">{it.state === 'done' || it.state === 'auto' ? '✓' : it.state === 'skipped' ? '—' : ''}</div>
                    <div className="sd-clp-body">
                      <span className="sd-clp-title">{itemTitle(t, it)}</span>
                      {it.count > 0 && <span className="sd-clp-count">{it.count}</span>}
                      {detail && <span className="sd-clp-detail">{detail}</span>}
                      {it.owner && <span className="sd-clp-detail">{t('checklist.owner', { name: it.owner })}</span>}
                      {it.top.length > 0 && <div className="sd-clp-top">{it.top.map((x) => x.text).join('；')}</div>}
                      {status && <div className="sd-clp-status">{status}</div>}
                    </div>
                  </div>
                );
              })}
            </section>
          );
        })}
        <div className="sd-clp-foot">
          <span>{t('checklist.printFooter.sign')}______________</span>
          <span>{t('checklist.printFooter.check')}______________</span>
        </div>
      </div>
    </PrintView>
  );
}

// How a checklist line reads in the UI's language: its kind and params (from Go) give the
// words; the Chinese title and detail Go wrote are the fallback (and what is printed by
// `shopdesk checklist`).
import type { TFunction } from 'i18next';
import type { ChecklistItem } from '../../api/checklist';

/** The sections in the order of the morning routine (internal/checklist Sections; a Go test checks the locale files). */
export const SECTIONS = ['after_sales', 'orders', 'stock', 'follow_up', 'staff', 'metrics', 'routine'] as const;

export function itemTitle(t: TFunction, it: ChecklistItem): string {
  if (it.kind === 'task' || !it.kind) return it.title;
  return t(`checklist.kind.${it.kind}`, { ...it.params, defaultValue: it.title });
}

export function itemDetail(t: TFunction, it: ChecklistItem): string {
  const p = it.params ?? {};
  switch (it.kind) {
    case 'day_orders':
      return t('checklist.detail.dayOrders', { count: it.count, sales: p.sales });
    case 'follow_up':
      return p.overdue ? t('checklist.detail.overdue', { n: p.overdue }) : '';
    case 'target':
      return p.total ? t('checklist.detail.target', { total: p.total }) : it.detail;
    case 'on_shift':
      return p.people ?? it.detail;
    case 'task':
      if (p.repeat === 'weekly') return t('checklist.repeat.weeklyOn', { day: t(`checklist.weekday.${p.weekday}`) });
      if (p.repeat === 'monthly') return t('checklist.repeat.monthlyOn', { day: p.monthDay });
      return t('checklist.repeat.daily');
    default:
      return p.deadline ? t('checklist.detail.deadline', { at: p.deadline }) : it.detail;
  }
}

/** A line needs nothing more: ticked, or cleared by the data. */
export function isDone(it: ChecklistItem): boolean {
  return it.state === 'done' || it.state === 'auto';
}

/** "2026-11-22 09:15:00" -> "09:15" on the same day, else "11-22 09:15". */
export function when(at: string, day: string): string {
  if (!at) return '';
  return at.startsWith(day) ? at.slice(11, 16) : at.slice(5, 16);
}

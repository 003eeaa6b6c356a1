// The entry grid's rules, kept out of the components so that they are tested on their own:
// which cell Enter moves to, what a new row carries over, how typed text picks a choice.
import { OUTCOMES, type Outcome } from './domain';


/** One editable row of the entry grid: what its cells show, as typed (names, not ids). */
export type DraftRow = Record<Cell, string>;

/** The grid's cells in the order Enter and Tab walk them. */
export const CELLS = [
  'askedOn', 'askedTime', 'shop', 'customer', 'customerType', 'channel', 'products', 'region', 'agent',
  'outcome', 'dealType', 'amount', 'reason', 'followNote', 'nextFollowOn', 'note',
] as const;
export type Cell = (typeof CELLS)[number];

/** Cells that do not apply to the row's outcome are skipped (deal type and amount without a deal, reason without a no-deal). */
export function applies(cell: Cell, outcome: string): boolean {
  if (cell === 'dealType' || cell === 'amount') return outcome === 'deal';
  if (cell === 'reason') return outcome === 'no_deal';
  return true;
}

/** The cell after (dir 1) or before (dir -1) `cell`; null past the last one (the row is done). */
export function nextCell(cell: Cell, outcome: string, dir: 1 | -1 = 1): Cell | null {
  let i = CELLS.indexOf(cell) + dir;
  while (i >= 0 && i < CELLS.length) {
    if (applies(CELLS[i], outcome)) return CELLS[i];
    i += dir;
  }
  return null;
}

/** The cell a new row starts in: the first one not carried over from the previous row. */
export const FIRST_CELL: Cell = 'customer';

export function emptyRow(today: string): DraftRow {
  const row = Object.fromEntries(CELLS.map((c) => [c, ''])) as DraftRow;
  row.askedOn = today;
  return row;
}

/** A new row after `prev`: the date, agent, channel and shop carried over, the rest empty. */
export function carryOver(prev: DraftRow, today: string): DraftRow {
  return { ...emptyRow(today), askedOn: prev.askedOn || today, agent: prev.agent, channel: prev.channel, shop: prev.shop };
}

/** Words that pick an outcome, besides the names: the sheet's 是/否, and 1/2/3 on the number row. */
const OUTCOME_WORDS: Record<string, Outcome> = {
  '1': 'deal', 是: 'deal', y: 'deal', '2': 'no_deal', 否: 'no_deal', n: 'no_deal', '3': 'pending', 跟: 'pending', p: 'pending',
};

/** The outcome typed text picks ('' when none), given the display names (成交, 未成交, 跟进中). */
export function pickOutcome(text: string, names: Record<Outcome, string>): Outcome | '' {
  const t = text.trim().toLowerCase();
  if (!t) return '';
  if (OUTCOME_WORDS[t]) return OUTCOME_WORDS[t];
  for (const o of OUTCOMES) if (names[o].toLowerCase() === t) return o;
  for (const o of OUTCOMES) if (names[o].toLowerCase().startsWith(t)) return o;
  return '';
}

/**
 * The choices matching typed text, best first: the ones starting with it, then the ones
 * containing it (case-insensitive). Empty text offers them all.
 */
export function filterChoices(choices: string[], text: string, limit = 12): string[] {
  const t = text.trim().toLowerCase();
  if (!t) return choices.slice(0, limit);
  const starts = choices.filter((c) => c.toLowerCase().startsWith(t));
  const contains = choices.filter((c) => !c.toLowerCase().startsWith(t) && c.toLowerCase().includes(t));
  return [...starts, ...contains].slice(0, limit);
}

/** Yuan as typed ("128", "1,280.5", "¥12") to fen; null when it is not an amount. Empty is 0. */
export function yuanToFen(text: string): number | null {
  const s = text.trim().replace(/^[¥￥]/, '').replace(/元$/, '').replace(/[,，]/g, '');
  if (s === '') return 0;
  if (!/^\d{1,12}(\.\d{0,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

/** The products typed in one cell (separated by 、 or , or ;), cleaned. */
export function splitProducts(text: string): string[] {
  const out: string[] = [];
  for (const p of text.split(/[、,，;；\n]/)) {
    const v = p.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** The last product being typed in a products cell (what the type-ahead completes). */
export function lastProduct(text: string): string {
  const parts = text.split(/[、,，;；]/);
  return parts[parts.length - 1].trim();
}

/** Replaces the product being typed with the chosen one, ready for the next ("毛毯、收纳箱、"). */
export function completeProduct(text: string, chosen: string): string {
  const parts = text.split(/[、,，;；]/).map((p) => p.trim());
  parts[parts.length - 1] = chosen;
  return parts.filter(Boolean).join('、');
}

/** Whether pasted text is a block of cells (tabs or several lines) rather than one value. */
export function isBlock(text: string): boolean {
  return text.includes('\t') || text.trim().includes('\n');
}

/**
 * The cell a Go error names: its messages quote the column name (“未交易原因”…). Given the
 * column names of the current language's Chinese source, returns the cell or null.
 */
export function cellOfError(message: string, columnNames: Record<string, Cell>): Cell | null {
  for (const [name, cell] of Object.entries(columnNames)) if (message.includes(`“${name}”`)) return cell;
  return null;
}

/** The Go error's column names (internal/inquiry FieldName) -> grid cell. */
export const ERROR_COLUMNS: Record<string, Cell> = {
  日期: 'askedOn', 时间: 'askedTime', 店铺: 'shop', 客户ID: 'customer', 客户类型: 'customerType', 询盘渠道: 'channel',
  咨询产品: 'products', 地区: 'region', 客服: 'agent', 是否成交: 'outcome', 交易类型: 'dealType', 成交金额: 'amount',
  未交易原因: 'reason', 跟进情况: 'followNote', 下次跟进: 'nextFollowOn', 备注: 'note',
};

/** "0.3333" -> "33.33%" */
export function percent(v: number): string {
  return `${(Math.round(v * 10000) / 100).toFixed(2)}%`;
}

/** The first and last day of the month containing day, and shifted by n months. */
export function monthOf(day: string, shift = 0): [string, string] {
  const [y, m] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + shift, 1));
  const last = new Date(Date.UTC(y, m + shift, 0));
  const f = (d: Date) => d.toISOString().slice(0, 10);
  return [f(first), f(last)];
}

/** The shops' local day (Asia/Shanghai) of a moment. */
export function shopDay(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600e3).toISOString().slice(0, 10);
}

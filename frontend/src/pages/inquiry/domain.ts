// Codes shared with the Go side (internal/inquiry). internal/inquiry/ui_test.go checks that
// these lists match the Go ones; display names live in locales/<lang>/inquiry.json.

/** Outcomes (是否成交), in the order the entry offers them. */
export const OUTCOMES = ['deal', 'no_deal', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The editable lists. */
export const LISTS = ['customer_type', 'channel', 'reason', 'deal_type'] as const;
export type ListName = (typeof LISTS)[number];

/** Breakdowns of the analysis, in the order the page offers them. */
export const DIMENSIONS = ['channel', 'agent', 'product', 'type', 'region', 'reason'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The reason an imported no-deal row gets when its sheet had none (inquiry.ReasonMissing). */
export const REASON_MISSING = '未填写';

/** The register's columns in the layout of the sheet, then Shopdesk's (inquiry.Columns). */
export const FIELDS = [
  'askedOn', 'customer', 'customerType', 'channel', 'products', 'outcome', 'dealType', 'amount', 'reason',
  'followNote', 'agent', 'region', 'askedTime', 'shop', 'nextFollowOn', 'note',
] as const;
export type Field = (typeof FIELDS)[number];

/** The settings of the register (group "inquiry" of 设置). */
export const SETTING_KEYS = [
  'inquiry_match_days', 'inquiry_auto_confirm', 'inquiry_credit_flagger', 'inquiry_credit_chase',
  'inquiry_chase_hours', 'inquiry_credit_return', 'inquiry_revisit_plan',
] as const;

const OUTCOME_COLORS: Record<Outcome, string> = { deal: 'green', no_deal: 'default', pending: 'gold' };

export function outcomeColor(o: string): string {
  return (OUTCOME_COLORS as Record<string, string>)[o] ?? 'default';
}

/*
 * The entry grid (快速登记): the rows typed in this session above an editable row, typed
 * like Excel. Enter/Tab move on (skipping cells the outcome makes irrelevant), Enter on the
 * last cell saves the row and starts the next one with the date, agent, channel and shop
 * carried over. The Go side checks the row (the reason is required when no deal); its
 * error names the column, and that cell gets the focus. A block pasted into any cell opens
 * the paste preview.
 *
 * data-testid: entry-grid, grid-<cell> (GridCell), entry-saved-row (data-customer),
 * entry-error, entry-save, entry-paste.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Tag, Typography, theme } from 'antd';
import { SnippetsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addInquiry, customerHistory, suggestCustomers, suggestProducts, type CustomerHint, type History, type Inquiry } from '../../api/inquiry';
import { errorText } from '../../api/errors';
import { OUTCOMES, type Outcome } from './domain';
import {
  carryOver, CELLS, cellOfError, completeProduct, emptyRow, ERROR_COLUMNS, filterChoices, FIRST_CELL, isBlock,
  lastProduct, nextCell, pickOutcome, shopDay, splitProducts, yuanToFen, type Cell, type DraftRow,
} from './logic';
import { GridCell } from './GridCell';
import { HistoryCard } from './HistoryCard';
import type { Refs } from './useRefs';

const WIDTH: Record<Cell, number> = {
  askedOn: 96, askedTime: 56, shop: 120, customer: 140, customerType: 70, channel: 96, products: 210, region: 64,
  agent: 72, outcome: 72, dealType: 64, amount: 76, reason: 96, followNote: 150, nextFollowOn: 96, note: 120,
};

/** The header of each cell: the register's column names (and the grid's extra cells). */
const TITLE: Record<Cell, string> = {
  askedOn: 'askedOn', askedTime: 'askedTime', shop: 'shop', customer: 'customer', customerType: 'customerType',
  channel: 'channel', products: 'products', region: 'region', agent: 'agent', outcome: 'outcome', dealType: 'dealType',
  amount: 'amount', reason: 'reason', followNote: 'followNote', nextFollowOn: 'nextFollowOn', note: 'note',
};

/** The last row saved while the app is open: a new grid (another tab and back) carries it over too. */
let lastRow: DraftRow | null = null;

interface Props {
  refs: Refs;
  onSaved: () => void;
  onPaste: (text: string, defaults: DraftRow) => void;
}

export function EntryGrid({ refs, onSaved, onPaste }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [row, setRow] = useState<DraftRow>(() => (lastRow ? carryOver(lastRow, shopDay()) : emptyRow(shopDay())));
  const [saved, setSaved] = useState<DraftRow[]>([]);
  const [error, setError] = useState<{ cell: Cell | null; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [history, setHistory] = useState<History | null>(null);
  const inputs = useRef<Partial<Record<Cell, HTMLInputElement | null>>>({});
  const rowRef = useRef(row);
  rowRef.current = row;

  const names = useMemo(() => Object.fromEntries(OUTCOMES.map((o) => [o, t(`inquiry.outcome.${o}`)])) as Record<Outcome, string>, [t]);
  const focus = (c: Cell) => setTimeout(() => inputs.current[c]?.focus(), 0);

  // The customer's history, once the customer cell is left (not on every key stroke).
  const [historyFor, setHistoryFor] = useState('');
  useEffect(() => {
    if (!historyFor) {
      setHistory(null);
      return;
    }
    let live = true;
    customerHistory(historyFor).then(
      (h) => {
        if (!live) return;
        setHistory(h);
        // A customer seen before: their type and region, unless typed already.
        setRow((r) => (r.customer.trim() === h.customer ? { ...r, customerType: r.customerType || h.customerType, region: r.region || h.region } : r));
      },
      () => live && setHistory(null),
    );
    return () => {
      live = false;
    };
  }, [historyFor]);
  const hints = useRef(new Map<string, CustomerHint>());

  // The grid takes the keyboard when the page opens: typing starts at 客户ID.
  useEffect(() => {
    focus(FIRST_CELL);
  }, []);

  const sources = useMemo(() => {
    const list = (choices: string[]) => (text: string) => filterChoices(choices, text);
    const allOutcomes = OUTCOMES.map((o) => names[o]);
    return {
      customer: async (text: string) => {
        if (!text.trim()) return [];
        const found = await suggestCustomers(text);
        for (const c of found) hints.current.set(c.name, c);
        return found.map((c) => c.name);
      },
      customerType: list(refs.choices('customer_type')),
      channel: list(refs.choices('channel')),
      reason: list(refs.choices('reason')),
      dealType: list(refs.choices('deal_type')),
      region: list(refs.regions),
      agent: list(refs.staff.filter((s) => s.active).map((s) => s.name)),
      shop: list(refs.shops.map((s) => s.name)),
      outcome: (text: string) => {
        const o = pickOutcome(text, names);
        return o ? [names[o], ...allOutcomes.filter((n) => n !== names[o])] : allOutcomes;
      },
      products: async (text: string) => suggestProducts(lastProduct(text)),
    } as Partial<Record<Cell, (text: string) => string[] | Promise<string[]>>>;
  }, [refs, names]);

  const set = (c: Cell, v: string) => setRow((r) => ({ ...r, [c]: v }));

  const save = useCallback(async () => {
    const r = rowRef.current;
    const outcome = pickOutcome(r.outcome, names);
    const fail = (cell: Cell | null, text: string) => {
      setError({ cell, text });
      if (cell) focus(cell);
    };
    const agentId = r.agent.trim() ? refs.staffId(r.agent) : 0;
    if (agentId === undefined) return fail('agent', `“${t('inquiry.field.agent')}”：${r.agent}？`);
    const shopId = r.shop.trim() ? refs.shopId(r.shop) : 0;
    if (shopId === undefined) return fail('shop', `“${t('inquiry.field.shop')}”：${r.shop}？`);
    const amountFen = outcome === 'deal' ? yuanToFen(r.amount) : 0;
    if (amountFen === null) return fail('amount', t('inquiry.entry.badAmount', { value: r.amount }));
    const input: Partial<Inquiry> = {
      askedOn: r.askedOn, askedTime: r.askedTime, shopId, customer: r.customer, customerType: r.customerType,
      channel: r.channel, products: splitProducts(r.products), region: r.region, agentId, outcome,
      dealType: outcome === 'deal' ? r.dealType : '', amountFen, reason: outcome === 'no_deal' ? r.reason : '',
      followNote: r.followNote, nextFollowOn: r.nextFollowOn, note: r.note,
    };
    setSaving(true);
    try {
      const got = await addInquiry(input);
      setSaved((s) => [r, ...s].slice(0, 6));
      lastRow = r;
      setRow(carryOver(r, shopDay()));
      setError(null);
      setHistoryFor('');
      message.success(t('inquiry.entry.saved', { customer: got.customer }), 1.5);
      focus(FIRST_CELL);
      onSaved();
    } catch (err) {
      const text = errorText(err, t('inquiry.common.saveFailed'));
      fail(outcome ? cellOfError(text, ERROR_COLUMNS) : 'outcome', text);
    } finally {
      setSaving(false);
    }
  }, [names, refs, t, message, onSaved]);

  const commit = (cell: Cell, dir: 1 | -1, picked?: string) => {
    let value = rowRef.current[cell];
    if (picked !== undefined) value = cell === 'products' ? completeProduct(value, picked) : picked;
    if (cell === 'outcome') {
      const o = pickOutcome(value, names);
      value = o ? names[o] : value;
    }
    const next = { ...rowRef.current, [cell]: value };
    if (cell === 'customer') setHistoryFor(value.trim());
    setRow(next);
    rowRef.current = next;
    if (error?.cell === cell) setError(null);
    const to = nextCell(cell, pickOutcome(next.outcome, names), dir);
    if (to) focus(to);
    else if (dir === 1) void save();
  };

  const pasteBlock = (text: string) => {
    if (!isBlock(text)) return false;
    onPaste(text, rowRef.current);
    return true;
  };

  const cellStyle = (c: Cell, head = false) => ({
    width: WIDTH[c],
    minWidth: WIDTH[c],
    padding: head ? '4px 6px' : 0,
    border: `1px solid ${token.colorBorderSecondary}`,
    fontSize: 12,
    whiteSpace: 'nowrap' as const,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: WIDTH[c],
  });
  const outcomeOf = (r: DraftRow) => pickOutcome(r.outcome, names);
  const customerItem = (name: string, h?: CustomerHint) => (
    <Flex justify="space-between" gap={12}>
      <span>{name}</span>
      {h && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('inquiry.history.seen', { inq: h.inquiries, orders: h.orders, day: h.lastDay.slice(5) })}
        </Typography.Text>
      )}
    </Flex>
  );

  return (
    <Card
      size="small"
      title={t('inquiry.entry.title')}
      data-testid="entry-grid"
      extra={
        <Flex gap={8}>
          <Button icon={<SnippetsOutlined />} data-testid="entry-paste" onClick={() => onPaste('', rowRef.current)}>
            {t('inquiry.entry.paste')}
          </Button>
          <Button type="primary" data-testid="entry-save" loading={saving} onClick={() => void save()}>
            {t('inquiry.entry.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
        {t('inquiry.entry.hint')}
      </Typography.Paragraph>
      <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
        <table style={{ borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <thead>
            <tr style={{ background: token.colorFillQuaternary }}>
              <th style={{ width: 40, border: `1px solid ${token.colorBorderSecondary}`, fontSize: 12 }}>{t('inquiry.entry.rowNo')}</th>
              {CELLS.map((c) => (
                <th key={c} style={{ ...cellStyle(c, true), textAlign: 'left', fontWeight: 500 }}>
                  {t(`inquiry.field.${TITLE[c]}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...saved].reverse().map((r, i) => (
              <tr key={i} data-testid="entry-saved-row" data-customer={r.customer} style={{ color: token.colorTextSecondary }}>
                <td style={{ border: `1px solid ${token.colorBorderSecondary}`, textAlign: 'center' }}>
                  <Tag color="green" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 3 }}>
                    {t('inquiry.entry.savedTag')}
                  </Tag>
                </td>
                {CELLS.map((c) => (
                  <td key={c} style={{ ...cellStyle(c, true), height: 30 }} title={r[c]}>
                    {(c !== 'dealType' && c !== 'amount' && c !== 'reason') || (c === 'reason' ? outcomeOf(r) === 'no_deal' : outcomeOf(r) === 'deal') ? r[c] : ''}
                  </td>
                ))}
              </tr>
            ))}
            <tr style={{ background: token.colorBgContainer }}>
              <td style={{ border: `1px solid ${token.colorBorderSecondary}`, textAlign: 'center', fontSize: 12 }}>
                {t('inquiry.entry.newRow')}
              </td>
              {CELLS.map((c) => {
                const off = !['dealType', 'amount', 'reason'].includes(c) ? false : !(c === 'reason' ? outcomeOf(row) === 'no_deal' : outcomeOf(row) === 'deal');
                return (
                  <td key={c} style={{ ...cellStyle(c), background: off ? token.colorFillTertiary : undefined, outlineOffset: -2 }} className="sd-grid-td">
                    <GridCell
                      cell={c}
                      value={off ? '' : row[c]}
                      onChange={(v) => set(c, v)}
                      source={sources[c]}
                      autoPick={c !== 'customer' && c !== 'products'}
                      onCommit={(dir, picked) => commit(c, dir, picked)}
                      onSaveRow={() => void save()}
                      onPasteBlock={pasteBlock}
                      inputRef={(el) => (inputs.current[c] = el)}
                      width={WIDTH[c] - 2}
                      placeholder={c === 'outcome' ? '1/2/3' : undefined}
                      renderItem={c === 'customer' ? (name) => customerItem(name, hints.current.get(name)) : undefined}
                      error={error?.cell === c}
                    />
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <Flex gap={12} align="start" style={{ marginTop: 8 }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('inquiry.entry.outcomeHint')}
        </Typography.Text>
        {error && (
          <Alert type="error" showIcon data-testid="entry-error" title={<span className="sd-error-text">{error.text}</span>} style={{ flex: 1, minWidth: 300, padding: '4px 10px' }} />
        )}
      </Flex>
      {history && <HistoryCard history={history} />}
    </Card>
  );
}

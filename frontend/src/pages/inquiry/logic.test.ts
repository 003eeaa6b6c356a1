import { describe, expect, it } from 'vitest';
import {
  carryOver, cellOfError, completeProduct, emptyRow, ERROR_COLUMNS, filterChoices, isBlock, lastProduct, monthOf, nextCell,
  percent, pickOutcome, splitProducts, yuanToFen,
} from './logic';

const names = { deal: '成交', no_deal: '未成交', pending: '跟进中' } as const;

describe('entry grid', () => {
  it('walks the cells, skipping those that do not apply to the outcome', () => {
    expect(nextCell('agent', '')).toBe('outcome');
    expect(nextCell('outcome', 'deal')).toBe('dealType');
    expect(nextCell('amount', 'deal')).toBe('followNote');
    expect(nextCell('outcome', 'no_deal')).toBe('reason');
    expect(nextCell('outcome', 'pending')).toBe('followNote');
    expect(nextCell('followNote', 'no_deal', -1)).toBe('reason');
    expect(nextCell('note', 'deal')).toBeNull();
    expect(nextCell('askedOn', 'deal', -1)).toBeNull();
  });

  it('carries the date, agent, channel and shop to the next row', () => {
    const prev = { ...emptyRow('2026-11-22'), askedOn: '2026-11-20', agent: '小美', channel: '微信', shop: '暖暖家居小铺', customer: 'x', outcome: '成交', amount: '12' };
    expect(carryOver(prev, '2026-11-22')).toEqual({ ...emptyRow('2026-11-22'), askedOn: '2026-11-20', agent: '小美', channel: '微信', shop: '暖暖家居小铺' });
  });

  it('picks an outcome from a key or a word', () => {
    expect(pickOutcome('1', names)).toBe('deal');
    expect(pickOutcome('否', names)).toBe('no_deal');
    expect(pickOutcome('跟', names)).toBe('pending');
    expect(pickOutcome('未', names)).toBe('no_deal');
    expect(pickOutcome('成交', names)).toBe('deal');
    expect(pickOutcome('x', names)).toBe('');
  });

  it('filters choices: starting with the text first, then containing it', () => {
    expect(filterChoices(['旺旺/千牛', '微信', '千牛工作台'], '千牛')).toEqual(['千牛工作台', '旺旺/千牛']);
    expect(filterChoices(['a', 'b'], '')).toEqual(['a', 'b']);
    expect(filterChoices(['QQ'], 'q')).toEqual(['QQ']);
  });

  it('reads amounts in yuan into fen', () => {
    expect(yuanToFen('128')).toBe(12800);
    expect(yuanToFen('1,280.5')).toBe(128050);
    expect(yuanToFen('¥12.34')).toBe(1234);
    expect(yuanToFen('')).toBe(0);
    expect(yuanToFen('12元5角')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
  });

  it('types several products in one cell', () => {
    expect(splitProducts('毛毯、 收纳箱,毛毯;')).toEqual(['毛毯', '收纳箱']);
    expect(lastProduct('毛毯、收')).toBe('收');
    expect(completeProduct('毛毯、收', '家用收纳箱')).toBe('毛毯、家用收纳箱');
  });

  it('tells a pasted block from one value', () => {
    expect(isBlock('a\tb')).toBe(true);
    expect(isBlock('a\nb\n')).toBe(true);
    expect(isBlock('毛毯\n')).toBe(false);
  });

  it('finds the cell a Go error names', () => {
    expect(cellOfError('“未交易原因”必须填写：未成交的询盘要写明原因', ERROR_COLUMNS)).toBe('reason');
    expect(cellOfError('“日期”的值“x”不是日期', ERROR_COLUMNS)).toBe('askedOn');
    expect(cellOfError('something else', ERROR_COLUMNS)).toBeNull();
  });
});

describe('figures', () => {
  it('formats conversion as a percentage', () => {
    expect(percent(0.3333)).toBe('33.33%');
    expect(percent(0)).toBe('0.00%');
    expect(percent(1)).toBe('100.00%');
  });

  it('finds months', () => {
    expect(monthOf('2026-11-22')).toEqual(['2026-11-01', '2026-11-30']);
    expect(monthOf('2026-01-15', -1)).toEqual(['2025-12-01', '2025-12-31']);
  });
});

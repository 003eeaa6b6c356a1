import { describe, expect, it } from 'vitest';
import { cleanMapping, guessKind, guessMapping, isDayHeader, kindHasNoPlatform, missingRequired } from './mapping';
import { countsOf } from './results';
import type { FileResult } from '../../api/imports';

// The seller's own sheets of issues 10 and 11 on the mapping screen: a register, a rota
// grid and a punch file no built-in layout knows are guessed as such, of no platform, with
// their columns picked from the seller's wording.
describe('seller sheet templates', () => {
  it('guesses an inquiry register and its columns', () => {
    const header = ['序号', '询盘时间', '客户旺旺号', '来源渠道', '咨询的产品', '是否成交', '成交金额', '未成交原因', '下次跟进日期', '接待客服'];
    expect(guessKind(header)).toBe('inquiries');
    expect(kindHasNoPlatform('inquiries')).toBe(true);
    const m = guessMapping(header, 'inquiries');
    expect(m).toMatchObject({
      inq_next_follow_on: ['下次跟进日期'],
      inq_customer: ['客户旺旺号'],
      inq_channel: ['来源渠道'],
      inq_products: ['咨询的产品'],
      inq_outcome: ['是否成交'],
      inq_amount: ['成交金额'],
      inq_reason: ['未成交原因'],
      inq_agent: ['接待客服'],
    });
    expect(missingRequired(m, 'inquiries')).toEqual(['inq_asked_on']);
    expect(missingRequired({ ...m, inq_asked_on: ['询盘时间'] }, 'inquiries')).toEqual([]);
  });

  it('guesses a rota grid by its day columns', () => {
    const header = ['员工', ...Array.from({ length: 30 }, (_, i) => `${i + 1}日`), '合计'];
    expect(isDayHeader('11/3')).toBe(true);
    expect(isDayHeader('2026-11-03')).toBe(true);
    expect(isDayHeader('32')).toBe(false);
    expect(guessKind(header)).toBe('rota');
    const m = guessMapping(header, 'rota');
    expect(m).toEqual({ staff_name: ['员工'] });
    expect(missingRequired(m, 'rota')).toEqual([]);
    expect(cleanMapping(m, false, 'rota')).toEqual(m);
  });

  it('guesses a punch file: one punch a row, or a day a row', () => {
    const raw = ['员工姓名', '部门', '刷卡时间', '设备'];
    expect(guessKind(raw)).toBe('punches');
    expect(guessMapping(raw, 'punches')).toEqual({ staff_name: ['员工姓名'], punch_at: ['刷卡时间'] });
    const daily = ['姓名', '考勤日期', '签到', '签退', '备注'];
    const m = guessMapping(daily, 'punches');
    expect(m).toEqual({ staff_name: ['姓名'], punch_day: ['考勤日期'], punch_in: ['签到'], punch_out: ['签退'], punch_note: ['备注'] });
    expect(missingRequired({ staff_name: ['姓名'] }, 'punches')).toEqual(['punch_at']);
  });

  it('guesses chat statistics (客服考核) and their count columns', () => {
    const header = ['日期', '旺旺', '咨询人数', '未及时回复数', '30分钟未回复', '2小时未回复', '离开时长超2小时'];
    expect(guessKind(header)).toBe('penalties');
    expect(guessKind(['姓名', '考勤日期', '签到', '签退'])).toBe('punches');
  });

  it('counts the rows of each kind in its own words', () => {
    const r = (kind: string) => ({ kind, rows: 3, new: 3, updated: 0, unchanged: 0 }) as unknown as FileResult;
    expect(countsOf(r('inquiries')).unit).toBe('inquiries');
    expect(countsOf(r('rota')).unit).toBe('rota');
    expect(countsOf(r('punches')).unit).toBe('punches');
    expect(countsOf(r('metrics')).unit).toBe('metrics');
    expect(countsOf(r('penalties')).unit).toBe('penalties');
  });

  it('guesses a daily traffic export of another back office (a shop\'s, with a platform)', () => {
    const header = ['统计日期', '商品访客数', '商品浏览量', '成交人数', '成交金额', '成交转化率', '推广费'];
    expect(guessKind(header)).toBe('metrics');
    expect(kindHasNoPlatform('metrics')).toBe(false);
    expect(guessMapping(header, 'metrics')).toEqual({
      metric_day: ['统计日期'], metric_visitors: ['商品访客数'], metric_page_views: ['商品浏览量'], metric_buyers: ['成交人数'], metric_promo: ['推广费'],
    });
  });
});

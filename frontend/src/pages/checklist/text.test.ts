import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { itemDetail, itemTitle, when } from './text';
import type { ChecklistItem } from '../../api/checklist';

const base = { id: 1, key: 'k', section: 'orders', source: 'orders', count: 3, top: [], link: '', owner: '', state: 'open',
  doneById: 0, doneBy: '', doneAt: '', note: '' };

describe('checklist text', () => {
  it('words a line by its kind, falling back to the title Go wrote', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    const day = { ...base, kind: 'day_orders', title: '昨日订单：小铺', detail: '', params: { shop: '小铺', sales: '470.00' } } as unknown as ChecklistItem;
    expect(itemTitle(t, day)).toBe('昨日订单：小铺');
    expect(itemDetail(t, day)).toBe('3 单，销售额 ¥470.00');
    const task = { ...base, kind: 'task', title: '看直通车花费', detail: '', params: { repeat: 'monthly', monthDay: '31' } } as unknown as ChecklistItem;
    expect(itemTitle(t, task)).toBe('看直通车花费');
    expect(itemDetail(t, task)).toContain('31');
    const odd = { ...base, kind: 'something_new', title: '新的一项', detail: '说明', params: {} } as unknown as ChecklistItem;
    expect(itemTitle(t, odd)).toBe('新的一项');
    await i18n.changeLanguage('en-US');
    expect(itemTitle(i18n.t.bind(i18n), day)).toBe("Yesterday's orders: 小铺");
    await i18n.changeLanguage('zh-CN');
  });
  it('shows times short', () => {
    expect(when('2026-11-22 09:15:00', '2026-11-22')).toBe('09:15');
    expect(when('2026-11-23 08:00:00', '2026-11-22')).toBe('11-23 08:00');
    expect(when('', '2026-11-22')).toBe('');
  });
});

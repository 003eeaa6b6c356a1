// 7. The inquiry register (询盘成交登记): five rows typed without the mouse (Enter moves on,
//    the date, agent and channel carry over, the type-ahead picks, the required reason is
//    enforced by the Go side and its cell gets the focus), a block pasted from Excel with
//    its Chinese errors, the follow-up due today, and the analysis page with its note on
//    跟进中, looked at at 1280x800 and 1366x768.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, until, byTestId, pickOption } from './harness.mjs';

/** The data-testid of the element that has the focus. */
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** Types text into the focused cell; with pick, waits for that suggestion to be the one Enter takes. */
async function typeCell(page, cell, text, pick) {
  await until(async () => (await focused(page)) === `grid-${cell}`, `the focus on ${cell}`);
  if (text) await page.keyboard.type(text);
  if (pick) await byTestId(page, 'grid-suggestion').filter({ hasText: pick }).first().waitFor();
}

/** Presses Enter and waits for the focus to reach the next cell. */
async function enterTo(page, next) {
  await page.keyboard.press('Enter');
  await until(async () => (await focused(page)) === `grid-${next}`, `the focus to move to ${next}`);
}

/**
 * Types one row from the customer cell to the end, cell by cell, with Enter. cells: the
 * values by cell ('' keeps what is there); pick: the suggestion a list cell must take.
 */
async function typeRow(page, cells) {
  const order = ['customer', 'customerType', 'channel', 'products', 'region', 'agent', 'outcome'];
  const after = { deal: ['dealType', 'amount'], no_deal: ['reason'], pending: [] }[cells.outcome];
  const walk = [...order, ...after, 'followNote', 'nextFollowOn', 'note'];
  const outcomeKey = { deal: '1', no_deal: '2', pending: '3' }[cells.outcome];
  for (let i = 0; i < walk.length; i++) {
    const c = walk[i];
    const [text, pick] = c === 'outcome' ? [outcomeKey, { deal: '成交', no_deal: '未成交', pending: '跟进中' }[cells.outcome]] : [].concat(cells[c] ?? '');
    await typeCell(page, c, text, pick);
    if (i === walk.length - 1) return page.keyboard.press('Enter'); // the last cell: Enter saves
    await enterTo(page, walk[i + 1]);
  }
}

const savedRows = (page) => byTestId(page, 'entry-saved-row').count();

test('inquiry: keyboard entry of five rows, paste, follow-up, analysis', async (t) => {
  await withApp(t, {}, async ({ page, shot, url }) => {
    // 设置 → 员工: the agents.
    await page.goto(url + '#/settings');
    await byTestId(page, 'staff-empty').waitFor();
    for (const [name, role] of [['小美', '客服（售前）'], ['阿杰', '客服（售前）']]) {
      await byTestId(page, 'staff-add').click();
      await byTestId(page, 'staff-name').fill(name);
      await pickOption(page, 'staff-role', role);
      await byTestId(page, 'staff-ok').click();
      await page.locator(`[data-testid="staff-row"][data-name="${name}"]`).waitFor();
    }

    await page.goto(url + '#/inquiry');
    await byTestId(page, 'register-empty').waitFor();
    const today = await byTestId(page, 'grid-askedOn').inputValue();
    assert.match(today, /^\d{4}-\d{2}-\d{2}$/);

    // Row 1: every list cell picked by the type-ahead from one or two key strokes.
    await typeRow(page, { customer: 'tb_小鱼儿2019', customerType: ['零', '零售'], channel: ['微', '微信'], products: '加厚珊瑚绒毛毯',
      region: ['浙', '浙江'], agent: ['小美', '小美'], outcome: 'deal', dealType: ['零', '零售'], amount: '128', followNote: '', nextFollowOn: '', note: '' });
    await until(async () => (await savedRows(page)) === 1, 'row 1 saved');
    // The next row starts at 客户ID with the date, agent and channel carried over.
    await until(async () => (await focused(page)) === 'grid-customer', 'the focus back on 客户ID');
    assert.equal(await byTestId(page, 'grid-agent').inputValue(), '小美');
    assert.equal(await byTestId(page, 'grid-channel').inputValue(), '微信');
    assert.equal(await byTestId(page, 'grid-askedOn').inputValue(), today);

    // Row 2: 未成交 with no reason. The Go side refuses it and the reason cell gets the focus.
    await typeRow(page, { customer: '南风知我意', customerType: '', channel: ['', '微信'], products: '家用收纳箱', region: '', agent: ['', '小美'],
      outcome: 'no_deal', reason: '', followNote: '', nextFollowOn: '', note: '' });
    await byTestId(page, 'entry-error').waitFor();
    assert.match(await byTestId(page, 'entry-error').textContent(), /“未交易原因”必须填写/);
    await until(async () => (await focused(page)) === 'grid-reason', 'the focus on the reason');
    assert.equal(await savedRows(page), 1, 'the refused row was not saved');
    await typeCell(page, 'reason', '运', '运费');
    for (const next of ['followNote', 'nextFollowOn', 'note']) await enterTo(page, next);
    await page.keyboard.press('Enter');
    await until(async () => (await savedRows(page)) === 2, 'row 2 saved');
    await shot('inquiry-entry-1280');

    // Row 3: 跟进中, to follow up today.
    await typeRow(page, { customer: 'abc妈妈', customerType: ['批', '批发'], channel: ['', '微信'], products: '宝宝辅食碗', region: ['广', '广东'],
      agent: ['阿', '阿杰'], outcome: 'pending', followNote: '要样品', nextFollowOn: today, note: '' });
    await until(async () => (await savedRows(page)) === 3, 'row 3 saved');
    // Row 4: another channel, a deal of 59.90.
    await typeRow(page, { customer: '晴天娃娃', customerType: '', channel: ['电', '电话'], products: '北欧风陶瓷马克杯', region: '',
      agent: ['', '阿杰'], outcome: 'deal', dealType: '', amount: '59.9', followNote: '', nextFollowOn: '', note: '' });
    await until(async () => (await savedRows(page)) === 4, 'row 4 saved');
    // Row 5: a customer seen before, taken from the type-ahead with ↓ and Enter; their history shows.
    await typeCell(page, 'customer', 'tb_', 'tb_小鱼儿2019');
    await page.keyboard.press('ArrowDown');
    await enterTo(page, 'customerType');
    assert.equal(await byTestId(page, 'grid-customer').inputValue(), 'tb_小鱼儿2019');
    const history = page.locator('[data-testid="customer-history"][data-customer="tb_小鱼儿2019"]');
    await history.waitFor();
    assert.equal(await history.locator('[data-testid="history-inquiry"]').count(), 1);
    await until(async () => (await byTestId(page, 'grid-customerType').inputValue()) === '零售', 'the type from the history');
    await shot('inquiry-history-1280');
    for (const next of ['channel', 'products', 'region', 'agent', 'outcome']) await enterTo(page, next);
    await typeCell(page, 'outcome', '2', '未成交');
    await enterTo(page, 'reason');
    await typeCell(page, 'reason', '价', '价格');
    for (const next of ['followNote', 'nextFollowOn', 'note']) await enterTo(page, next);
    await page.keyboard.press('Enter');
    await until(async () => (await savedRows(page)) === 5, 'row 5 saved');
    await until(async () => (await byTestId(page, 'register-total').textContent())?.includes('共 5 条'), 'the register to list 5 rows');
    const outcomes = await page.locator('[data-testid="register-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')).sort());
    assert.deepEqual(outcomes, ['deal', 'deal', 'no_deal', 'no_deal', 'pending']);

    // Paste: a block with a bad row is refused whole, with row, column and value named.
    await byTestId(page, 'entry-paste').click();
    const block = (date) => ['日期\t客户ID\t询盘渠道\t是否成交\t成交金额\t未交易原因\t客服', `${date}\t买家甲\tQQ\t是\t88\t\t小美`, `${today}\t买家乙\tQQ\t否\t\t\t阿杰`].join('\n');
    await byTestId(page, 'paste-text').fill(block('2026-13-01'));
    await byTestId(page, 'paste-check').click();
    await until(async () => (await byTestId(page, 'paste-error').count()) === 2, 'two paste errors');
    const errors = await byTestId(page, 'paste-error').allTextContents();
    assert.equal(errors[0], '第 2 行“日期”列的值“2026-13-01”不是日期（例如 2026-11-21 或 2026/11/21）');
    assert.equal(errors[1], '第 3 行“未交易原因”列必须填写：未成交的询盘要写明原因（价格、运费、缺货……）');
    assert.ok(await byTestId(page, 'paste-add').isDisabled());
    await shot('inquiry-paste-errors');
    await byTestId(page, 'paste-text').fill(block(today).replace('否\t\t\t阿杰', '否\t\t只是问问\t阿杰'));
    await byTestId(page, 'paste-check').click();
    await until(async () => (await byTestId(page, 'paste-summary').getAttribute('data-rows')) === '2', 'two rows to add');
    await byTestId(page, 'paste-add').click();
    await until(async () => (await byTestId(page, 'register-total').textContent())?.includes('共 7 条'), 'the register to list 7 rows');

    // Follow-ups: abc妈妈 is due today; done with what was said.
    await byTestId(page, 'inquiry-tab-followUps').click();
    const due = page.locator('[data-testid="followup-row"][data-customer="abc妈妈"]');
    await due.waitFor();
    await due.locator('[data-testid="followup-note"]').fill('已寄样品');
    await due.locator('[data-testid="followup-done"]').click();
    await page.locator('[data-testid="followup-row"][data-customer="abc妈妈"][data-state="done"]').waitFor();

    // Analysis of this month: 7 inquiries (跟进中 counted), 3 deals.
    await byTestId(page, 'inquiry-tab-stats').click();
    await byTestId(page, 'stats-panel').waitFor();
    await byTestId(page, 'stats-preset-thisMonth').click();
    const total = (k) => byTestId(page, `stats-total-${k}`).locator('.ant-statistic-content').textContent();
    await until(async () => (await total('inquiries')) === '7', 'seven inquiries');
    assert.equal(await total('deals'), '3');
    assert.equal(await total('pending'), '1');
    assert.equal(await total('conversion'), '42.86%');
    assert.match(await byTestId(page, 'stats-note').textContent(), /“跟进中”的询盘算在询盘数里/);
    const wechat = page.locator('[data-testid="stats-row"][data-key="微信"] td');
    await wechat.first().waitFor();
    assert.deepEqual((await wechat.allTextContents()).slice(1), ['3', '1', '1', '33.33%']);
    assert.equal(await page.locator('[data-testid="stats-reason"]').count(), 3);
    await page.locator('[data-testid="stats-chart-by"] canvas').waitFor();
    await page.locator('[data-testid="stats-chart-trend"] canvas').waitFor();
    await shot('inquiry-stats-1280');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(300); // the charts follow the new size
    await shot('inquiry-stats-1366');
    await byTestId(page, 'inquiry-tab-entry').click();
    await byTestId(page, 'entry-grid').waitFor();
    await shot('inquiry-entry-1366');
  });
});

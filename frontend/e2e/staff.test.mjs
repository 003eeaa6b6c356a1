// 7. Staff (员工, issue 11): the team in 设置 → 员工 with levels and PINs; a rota built with the
//    keyboard (a shift typed, a week pasted, undo); a late clock-in with a wrong PIN first;
//    the payslip's deduction; the month closed by the owner; the payslip and the rota printed
//    to PDF by Chromium (A4 portrait / landscape) and turned into PNGs to look at; the demo's
//    payroll on a first run; screenshots at 1280x800 and 1366x768.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { withApp, until, byTestId, pickOption, settled, SHOT_DIR } from './harness.mjs';

/** The shop-local time now, 'YYYY-MM-DD HH:MM:SS', as the app sees it. */
const shopNow = (page) => page.evaluate(() => window.go.app.StaffService.Now());

const pad = (n) => String(n).padStart(2, '0');
const hhmm = (min) => `${pad(Math.floor(min / 60) % 24)}:${pad(min % 60)}`;

/** 2026-12 -> 2026年12月 (the month switch's label) */
const monthLabel = (m) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

/** Prints what is on screen (a PrintView) to a PDF and a PNG of its first page; returns pdfinfo's text. */
async function printToPNG(page, t, name) {
  const pdf = path.join(SHOT_DIR, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SHOT_DIR, name)]);
  t.diagnostic(`print ${path.relative(process.cwd(), pdf)} -> ${name}.png`);
  return execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
}

async function addPerson(page, { name, role, level, pin }) {
  await byTestId(page, 'staff-add').click();
  await byTestId(page, 'staff-modal').waitFor();
  await settled(page.locator('.ant-modal').filter({ visible: true }).first());
  await byTestId(page, 'staff-name').fill(name);
  await pickOption(page, 'staff-role', role);
  if (level) await pickOption(page, 'staff-level', level);
  if (pin) await byTestId(page, 'staff-pin').fill(pin);
  await byTestId(page, 'staff-ok').click();
  await page.locator(`[data-testid="staff-row"][data-name="${name}"]`).waitFor();
  await until(async () => (await page.locator('.ant-modal').filter({ visible: true }).count()) === 0, 'the staff dialog to close');
}

const cell = (page, staffId, day) => page.locator(`[data-testid="rota-cell"][data-staff="${staffId}"][data-day="${day}"]`);

test('staff: build a rota, clock in late, close the month, print the payslip', async (t) => {
  await withApp(t, {}, async ({ page, url, shot }) => {
    // 设置 → 员工: the owner, two agents on the payroll, PINs.
    await page.goto(url + '#/settings');
    await byTestId(page, 'staff-empty').waitFor();
    await addPerson(page, { name: '张老板', role: '老板', pin: '8888' });
    await addPerson(page, { name: '小李', role: '客服（售前）', level: '初级', pin: '1234' });
    await addPerson(page, { name: '小陈', role: '客服（售前）', level: '中级', pin: '5678' });
    await shot('staff-settings');
    const people = await page.evaluate(() => window.go.app.StaffService.List());
    const id = Object.fromEntries(people.map((p) => [p.name, p.id]));
    assert.ok(people.every((p) => p.hasPin), 'every PIN is set');

    // A shift that started 30 minutes ago (shop-local), so that clocking in now is late.
    const now = await shopNow(page);
    let startMin = Number(now.slice(11, 13)) * 60 + Number(now.slice(14, 16)) - 30;
    let day = now.slice(0, 10);
    if (startMin < 0) {
      // just after midnight: the shift started yesterday evening
      startMin += 1440;
      const d = new Date(day + 'T00:00:00Z');
      d.setUTCDate(d.getUTCDate() - 1);
      day = d.toISOString().slice(0, 10);
    }
    const month = day.slice(0, 7);

    await page.goto(url + '#/staff');
    await byTestId(page, 'staff-tab-rota').click();
    await until(async () => (await byTestId(page, 'month-label').textContent()) === monthLabel(now.slice(0, 7)), 'this month');
    if (month !== now.slice(0, 7)) await byTestId(page, 'month-prev').click();
    await until(async () => (await byTestId(page, 'month-label').textContent()) === monthLabel(month), 'the shift’s month');
    await byTestId(page, 'rota-empty-month').waitFor();

    // 班次设置: a fourth shift, key 4.
    await byTestId(page, 'rota-shifts').click();
    await byTestId(page, 'shifts-modal').waitFor();
    await byTestId(page, 'shift-add').click();
    await byTestId(page, 'shift-name').fill('测试班');
    await byTestId(page, 'shift-short').fill('测');
    await byTestId(page, 'shift-start').fill(hhmm(startMin));
    await byTestId(page, 'shift-end').fill(hhmm(startMin + 8 * 60));
    await byTestId(page, 'shift-save').click();
    await page.locator('[data-testid="shift-row"][data-name="测试班"]').waitFor();
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator('.ant-modal').filter({ visible: true }).count()) === 0, 'the shifts dialog to close');
    await until(async () => (await byTestId(page, 'rota-keys').textContent()).includes('测试班'), 'the key legend to name the new shift');

    // 小李: the new shift typed with key 4 on that day.
    await cell(page, id['小李'], day).click();
    await page.keyboard.press('4');
    await until(async () => (await cell(page, id['小李'], day).getAttribute('data-value')) === '测', '小李’s cell to show 测');

    // 小陈: a week typed from the 1st (白 白 晚 晚 白 休 休), copied with Shift+End… and pasted
    // over the month; then one cell changed and undone with Ctrl+Z.
    const first = `${month}-01`;
    await cell(page, id['小陈'], first).click();
    for (const k of ['1', '1', '2', '2', '1', '0', 'r']) await page.keyboard.press(k);
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Control+v');
    const lastDay = await page.locator(`[data-testid="rota-cell"][data-staff="${id['小陈']}"]`).last().getAttribute('data-day');
    const pattern = ['白', '白', '晚', '晚', '白', '休', '休'];
    const dayN = Number(lastDay.slice(8));
    await until(async () => (await cell(page, id['小陈'], lastDay).getAttribute('data-value')) === pattern[(dayN - 1) % 7], 'the week pasted over the month');
    await cell(page, id['小陈'], `${month}-02`).click();
    await page.keyboard.press('3');
    await until(async () => (await cell(page, id['小陈'], `${month}-02`).getAttribute('data-value')) === '值', 'the cell to change');
    await page.keyboard.press('Control+z');
    await until(async () => (await cell(page, id['小陈'], `${month}-02`).getAttribute('data-value')) === '白', 'undo to put 白 back');
    // The checks speak: 小陈 rests 8 or 9 days, not 4.
    await page.locator('[data-testid="rota-check-filter"][data-kind="rest_days"]').click();
    await until(async () => (await page.locator('[data-testid="rota-check"][data-kind="rest_days"]').allTextContents()).some((s) => s.includes('小陈')), 'a rest-day check for 小陈');
    await shot('staff-rota');

    // Saved: after a reload the cells are still there.
    await page.reload();
    await byTestId(page, 'staff-tab-rota').click();
    if (month !== now.slice(0, 7)) await byTestId(page, 'month-prev').click();
    await until(async () => (await cell(page, id['小李'], day).getAttribute('data-value')) === '测', 'the rota saved');

    // The rota on paper: A4 landscape, one page.
    await byTestId(page, 'rota-print-open').click();
    await byTestId(page, 'rota-print').waitFor();
    const rotaInfo = await printToPNG(page, t, 'staff-rota-print');
    assert.match(rotaInfo, /Pages:\s+1\n/);
    assert.match(rotaInfo, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/, 'A4 landscape');
    await byTestId(page, 'print-close').click();

    // 考勤打卡: a wrong PIN is refused; 小李's own PIN clocks in, about 30 minutes late.
    await byTestId(page, 'staff-tab-attendance').click();
    await pickOption(page, 'clock-name', '小李');
    await byTestId(page, 'clock-pin').fill('5678');
    await byTestId(page, 'clock-pin').press('Enter');
    await until(async () => (await byTestId(page, 'clock-error').textContent())?.includes('PIN 不对'), 'the wrong PIN refused');
    await pickOption(page, 'clock-name', '小李');
    await byTestId(page, 'clock-pin').fill('1234');
    await byTestId(page, 'clock-pin').press('Enter');
    await byTestId(page, 'clock-result').waitFor();
    const late = Number(await byTestId(page, 'clock-result').getAttribute('data-late'));
    assert.ok(late >= 29 && late <= 33, `late ${late} minutes`);
    assert.match(await byTestId(page, 'clock-result').textContent(), /测试班/);
    await until(async () => (await page.locator('[data-testid="attendance-row"][data-name="小李"]').count()) === 1, '小李’s shift in the list');
    await shot('staff-clock-late');

    // 工资: 小李 1500 + living 200 - 20 (a late of 10 minutes or more) = 1680.
    await byTestId(page, 'staff-tab-payroll').click();
    const li = page.locator('[data-testid="payroll-row"][data-name="小李"]');
    await until(async () => (await li.locator('[data-testid="payroll-net"]').textContent()) === '1,680.00', '小李’s net 1,680.00');
    await li.locator('[data-testid="payroll-slip"]').click();
    await byTestId(page, 'payslip-drawer').waitFor();
    await until(async () => (await page.locator('[data-testid="payslip-line"][data-rule="late"]').count()) === 1, 'the late on the payslip');
    assert.match(await page.locator('[data-testid="payslip-line"][data-rule="late"]').textContent(), /迟到 \d+ 分钟（严重迟到，不免扣）.*-20\.00/);
    await shot('staff-payslip-drawer');
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator('.ant-drawer-open').count()) === 0, 'the drawer to close');

    // Close the month: the owner's name and PIN; 小李 cannot.
    await byTestId(page, 'payroll-close').click();
    await byTestId(page, 'who-modal').waitFor();
    await pickOption(page, 'who-name', '张老板');
    await byTestId(page, 'who-pin').fill('8888');
    await byTestId(page, 'who-ok').click();
    await page.locator('[data-testid="payroll-state"][data-closed="1"]').waitFor();
    await byTestId(page, 'payroll-history').waitFor();
    await shot('staff-payroll-closed');

    // The payslip on paper: A4 portrait, one page, in Chinese.
    await li.locator('[data-testid="payroll-print"]').click();
    await byTestId(page, 'payslip-print').waitFor();
    const text = await byTestId(page, 'payslip-print').textContent();
    for (const want of ['工资条', '小李', '底薪', '1,500.00', '迟到', '-20.00', '实发', '1,680.00', '已结账（张老板', '员工签字']) {
      assert.ok(text.includes(want), `the printed payslip says ${want}`);
    }
    const slipInfo = await printToPNG(page, t, 'staff-payslip-print');
    assert.match(slipInfo, /Pages:\s+1\n/);
    assert.match(slipInfo, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, 'A4 portrait');
    await byTestId(page, 'print-close').click();

    // Closed: the rota of that month cannot change.
    await byTestId(page, 'staff-tab-rota').click();
    await byTestId(page, 'rota-closed').waitFor();
  });
});

test('staff: the demo team on a first run, at 1366x768', async (t) => {
  await withApp(t, { demo: true }, async ({ page, url, shot }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url + '#/staff');
    await byTestId(page, 'staff-tab-rota').click();
    await byTestId(page, 'rota-grid').waitFor();
    await byTestId(page, 'rota-checks-ok').waitFor();
    await shot('staff-1366-rota');

    // Payroll: never empty; last month closed by the owner.
    await byTestId(page, 'staff-tab-payroll').click();
    await until(async () => (await page.locator('[data-testid="payroll-row"]').count()) === 5, 'five payslips this month');
    await shot('staff-1366-payroll');
    await byTestId(page, 'month-prev').click();
    await page.locator('[data-testid="payroll-state"][data-closed="1"]').waitFor();
    await until(async () => (await page.locator('[data-testid="payroll-row"]').count()) === 4, 'four payslips last month');
    const chen = page.locator('[data-testid="payroll-row"][data-name="小陈"]');
    // 小陈: three small lates last month, the third costs 20: 1500 + 200 - 20.
    await until(async () => (await chen.locator('[data-testid="payroll-net"]').textContent()) === '1,680.00', '小陈’s net last month');

    // Reopen with a reason (logged), the owner's PIN asked once.
    await byTestId(page, 'payroll-reopen').click();
    await byTestId(page, 'reopen-reason').fill('小陈 11 日的迟到是打卡机坏了');
    await pickOption(page, 'owner-name', '张老板');
    await byTestId(page, 'owner-pin').fill('8888');
    await byTestId(page, 'reopen-ok').click();
    await page.locator('[data-testid="payroll-state"][data-closed="0"]').waitFor();
    await until(async () => (await byTestId(page, 'payroll-history').textContent()).includes('重新打开：小陈 11 日的迟到是打卡机坏了'), 'the reopening in the history');

    // The owner corrects one of 小陈's lates of that month, with a reason: 2 small lates
    // left, both free: 1500 + 200 = 1700 (still no full attendance).
    await byTestId(page, 'staff-tab-attendance').click();
    await byTestId(page, 'attendance-issues').click();
    await pickOption(page, 'attendance-person', '小陈');
    const lateRow = page.locator('[data-testid="attendance-row"][data-name="小陈"]').filter({ hasText: '迟到' }).first();
    const lateDay = await lateRow.getAttribute('data-day');
    const start = (await lateRow.getAttribute('data-shift')) === '晚班' ? '17:00' : '08:30';
    await lateRow.locator('[data-testid="attendance-correct"]').click();
    await byTestId(page, 'correction-modal').waitFor();
    await byTestId(page, 'correction-at').fill(`${lateDay} ${start}`);
    await byTestId(page, 'correction-reason').fill('打卡机慢了，监控显示准时到岗');
    await pickOption(page, 'owner-name', '张老板');
    await byTestId(page, 'owner-pin').fill('8888');
    await byTestId(page, 'correction-ok').click();
    await until(async () => (await page.locator('[data-testid="correction-row"]').count()) === 1, 'the correction in the history');
    assert.match(await page.locator('[data-testid="correction-row"]').textContent(), /小陈.*改时间.*打卡机慢了.*张老板/);
    await shot('staff-1366-correction');
    await byTestId(page, 'staff-tab-payroll').click();
    await until(async () => (await chen.locator('[data-testid="payroll-net"]').textContent()) === '1,700.00', '小陈’s net after the correction');

    // The handover book: last night's note, acknowledged by someone else with their PIN.
    await byTestId(page, 'staff-tab-handover').click();
    const note = byTestId(page, 'handover-open');
    await note.waitFor();
    await shot('staff-1366-handover');
    const writer = await note.getAttribute('data-writer');
    const reader = writer === '小王' ? '小陈' : '小王';
    const pins = { 小王: '1111', 小陈: '4444' };
    await byTestId(page, 'handover-ack').click();
    await pickOption(page, 'who-name', reader);
    await byTestId(page, 'who-pin').fill(pins[reader]);
    await byTestId(page, 'who-ok').click();
    await byTestId(page, 'handover-done').waitFor();
    assert.equal(await page.locator('[data-testid="handover-open"]').count(), 0);

    // Attendance and the pay rules at this width.
    await byTestId(page, 'staff-tab-attendance').click();
    await byTestId(page, 'clock-panel').waitFor();
    await shot('staff-1366-attendance');
    await byTestId(page, 'staff-tab-rules').click();
    await byTestId(page, 'rules-tab').waitFor();
    await shot('staff-1366-rules');
  });
});

test('staff: leave, a shift swap, the handover book, service penalties and the pay rules', async (t) => {
  await withApp(t, { demo: true }, async ({ page, url, shot }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const now = await shopNow(page);
    const today = now.slice(0, 10);
    const rota = await page.evaluate((m) => window.go.app.StaffService.Rota(m), now.slice(0, 7));
    const name = Object.fromEntries(rota.people.map((p) => [p.id, p.name]));
    const valueOf = (r, id) => {
      const c = r.cells.find((x) => x.staffId === id && x.day === today);
      return c ? JSON.stringify({ rest: c.rest, shiftIds: c.shiftIds ?? [] }) : 'nothing';
    };
    const cellOf = (id) => valueOf(rota, id);
    // Two of the shift-taking team whose cells differ today.
    const team = rota.people.filter((p) => ['小王', '小李', '小陈'].includes(p.name));
    const [a, b] = team.flatMap((x) => team.filter((y) => x.id < y.id && cellOf(x.id) !== cellOf(y.id)).map((y) => [x, y]))[0];

    await page.goto(url + '#/staff');
    await byTestId(page, 'staff-tab-leave').click();
    await byTestId(page, 'leave-add').click();
    await byTestId(page, 'leave-modal').waitFor();
    await pickOption(page, 'leave-person', '小李');
    await pickOption(page, 'leave-approver', '张老板');
    await byTestId(page, 'leave-note').fill('家里有事');
    await shot('staff-1366-leave-modal');
    await byTestId(page, 'leave-ok').click();
    await page.locator('[data-testid="leave-row"][data-name="小李"]').waitFor();

    await byTestId(page, 'swap-add').click();
    await byTestId(page, 'swap-modal').waitFor();
    await pickOption(page, 'swap-a', name[a.id]);
    await pickOption(page, 'swap-b', name[b.id]);
    await pickOption(page, 'swap-approver', '张老板');
    await byTestId(page, 'swap-ok').click();
    await until(async () => (await page.locator('[data-testid="swap-row"]').count()) === 1, 'the swap listed');
    const after = await page.evaluate((m) => window.go.app.StaffService.Rota(m), now.slice(0, 7));
    const cellAfter = (id) => valueOf(after, id);
    assert.equal(cellAfter(a.id), cellOf(b.id), 'the first person has the second one’s cell');
    assert.equal(cellAfter(b.id), cellOf(a.id), 'and the other way round');

    // The handover book: 小王 writes a note signed with his PIN.
    await byTestId(page, 'staff-tab-handover').click();
    await byTestId(page, 'handover-write').click();
    await byTestId(page, 'handover-modal').waitFor();
    await byTestId(page, 'handover-orders').fill('2612010000000000011 买家改了地址，明早确认快递已改');
    await pickOption(page, 'writer-name', '小王');
    await byTestId(page, 'writer-pin').fill('1111');
    await shot('staff-1366-handover-write');
    await byTestId(page, 'handover-ok').click();
    await page.locator('[data-testid="handover-open"][data-writer="小王"]').waitFor();

    // 客服考核: no reply in 30 minutes, 100 off 小李's pay.
    await byTestId(page, 'staff-tab-payroll').click();
    const li = page.locator('[data-testid="payroll-row"][data-name="小李"]');
    await li.waitFor();
    const net = async (row) => Number((await row.locator('[data-testid="payroll-net"]').textContent()).replace(/,/g, ''));
    const before = await net(li);
    await byTestId(page, 'payroll-incidents').click();
    await byTestId(page, 'incidents-modal').waitFor();
    await pickOption(page, 'incident-person', '小李');
    await pickOption(page, 'incident-kind', '30 分钟未回复');
    await byTestId(page, 'incident-add').click();
    await until(async () => (await page.locator('[data-testid="incident-row"]').count()) === 1, 'the penalty listed');
    await page.keyboard.press('Escape');
    // In fen: the net has cents (commission), and 1716.43 - 100 is not exactly 1616.43 in floating point.
    await until(async () => Math.round((await net(li)) * 100) === Math.round(before * 100) - 10000, '小李’s net 100 less');

    // 工资规则: the living allowance 250 instead of 200, confirmed by the owner.
    await byTestId(page, 'staff-tab-rules').click();
    const living = byTestId(page, 'rule-pay.living_allowance_fen');
    await living.fill('250');
    await byTestId(page, 'rules-save').click();
    await pickOption(page, 'who-name', '张老板');
    await byTestId(page, 'who-pin').fill('8888');
    await byTestId(page, 'who-ok').click();
    await until(async () => (await page.locator('.ant-tag', { hasText: '默认' }).count()) >= 1, 'the changed rule marked with its default');
    await shot('staff-1366-rules-changed');
    await byTestId(page, 'staff-tab-payroll').click();
    await until(async () => (await net(page.locator('[data-testid="payroll-row"][data-name="小李"]'))) === before - 100 + 50, 'the allowance 50 more');
  });
});

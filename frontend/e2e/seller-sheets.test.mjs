// The seller's own sheets (issues 10 and 11) dropped on the import page with the export
// files' preview and import: an inquiry register (询盘成交登记表 xlsx: a title line, Excel
// serial dates, the sheet's wording, a 否 without a reason), a rota grid (排班表 xlsx: a
// title line with the month, day numbers, a weekday line, a legend) and a DingTalk raw punch
// record (CSV). The preview says what each would do (people to add, rows to complete); the
// import's rows show up on the inquiry register and the staff pages; undo from the import
// history takes the register back. At 1366x768 and 1920x1080.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, previewUpload, confirmImport, writeXLSX } from './harness.mjs';

/** This month, shop-local (Asia/Shanghai): the pages open on it. */
function thisMonth() {
  const now = new Date(Date.now() + 8 * 3600_000);
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

/** Excel's serial number of a day (1900 date system). */
function serial(year, month, day) {
  return String(Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400_000));
}

function writeFiles(dir) {
  const { year, month } = thisMonth();
  const mm = String(month).padStart(2, '0');
  const register = path.join(dir, '店铺实际成交和询盘统计表.xlsx');
  writeXLSX(register, [
    {
      name: '询盘登记',
      rows: [
        [`${month}月询盘成交登记`],
        ['日期', '客户旺旺', '客户类型', '咨询渠道', '询盘产品', '是否成交', '成交类型', '成交金额', '未成交原因', '未成交后期的跟进情况', '地区'],
        [serial(year, month, 1), 'tb_小鹿妈妈', '零售', '旺旺/千牛', '婴儿湿巾', '是', '拍下付款', '128.50', '', '', '浙江'],
        [serial(year, month, 1), 'wx_阿美批发', '批发', '微信', '收纳箱', '否', '', '-', '', '下周再问', '广东'],
        [`${year}-${mm}-01`, '13800001111', '代理', '电话', '马克杯', '跟进中', '', '', '', '', '江苏'],
      ],
    },
  ]);
  const header = ['姓名'];
  const weekdays = ['星期'];
  const li = ['小李'];
  const xin = ['小新'];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let d = 1; d <= days; d++) {
    header.push(String(d));
    weekdays.push('日一二三四五六'[new Date(Date.UTC(year, month - 1, d)).getUTCDay()]);
    li.push(d % 7 === 0 ? '休' : '白');
    xin.push(d % 7 === 3 ? '休' : d % 2 ? '晚' : '白班');
  }
  const rota = path.join(dir, '排班.xlsx');
  writeXLSX(rota, [
    {
      name: '排班表',
      rows: [[`${year}年${month}月排班表`], header, weekdays, li, xin, [], ['白 = 白班 08:30-17:30    晚 = 晚班 17:00-24:00    休 = 休息']],
    },
  ]);
  const punches = path.join(dir, '钉钉打卡原始记录.csv');
  writeFileSync(
    punches,
    '\ufeff姓名,考勤组,考勤日期,打卡时间,打卡结果,打卡地址\n' +
      `小李,客服,${year}-${mm}-01,${year}-${mm}-01 08:41:00,迟到,杭州市西湖区\n` +
      `小李,客服,${year}-${mm}-01,${year}-${mm}-01 17:32:00,正常,杭州市西湖区\n` +
      `小新,客服,${year}-${mm}-01,${year}-${mm}-01 16:58:00,正常,杭州市西湖区\n` +
      `小新,客服,${year}-${mm}-01,${year}-${mm}-02 00:04:00,正常,杭州市西湖区\n`,
  );
  return { register, rota, punches };
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
]) {
  test(`seller sheets at ${width}x${height}: a register, a rota grid and a punch file dropped, previewed, imported, seen, undone`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-sheets-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const files = writeFiles(dir);
    await withApp(t, {}, async ({ page, shot }) => {
      await page.setViewportSize({ width, height });
      await byTestId(page, 'nav-import').click();

      // The preview: each file recognised, of no shop, what importing it would do.
      const rows = await previewUpload(page, [files.rota, files.punches, files.register]);
      await until(async () => (await rows.count()) === 3, 'three preview rows');
      const text = await rows.allInnerTexts();
      assert.match(text[0], /排班表/);
      assert.match(text[0], /将加入名单/);
      assert.match(text[0], /小李、小新/);
      assert.match(text[1], /钉钉 打卡原始记录/);
      assert.match(text[1], /将新增 4 次/);
      assert.match(text[2], /询盘成交登记表/);
      assert.match(text[2], /第 4 行未成交但没有写未交易原因：将按“未填写”导入/);
      for (const r of text) assert.doesNotMatch(r, /店铺：|唯一的店铺/);
      assert.equal(await byTestId(page, 'import-file-shop-select').count(), 0, 'no shop to choose for the seller’s own sheets');
      await shot(`95-sheets-preview-${width}`);

      const done = await confirmImport(page);
      await until(async () => (await done.count()) === 3, 'three result rows');
      const result = (await done.allInnerTexts()).join('\n');
      assert.match(result, /排班（人）：新增 2/);
      assert.match(result, /打卡记录（行）：新增 4/);
      assert.match(result, /询盘：新增 3/);
      assert.match(result, /已加入名单/);
      await shot(`95-sheets-imported-${width}`);

      // The inquiry register: the three rows, the one without a reason to complete.
      await byTestId(page, 'nav-inquiry').click();
      const table = byTestId(page, 'register-table');
      await until(async () => /tb_小鹿妈妈/.test(await table.innerText()), 'the imported inquiries');
      const reg = await table.innerText();
      for (const c of ['wx_阿美批发', '13800001111', '未填写', '128.50']) assert.ok(reg.includes(c), `register shows ${c}`);
      assert.match(await byTestId(page, 'register-incomplete').innerText(), /1/);
      await shot(`95-sheets-register-${width}`);

      // The staff page: the rota of the month with both people, and their punches.
      await byTestId(page, 'nav-staff').click();
      await byTestId(page, 'staff-tab-rota').click();
      const grid = byTestId(page, 'rota-grid');
      await until(async () => /小新/.test(await grid.innerText()), 'the imported rota');
      assert.match(await grid.innerText(), /小李/);
      assert.ok((await byTestId(page, 'rota-cell').count()) >= 2 * 28, 'a cell per person and day');
      await shot(`95-sheets-rota-${width}`);
      await byTestId(page, 'staff-tab-attendance').click();
      // 小李 11 minutes late; 小新's 17:00-24:00 shift clocked out at 00:04 the next day: on time.
      const tab = byTestId(page, 'attendance-tab');
      await until(async () => /小新/.test(await tab.innerText()), 'attendance of both');
      const att = await tab.innerText();
      assert.match(att, /小李[\s\S]*迟到 11 分钟/);
      assert.match(att, /16:58\s+\d+月2日 00:04\s+正常/);
      await shot(`95-sheets-attendance-${width}`);

      // Undo the register from the import history (newest first): the register is empty again.
      await byTestId(page, 'nav-import').click();
      const history = byTestId(page, 'import-history-table');
      await until(async () => /店铺实际成交和询盘统计表/.test(await history.innerText()), 'the history');
      const undo = history.locator('[data-testid^="import-undo-"]').first();
      await undo.click();
      await byTestId(page, 'import-undo-confirm').click();
      await until(async () => !/店铺实际成交和询盘统计表/.test(await history.innerText()), 'the register import undone');
      await byTestId(page, 'nav-inquiry').click();
      await byTestId(page, 'register-empty').waitFor();
    });
  });
}

// A rota grid no built-in layout knows (its name column is 员工, its days 1号…) goes through
// the mapping screen as an export would: the screen guesses it is a rota, says how the days
// and the month are found, and the saved template imports it.
test('a rota grid of another wording through the mapping screen', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-sheets-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { year, month } = thisMonth();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const header = ['工号', '员工', ...Array.from({ length: days }, (_, i) => `${i + 1}号`)];
  const cells = (name, n) => [n, name, ...Array.from({ length: days }, (_, i) => (i % 6 === 5 ? '休' : '白班'))].join(',');
  const file = path.join(dir, `${year}年${month}月值班安排.csv`);
  writeFileSync(file, '\ufeff' + [header.join(','), cells('阿强', 'A01'), cells('小周', 'A02')].join('\n') + '\n');
  await withApp(t, {}, async ({ page, shot }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await byTestId(page, 'nav-import').click();
    let row = (await previewUpload(page, file)).first();
    assert.equal(await row.getAttribute('data-error-code'), 'unknown_format');
    await row.getByTestId('import-map-columns').click();
    await byTestId(page, 'mapping-modal').waitFor();
    assert.ok(await byTestId(page, 'mapping-kind').locator('input[value="rota"]').isChecked(), 'rota preselected');
    assert.match(await byTestId(page, 'mapping-rota-hint').innerText(), /自动认出/);
    assert.equal(await byTestId(page, 'mapping-platform').count(), 0, 'no platform for the seller’s own sheet');
    assert.match(await byTestId(page, 'mapping-field-staff_name').innerText(), /员工/);
    await byTestId(page, 'mapping-name').fill('门店排班表');
    await shot('96-sheets-mapping-rota-1366');
    await byTestId(page, 'mapping-save').click();
    await until(async () => (await byTestId(page, 'mapping-modal').count()) === 0, 'the mapping screen to close');
    await until(async () => (await byTestId(page, 'import-run').getAttribute('data-phase')) === 'preview', 'the new preview');
    row = byTestId(page, 'import-preview-row').first();
    await until(async () => (await row.getAttribute('data-status')) === 'success', 'the file to be importable');
    assert.match(await row.innerText(), /门店排班表[\s\S]*将新增 2/);
    row = (await confirmImport(page)).first();
    assert.match(await row.innerText(), /排班（人）：新增 2/);
    await byTestId(page, 'nav-staff').click();
    await byTestId(page, 'staff-tab-rota').click();
    await until(async () => /阿强[\s\S]*小周|小周[\s\S]*阿强/.test(await byTestId(page, 'rota-grid').innerText()), 'the rota of both');
  });
});

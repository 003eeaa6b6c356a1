// Issue 14, the anomaly workbench, at 1366x768 and 1920x1080, on a PC whose zone is not the
// shop's (the server runs with TZ=America/Los_Angeles, the browser in America/New_York):
// - the keys (J/K, Enter, Space, P, R, I) work as soon as the page is open, on a visible
//   focused row, without scrolling the filters away, and leave typing in a field alone;
// - P on a row already 处理中 says nothing changed (no green "0 条已设为");
// - the first change while 我是 is 未选择 asks who is working, then goes ahead; the answer
//   is remembered on this PC;
// - 发现时间, history times and the last check are Beijing time (the shop's zone);
// - layout: the copy icon of a 22-character 拼多多 order number stays off the shop name,
//   shop names whole at 1920, shop and 情况 whole on hover;
// - the empty page says there is nothing to handle and when the rules last ran;
// - 订单异常 printed (PDF -> PNG): only the content, A4, header on every page, page numbers,
//   print date; the Excel export carries the notes' text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { withApp, until, byTestId, previewUpload, confirmImport, callService, SHOT_DIR, TAOBAO_CSV } from './harness.mjs';
import { pddExport } from './exports.mjs';

const LONG_SHOP = '暖暖家居生活馆拼多多官方旗舰店'; // 15 characters
const PC_ZONE = { env: { TZ: 'America/Los_Angeles' }, timezoneId: 'America/New_York' };

/** "YYYY-MM-DD HH:MM" of an instant in Beijing time (UTC+8, no summer time). */
function beijing(ms) {
  return new Date(ms + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');
}

/** Beijing minutes from a few minutes ago to one ahead: a time shown "now" is one of them. */
function beijingNow() {
  const out = [];
  for (let m = -5; m <= 1; m++) out.push(beijing(Date.now() + m * 60e3));
  return out;
}

async function setup(page, dir, { n = 70 } = {}) {
  for (const name of ['小王', '小李']) await callService(page, 'app.StaffService.Save', { id: 0, name, role: 'warehouse', active: true, accounts: [] }, '');
  await callService(page, 'app.ShopService.Create', 'pdd', LONG_SHOP);
  await page.goto(page.url().replace(/#.*$/, '') + '#/import');
  await page.reload();
  await byTestId(page, 'import-page').waitFor();
  await previewUpload(page, [TAOBAO_CSV, pddExport(dir, 'pdd_orders_20261121.csv', { n })]);
  const rows = await confirmImport(page);
  await until(async () => (await rows.count()) === 2, 'two files imported');
  await byTestId(page, 'nav-anomalies').click();
  await byTestId(page, 'anomalies-page').waitFor();
  await until(async () => (await byTestId(page, 'anomaly-row').count()) >= 20, 'the worklist');
}

const focusedRow = (page) => page.locator('[data-testid="anomaly-row"].sd-row-focused');
const filtersTop = (page) => byTestId(page, 'anomalies-filter-kind').evaluate((e) => Math.round(e.getBoundingClientRect().top));

/** Boxes of each row's order number, copy icon, cells and shop text. */
async function rowBoxes(page) {
  return page.locator('[data-testid="anomaly-row"]').evaluateAll((rows) =>
    rows
      .filter((tr) => tr.querySelector('[data-testid="order-no"]'))
      .map((tr) => {
        const no = tr.querySelector('[data-testid="order-no"]');
        const icon = no.querySelector('.ant-typography-copy');
        const shop = tr.querySelector('[data-testid="anomaly-shop"]');
        const box = (e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right };
        };
        const shopCell = shop.closest('td');
        return {
          no: no.textContent,
          icon: box(icon),
          noCell: box(no.closest('td')),
          shopText: box(shop),
          shop: shop.textContent,
          shopCut: shopCell.scrollWidth > shopCell.clientWidth + 1 || shop.scrollWidth > shop.clientWidth + 1,
        };
      }),
  );
}

async function tooltipWith(page, text, what) {
  const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ visible: true });
  await until(async () => (await tip.count()) > 0 && (await tip.allInnerTexts()).some((s) => s.includes(text)), what);
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
]) {
  test(`workbench at ${width}x${height}: keys from the start, who is working, nothing changed, shop times, layout`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-workbench-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    await withApp(t, PC_ZONE, async ({ page, shot }) => {
      await page.setViewportSize({ width, height });
      assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'America/New_York');
      await setup(page, dir);

      // (a) A focused row from the start, the first, outlined; no Tab, no click.
      await until(async () => (await focusedRow(page).count()) === 1, 'a focused row as the page opens');
      const ids = await byTestId(page, 'anomaly-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));
      assert.equal(await focusedRow(page).getAttribute('data-id'), ids[0]);
      const outline = await focusedRow(page).locator('td').nth(2).evaluate((td) => getComputedStyle(td).boxShadow);
      assert.match(outline, /rgb\(22, 119, 255\)/, 'the focused row is outlined');
      await shot(`70-workbench-${width}`);
      const top = await filtersTop(page);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await until(async () => (await focusedRow(page).getAttribute('data-id')) === ids[2], 'J J to the third row');
      await page.keyboard.press('k');
      await until(async () => (await focusedRow(page).getAttribute('data-id')) === ids[1], 'K back to the second');
      assert.equal(await filtersTop(page), top, 'the filters stay where they were');
      // Space selects, Enter opens the detail, Esc closes it.
      await page.keyboard.press(' ');
      await byTestId(page, 'anomalies-bulk').waitFor();
      await page.keyboard.press(' ');
      await byTestId(page, 'anomalies-keys').waitFor();
      await page.keyboard.press('Enter');
      const drawer = byTestId(page, 'anomaly-drawer');
      await drawer.waitFor();
      assert.equal(await drawer.getAttribute('data-id'), ids[1]);
      await page.keyboard.press('Escape');
      await until(async () => (await drawer.count()) === 0, 'the drawer to close');

      // Typing in the order-number field is typing, not shortcuts.
      const search = byTestId(page, 'anomalies-filter-search').locator('input');
      await search.fill('');
      await search.pressSequentially('jkpri ');
      assert.equal(await search.inputValue(), 'jkpri ');
      assert.equal(await byTestId(page, 'actor-prompt').count(), 0, 'no question while typing');
      await search.fill('');
      await search.blur();

      // (c) P while 我是 is 未选择: asked once who is working, then done as 小王.
      const row = page.locator(`[data-testid="anomaly-row"][data-id="${ids[1]}"]`);
      await page.keyboard.press('p');
      await byTestId(page, 'actor-prompt').waitFor();
      await shot(`71-workbench-who-${width}`);
      await page.locator('[data-testid="actor-prompt-staff"][data-name="小王"]').click();
      // The keys go to the page once the question has gone (while a dialog shows, even closing, they are the dialog's).
      await byTestId(page, 'actor-prompt').waitFor({ state: 'hidden' });
      await until(async () => (await row.getAttribute('data-state')) === 'in_progress', 'P to go ahead after the answer');
      await byTestId(page, 'anomalies-done').waitFor();
      assert.match(await byTestId(page, 'anomalies-actor').innerText(), /小王/);
      assert.equal(await page.evaluate(() => localStorage.getItem('shopdesk.anomalies.actor')) !== null, true, 'kept on this PC');

      // (b) P again on the same row: nothing changed, said as such (not a green "0 条").
      await until(async () => (await focusedRow(page).getAttribute('data-id')) === ids[1], 'still on the row');
      await page.keyboard.press('p');
      const same = byTestId(page, 'anomalies-unchanged');
      await same.waitFor();
      assert.match(await same.innerText(), /没有变化：1 条本来就是“处理中”/);
      assert.equal(await page.locator('.ant-message-notice').filter({ hasText: '0 条已设为' }).count(), 0);
      await shot(`72-workbench-unchanged-${width}`);

      // Remembered: after a reload, R goes straight through as 小王.
      await page.reload();
      await byTestId(page, 'anomalies-page').waitFor();
      await until(async () => (await focusedRow(page).count()) === 1, 'a focused row after reload');
      const first = await focusedRow(page).getAttribute('data-id');
      await page.keyboard.press('r');
      await byTestId(page, 'anomalies-done').waitFor();
      assert.equal(await byTestId(page, 'actor-prompt').count(), 0, 'not asked again');
      await until(async () => (await page.locator(`[data-testid="anomaly-row"][data-id="${first}"]`).count()) === 0, 'R resolves the first row');

      // (d) Beijing time for 发现时间, the history and the last check, on a PC in America.
      const nows = beijingNow();
      await row.locator('td').nth(4).click();
      await drawer.waitFor();
      const detail = await drawer.innerText();
      assert.ok(nows.some((n) => detail.includes(`发现时间\n${n}`) || detail.includes(`发现时间\t${n}`) || detail.includes(n)), `发现时间 in Beijing time (${nows.at(-2)}):\n${detail.slice(0, 600)}`);
      const history = await byTestId(page, 'anomaly-history').innerText();
      assert.ok(nows.some((n) => history.includes(`${n}`) && history.includes('小王')), `the history in Beijing time:\n${history}`);
      for (const other of ['America/Los_Angeles', 'America/New_York']) {
        const wall = new Date().toLocaleString('sv-SE', { timeZone: other }).slice(0, 13);
        assert.ok(!detail.includes(wall) || nows.some((n) => n.startsWith(wall)), `no ${other} time in the detail`);
      }
      await shot(`73-workbench-drawer-${width}`);
      await page.keyboard.press('Escape');
      await until(async () => (await drawer.count()) === 0, 'the drawer to close');
      await byTestId(page, 'anomalies-recheck').hover();
      await until(async () => {
        const tips = await page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ visible: true }).allInnerTexts();
        if (tips.some((s) => nows.some((n) => s.includes(`上次检查：${n}`)))) return true;
        // hovered again: a tooltip asked for while the drawer's mask was leaving stays shut
        await page.mouse.move(0, 0);
        await byTestId(page, 'anomalies-recheck').hover();
        return false;
      }, 'the last check in Beijing time');
      const tile = await byTestId(page, 'anomaly-tile').innerText();
      assert.ok(nows.some((n) => tile.includes(`${n.slice(5)} 检查`)), `the tile's check time in Beijing time: ${tile}`);

      // (g) The copy icon stays off the shop; shops whole at 1920; whole on hover anyway.
      await page.mouse.move(0, 0);
      const boxes = await rowBoxes(page);
      assert.ok(boxes.some((b) => b.no.length === 22), 'a 22-character 拼多多 order number');
      for (const b of boxes) {
        assert.ok(b.icon.right <= b.noCell.right - 2, `${b.no}: the copy icon (right ${b.icon.right}) stays in its cell (right ${b.noCell.right})`);
        assert.ok(b.icon.right <= b.shopText.left, `${b.no}: the copy icon does not reach the shop name`);
      }
      if (width >= 1920) assert.deepEqual(boxes.filter((b) => b.shopCut).map((b) => b.shop), [], 'no shop name cut at 1920');
      await page.locator('[data-testid="anomaly-shop"]', { hasText: LONG_SHOP.slice(0, 6) }).first().hover();
      await tooltipWith(page, `${LONG_SHOP}（拼多多）`, 'the whole shop name on hover');
      await shot(`74-workbench-shop-hover-${width}`);
      const what = page.locator('[data-testid="anomaly-row"]', { hasText: '261121-' }).first().getByTestId('anomaly-what');
      const whatText = await what.innerText();
      await what.hover();
      assert.match(whatText, /按导出文件的承诺发货时间 · 加厚抽纸/);
      await tooltipWith(page, '按导出文件的承诺发货时间 · 加厚抽纸 24包 家庭装', '情况 whole on hover, with the goods');
      const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(noScroll, 'the page does not scroll sideways');
      await shot(`75-workbench-what-hover-${width}`);
    });
  });
}

/** The files of a zip (an xlsx) by name. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out = new Map();
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const [nameLen, extraLen, commentLen] = [buf.readUInt16LE(p + 28), buf.readUInt16LE(p + 30), buf.readUInt16LE(p + 32)];
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 0 ? data : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The PDF Chromium prints of the page as it is, its first pages as PNGs; pdfinfo and each page's text. */
async function printPage(page, t, name) {
  const pdf = path.join(SHOT_DIR, `${name}.pdf`);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', String(Math.min(pages, 3)), pdf, path.join(SHOT_DIR, name)]);
  t.diagnostic(`print ${pdf} (${pages} pages) -> ${name}-N.png`);
  const text = [];
  for (let p = 1; p <= pages; p++) text.push(execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }));
  return { info, pages, text };
}

test('订单异常 printed and exported; the empty page says nothing is to handle and when the rules ran', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-workbench-print-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withApp(t, PC_ZONE, async ({ page, shot, url }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    // (f) No orders yet: the anomalies page's own words, with the last run.
    await page.goto(url + '#/anomalies');
    await byTestId(page, 'nav-anomalies').click();
    const nodata = byTestId(page, 'anomalies-empty-nodata');
    await nodata.waitFor();
    const lastRun = async () => byTestId(page, 'anomalies-last-check').innerText();
    assert.match(await nodata.innerText(), /没有要处理的订单异常[\s\S]*还没有导入订单/);
    await until(async () => /规则上次检查：\d{4}-\d\d-\d\d \d\d:\d\d/.test(await byTestId(page, 'anomalies-last-check').innerText()), 'the last run');
    const ran = await lastRun();
    assert.ok(beijingNow().some((n) => ran.includes(n)), `the last run in Beijing time: ${ran}`);
    await shot('76-workbench-empty-nodata');

    await setup(page, dir);
    // (e) A note, then the export carries its text.
    const list = await callService(page, 'app.AnomalyService.List', { shopId: 0, kind: '', state: '', ownerId: 0, search: '', page: 1, pageSize: 500 });
    const target = list.rows.find((r) => r.orderNo.startsWith('261121-'));
    await callService(page, 'app.AnomalyService.AddNote', target.id, '已电话联系买家，周五前发出', 0);
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'anomalies-export').click()]);
    const file = path.join(dir, 'export.xlsx');
    await download.saveAs(file);
    const xlsx = unzip(readFileSync(file));
    const strings = (xlsx.get('xl/sharedStrings.xml')?.toString('utf8') ?? '') + (xlsx.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '');
    assert.match(strings, /备注/, 'a 备注 column');
    assert.match(strings, /未署名：已电话联系买家，周五前发出/, 'the note text in the export');
    assert.doesNotMatch(strings, /备注数/);

    // (h) On paper: only the content, A4, the header on every page, page numbers, print date.
    assert.equal(await byTestId(page, 'anomalies-print').isVisible(), false, 'the paper table is not on screen');
    const orientation = await byTestId(page, 'anomalies-print').getAttribute('data-print-orientation');
    const { info, pages, text } = await printPage(page, t, 'anomalies-print');
    assert.match(info, orientation === 'landscape' ? /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/ : /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, info);
    assert.ok(pages >= 2, `${pages} pages`);
    for (let p = 0; p < pages; p++) {
      const s = text[p];
      assert.match(s, /异常\s+订单号\s+店铺\s+情况\s+截止时间\s+状态\s+负责人/, `page ${p + 1} has the table's header:\n${s.slice(0, 400)}`);
      assert.match(s, new RegExp(`第\\s*${p + 1}\\s*/\\s*${pages}\\s*页`), `page ${p + 1} is numbered`);
      assert.match(s, /打印于 \d{4}-\d\d-\d\d \d\d:\d\d/, `page ${p + 1} has the print date`);
      assert.doesNotMatch(s, /全部店铺|重新检查|导出 Excel|登记投诉|快捷键|我是/, `page ${p + 1} has no filters, buttons or keys`);
    }
    assert.match(text[0], /订单异常[\s\S]*状态：待处理\+处理中[\s\S]*共 \d+ 条 · 第 1 \/ \d+ 页/);
    const all = text.join('\n');
    assert.ok(all.includes('261121-123456789012345'), '22-character order numbers printed whole');
    assert.ok(all.includes(LONG_SHOP.slice(0, 7)), 'the shop printed');

    // (f) Everything handled: nothing to handle, and when the rules last ran.
    const ids = (await callService(page, 'app.AnomalyService.List', { shopId: 0, kind: '', state: '', ownerId: 0, search: '', page: 1, pageSize: 500 })).rows.map((r) => r.id);
    await callService(page, 'app.AnomalyService.SetState', ids, 'resolved', 0, '');
    await page.reload();
    const none = byTestId(page, 'anomalies-empty-none');
    await none.waitFor();
    assert.match(await none.innerText(), /没有要处理的订单异常/);
    const last = await byTestId(page, 'anomalies-last-check').innerText();
    assert.ok(beijingNow().some((n) => last.includes(`规则上次检查：${n}`)), `the last run in Beijing time: ${last}`);
    await shot('77-workbench-empty-none');
  });
});

// 9. The stock sheet (库存表) on the demo shops: every status shows, filters and sorting,
//    on hand edited in place (with its reason) and taken back, a SKU's drawer (ledger,
//    chart), the reorder list's purchase sheet, the unmapped order lines mapped by a
//    suggestion; and a stocktake: the count sheet exported, filled in, imported through the
//    import page, reviewed, posted, then discarded. At 1280x800 and 1366x768.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { withApp, until, byTestId, callService, previewUpload, confirmImport, settled, writeXLSX } from './harness.mjs';

/** The entries of a zip (an xlsx) by name. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'the download is a zip file');
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

const STATUSES = ['out', 'reorder', 'slow', 'overstock', 'ok'];

async function stockRow(page, code) {
  const r = await callService(page, 'app.StockService.List', { search: code, all: true, pageSize: 5 });
  return r.rows.find((x) => x.code === code);
}

/** Cells whose text the column cuts (ellipsis aside). */
async function cutCells(page) {
  return page.locator('[data-testid="stock-table"] th .ant-table-column-title, [data-testid="stock-days-left"], [data-testid="stock-status"], [data-testid="stock-on-hand"]').evaluateAll((els) =>
    els.filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1).map((e) => `${e.textContent} ${e.scrollWidth}/${e.clientWidth}`),
  );
}

for (const [width, height] of [
  [1280, 800],
  [1366, 768],
]) {
  test(`stock sheet at ${width}x${height}: statuses, filters, inline edit and undo, drawer, reorder, unmapped`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-stock-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    await withApp(t, { demo: true }, async ({ page, shot }) => {
      await page.setViewportSize({ width, height });
      await byTestId(page, 'nav-stock').click();
      await byTestId(page, 'stock-sheet').waitFor();
      await until(async () => (await byTestId(page, 'stock-row').count()) > 0, 'the sheet rows');
      // Every status of the demo, counted on its filter button.
      for (const s of STATUSES) {
        const n = Number(((await byTestId(page, `stock-status-${s}`).innerText()).match(/(\d+)/) ?? [])[1]);
        assert.ok(n > 0, `${s}: ${n}`);
      }
      // The most pressing first.
      assert.equal(await byTestId(page, 'stock-row').first().getAttribute('data-status'), 'out');
      assert.match(await byTestId(page, 'stock-as-of').innerText(), /最近 14 天/);
      assert.deepEqual(await cutCells(page), [], 'cut cells');
      await shot(`90-stock-sheet-${width}`);

      // Filter: 滞销 only, its value tied up shown; then back.
      await byTestId(page, 'stock-status-slow').click();
      await until(async () => {
        const st = await byTestId(page, 'stock-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
        return st.length > 0 && st.every((s) => s === 'slow');
      }, 'only slow rows');
      assert.match(await byTestId(page, 'stock-row').first().innerText(), /¥/);
      assert.equal(await byTestId(page, 'stock-row').first().locator('[data-testid="stock-days-left"]').innerText(), '—');
      await byTestId(page, 'stock-status-all').click();

      // Sort by days left, most first: what sells nothing ("—", endless) leads, then the
      // overstocked item.
      await page.locator('[data-testid="stock-table"] th', { hasText: '可售天数' }).click();
      await page.locator('[data-testid="stock-table"] th', { hasText: '可售天数' }).click();
      await until(async () => {
        const rows = await byTestId(page, 'stock-row').evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-status'), e.querySelector('[data-testid="stock-days-left"]')?.textContent]),
        );
        const withFigure = rows.filter(([, d]) => d !== '—');
        return rows[0]?.[1] === '—' && withFigure[0]?.[0] === 'overstock';
      }, 'the endless first, then the overstocked item');

      // On hand in place: an OK item goes to 7 (reason required), then the change is taken back.
      const ok = page.locator('[data-testid="stock-row"][data-status="ok"]').first();
      const code = await ok.getAttribute('data-code');
      const before = await stockRow(page, code);
      await ok.locator('[data-testid="stock-on-hand"]').click();
      const form = byTestId(page, 'stock-edit');
      await form.waitFor();
      const value = byTestId(page, 'stock-edit-value');
      const input = (await value.evaluate((e) => e.tagName)) === 'INPUT' ? value : value.locator('input');
      await input.fill('7');
      await byTestId(page, 'stock-edit-save').click();
      await until(async () => (await form.innerText()).includes('请写明原因'), 'the reason to be asked for');
      await byTestId(page, 'stock-edit-reason').fill('盘点少了');
      await shot(`91-stock-edit-${width}`);
      await byTestId(page, 'stock-edit-save').click();
      await until(async () => (await stockRow(page, code)).onHand === 7, 'on hand 7');
      await until(async () => (await page.locator(`[data-testid="stock-row"][data-code="${code}"] [data-testid="stock-on-hand"]`).innerText()) === '7', 'the cell to show 7');
      await byTestId(page, 'stock-edit-undo').click();
      await until(async () => (await stockRow(page, code)).onHand === before.onHand, 'on hand back');

      // The drawer: figures, the 30-day chart, the ledger with the count of the demo's stock sheet.
      await page.locator(`[data-testid="stock-row"][data-code="${code}"]`).click();
      const drawer = byTestId(page, 'stock-drawer');
      await drawer.waitFor();
      await settled(drawer);
      assert.equal(await drawer.getAttribute('data-code'), code);
      await byTestId(page, 'stock-chart').locator('canvas').first().waitFor();
      const kinds = await byTestId(page, 'stock-ledger-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      assert.ok(kinds.includes('stocktake'), `ledger kinds ${kinds}`);
      await shot(`92-stock-drawer-${width}`);
      await page.keyboard.press('Escape');
      await until(async () => !(await drawer.isVisible()), 'the drawer to close');

      // 补货: by supplier; the purchase sheet downloads as an xlsx with a sheet per supplier.
      await byTestId(page, 'stock-tab-reorder').click();
      await byTestId(page, 'stock-reorder-group').first().waitFor();
      await shot(`93-stock-reorder-${width}`);
      const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'stock-reorder-export').click()]);
      assert.match(download.suggestedFilename(), /^采购单_\d{8}_\d{4}\.xlsx$/);
      const file = path.join(dir, 'purchase.xlsx');
      await download.saveAs(file);
      const book = unzip(readFileSync(file)).get('xl/workbook.xml').toString('utf8');
      assert.match(book, /name="汇总"/);
      const supplier = await byTestId(page, 'stock-reorder-group').first().getAttribute('data-supplier');
      assert.ok(book.includes(`name="${supplier}"`), `a sheet for ${supplier}: ${book}`);

      // 未对应商品: the Taobao shop's titles without codes; a suggestion maps one.
      await byTestId(page, 'stock-tab-unmapped').click();
      await byTestId(page, 'stock-unmapped-row').first().waitFor();
      const totals = await byTestId(page, 'stock-unmapped-totals').innerText();
      await shot(`94-stock-unmapped-${width}`);
      await byTestId(page, 'stock-unmapped-suggest').first().click();
      await until(async () => (await byTestId(page, 'stock-unmapped-totals').innerText()) !== totals, 'one title fewer');

      // 每日退货: the demo's returns by day.
      await byTestId(page, 'stock-tab-returns').click();
      await byTestId(page, 'stock-returns').waitFor();
      await shot(`95-stock-returns-${width}`);
    });
  });
}

test('stocktake: export the count sheet, import it filled in, review, post, discard', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-stocktake-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withApp(t, { demo: true }, async ({ page, shot }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await byTestId(page, 'nav-stock').click();
    await byTestId(page, 'stock-sheet').waitFor();
    await byTestId(page, 'stock-tab-stocktake').click();
    await byTestId(page, 'stocktake-none').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'stocktake-export').click()]);
    assert.match(download.suggestedFilename(), /^盘点表_\d{8}_\d{4}\.xlsx$/);
    const exported = path.join(dir, 'count.xlsx');
    await download.saveAs(exported);
    const strings = [...unzip(readFileSync(exported)).values()].map((b) => b.toString('utf8')).join('');
    for (const h of ['商家编码', '账面库存', '实盘数量', 'MY-HY-066']) assert.ok(strings.includes(h), `count sheet has ${h}`);

    // Counted: one item 3 short, one as booked; the rest left blank.
    const a = await stockRow(page, 'MY-HY-066');
    const b = await stockRow(page, 'JJ-LX-180');
    const c = await stockRow(page, 'MY-CJ-012');
    const filled = writeXLSX(path.join(dir, '盘点表_已填.xlsx'), [
      {
        name: '盘点表',
        rows: [
          ['商家编码', '商品名称', '规格', '供应商', '账面库存', '实盘数量', '备注'],
          ['MY-HY-066', a.name, '', '', String(a.onHand), String(a.onHand - 3), ''],
          ['JJ-LX-180', b.name, '', '', String(b.onHand), String(b.onHand), ''],
          ['MY-CJ-012', c.name, '', '', String(c.onHand), '', ''],
        ],
      },
    ]);
    await byTestId(page, 'nav-import').click();
    await byTestId(page, 'import-page').waitFor();
    const previews = await previewUpload(page, [filled]);
    assert.match(await previews.first().innerText(), /盘点表（店务台导出）/);
    await confirmImport(page);
    await shot('98-stocktake-imported');
    assert.equal((await stockRow(page, 'MY-HY-066')).onHand, a.onHand, 'a count sheet changes nothing before it is posted');

    await byTestId(page, 'nav-stock').click();
    await byTestId(page, 'stock-tab-stocktake').click();
    await byTestId(page, 'stocktake-review-table').waitFor();
    const first = byTestId(page, 'stocktake-line').first();
    assert.equal(await first.getAttribute('data-code'), 'MY-HY-066');
    assert.equal(await first.getAttribute('data-diff'), '-3');
    assert.match(await page.locator('[data-testid="stocktake-line"][data-code="MY-CJ-012"]').innerText(), /未盘/);
    await shot('96-stocktake-review');
    await byTestId(page, 'stocktake-post').click();
    await byTestId(page, 'stocktake-post-confirm').click();
    await until(async () => (await stockRow(page, 'MY-HY-066')).onHand === a.onHand - 3, 'the count posted');
    assert.equal((await stockRow(page, 'MY-CJ-012')).onHand, c.onHand, 'a blank count changes nothing');
    await until(async () => (await byTestId(page, 'stocktake-line').first().innerText()).includes('已过账'), 'posted tags');
    await shot('97-stocktake-posted');

    // Discarding undoes the import: the count and its posting go.
    await byTestId(page, 'stocktake-discard').click();
    await byTestId(page, 'stocktake-discard-confirm').click();
    await byTestId(page, 'stocktake-none').waitFor();
    assert.equal((await stockRow(page, 'MY-HY-066')).onHand, a.onHand, 'back to the book');
  });
});

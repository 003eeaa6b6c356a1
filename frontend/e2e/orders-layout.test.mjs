// Issue 14, layout and print, at 1366x768 and 1920x1080:
// - the orders table: the copy icon of a 22-character 拼多多 order number stays in its cell
//   (it overlapped the shop name); shop names are shown whole where there is room (1920),
//   and whole on hover where they are cut;
// - English: the import history's headers are on one line (no "Updat/ed"), the formats
//   have English names;
// - 订单 printed as it is (Ctrl+P): only the content, a plain table as wide as the paper
//   (landscape: too wide for portrait), its header on every page, page numbers and the
//   print date; checked as a PDF made by Chromium, its pages as PNGs (pdftoppm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, pickOption, previewUpload, confirmImport, callService, SHOT_DIR, TAOBAO_CSV } from './harness.mjs';
import { douyinLines, pddExport } from './exports.mjs';

const LONG_SHOP = '暖暖家居生活馆拼多多官方旗舰店'; // 15 characters

async function importAll(page, dir) {
  await callService(page, 'app.ShopService.Create', 'pdd', LONG_SHOP);
  await page.goto(page.url().replace(/#.*$/, '') + '#/import');
  await page.reload();
  await byTestId(page, 'import-page').waitFor();
  await previewUpload(page, [TAOBAO_CSV, pddExport(dir, 'pdd_orders_20261121.csv', { n: 70, title: '加厚抽纸 24包 家庭装 柔韧不易破 母婴可用' })]);
  const rows = await confirmImport(page);
  await until(async () => (await rows.count()) === 2, 'two files imported');
}

/** Boxes of the order number text, its copy icon, its cell, and the shop cell of each visible row. */
async function rowBoxes(page) {
  return page.locator('[data-testid="order-row"]').evaluateAll((rows) =>
    rows.map((tr) => {
      const no = tr.querySelector('[data-testid="order-no"]');
      const icon = no.querySelector('.ant-typography-copy');
      const noCell = no.closest('td');
      const shop = tr.querySelector('[data-testid="order-shop"]');
      const shopCell = shop.closest('td');
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right };
      };
      return {
        no: no.textContent,
        icon: box(icon),
        noCell: box(noCell),
        shopText: box(shop),
        shopCell: box(shopCell),
        shop: shop.textContent,
        shopCut: shopCell.scrollWidth > shopCell.clientWidth + 1 || shop.scrollWidth > shop.clientWidth + 1,
      };
    }),
  );
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
]) {
  test(`orders table at ${width}x${height}: order numbers with their copy icon, shop names`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-orders-layout-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    await withApp(t, {}, async ({ page, shot }) => {
      await page.setViewportSize({ width, height });
      await importAll(page, dir);
      await byTestId(page, 'nav-orders').click();
      await until(async () => /共 100 条/.test((await byTestId(page, 'orders-total').textContent()) ?? ''), '100 orders');
      // The 拼多多 orders first: they are the newest.
      await until(async () => (await page.locator('[data-testid="order-row"] [data-testid="order-no"]').first().textContent())?.length === 22, 'a 22-character order number on top');
      const boxes = await rowBoxes(page);
      assert.ok(boxes.length >= 20, `${boxes.length} rows`);
      for (const b of boxes) {
        assert.ok(b.icon.right <= b.noCell.right - 2, `${b.no}: the copy icon (right ${b.icon.right}) stays in its cell (right ${b.noCell.right})`);
        assert.ok(b.icon.right <= b.shopText.left, `${b.no}: the copy icon does not reach the shop name`);
      }
      const cut = boxes.filter((b) => b.shopCut);
      if (width >= 1920) assert.deepEqual(cut.map((b) => b.shop), [], 'no shop name cut at 1920');
      await shot(`96-orders-${width}`);
      // Hovering a shop shows it whole (with its platform), cut or not.
      await page.locator('[data-testid="order-shop"]', { hasText: LONG_SHOP.slice(0, 6) }).first().hover();
      const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').filter({ visible: true });
      await until(async () => (await tip.count()) > 0 && (await tip.first().innerText()).includes(`${LONG_SHOP}（拼多多）`), 'the full shop name on hover');
      await shot(`97-orders-shop-hover-${width}`);

      // English: the import history's headers on one line, the formats named in English.
      await byTestId(page, 'lang-en').click();
      await byTestId(page, 'nav-import').click();
      const history = byTestId(page, 'import-history-table');
      await until(async () => /Taobao\/Tmall order report/.test(await history.innerText()), 'the formats in English');
      assert.match(await history.innerText(), /Pinduoduo order export/);
      const lines = await history.locator('thead th').evaluateAll((ths) =>
        ths
          .filter((th) => th.textContent.trim())
          .map((th) => {
            const range = document.createRange();
            range.selectNodeContents(th);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return [th.textContent.trim(), tops.size];
          }),
      );
      assert.ok(lines.some(([h]) => h === 'Unchanged') && lines.some(([h]) => h === 'Updated'), JSON.stringify(lines));
      assert.deepEqual(lines.filter(([, n]) => n > 1), [], 'every header on one line');
      await history.scrollIntoViewIfNeeded();
      await shot(`98-history-en-${width}`);
      await byTestId(page, 'lang-zh').click();
    });
  });
}

/** The PDF Chromium prints of the page as it is, its pages as PNGs; returns pdfinfo and the text of each page. */
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

test('订单 printed: only the content, a table as wide as the paper, its header on every page, page numbers and the print date', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-orders-print-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withApp(t, {}, async ({ page, shot }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await importAll(page, dir);
    await byTestId(page, 'nav-orders').click();
    await until(async () => /共 100 条/.test((await byTestId(page, 'orders-total').textContent()) ?? ''), '100 orders');
    await pickOption(page, 'orders-page-size', '100 条/页');
    await until(async () => (await byTestId(page, 'order-row').count()) === 100, '100 rows on the page');
    assert.equal(await byTestId(page, 'orders-print').isVisible(), false, 'the paper table is not on screen');
    // 22-character order numbers, amounts, status and times across: too wide for portrait.
    assert.equal(await byTestId(page, 'orders-print').getAttribute('data-print-orientation'), 'landscape');

    const { info, pages, text } = await printPage(page, t, 'orders-print');
    assert.match(info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/, `A4 landscape: ${info}`);
    assert.ok(pages >= 3, `${pages} pages`);
    for (let p = 0; p < pages; p++) {
      const s = text[p];
      assert.match(s, /订单号\s+店铺\s+买家\s+商品\s+实付\s+状态\s+下单时间\s+物流/, `page ${p + 1} has the table's header:\n${s.slice(0, 400)}`);
      assert.match(s, new RegExp(`第\\s*${p + 1}\\s*/\\s*${pages}\\s*页`), `page ${p + 1} is numbered`);
      assert.match(s, /打印于 \d{4}-\d\d-\d\d \d\d:\d\d/, `page ${p + 1} has the print date`);
      assert.doesNotMatch(s, /上一页|下一页|全部店铺|重置|询盘登记|条\/页/, `page ${p + 1} has no sidebar, filters or pager`);
    }
    assert.match(text[0], /订单[\s\S]*共 100 条 · 第 1 \/ 1 页/);
    // Every order of the page is printed, its number whole.
    const all = text.join('\n');
    for (const no of ['261121-123456789012345', '261121-123456789012414', '2165437890123456789']) assert.ok(all.includes(no), `${no} printed whole`);

    // Filtered to the long-named shop: the filter is said on the paper.
    await pickOption(page, 'orders-filter-shop', LONG_SHOP);
    await until(async () => /共 70 条/.test((await byTestId(page, 'orders-total').textContent()) ?? ''), '70 orders of the shop');
    const filtered = await printPage(page, t, 'orders-print-shop');
    assert.match(filtered.text[0], new RegExp(`${LONG_SHOP}（拼多多）[\\s\\S]*共 70 条`));
    await shot('99-orders-before-print');
  });
});

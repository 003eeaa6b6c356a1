// 4. Several files of two platforms at once: a new JD shop is made and chosen for the JD
//    file (it names no shop; the Taobao files do), three files import in one go with
//    per-file progress, then the JD import is undone; undoing an import a later one built
//    on is refused with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { withApp, until, byTestId, pickOption, previewUpload, confirmImport, EXPORTS, TAOBAO_CSV } from './harness.mjs';

const TAOBAO_LATER = path.join(EXPORTS, 'ExportOrderList202611220900.csv');
const JD_CSV = path.join(EXPORTS, '京东订单导出_20261121.csv');

test('three files of two platforms: progress, results, undo one', async (t) => {
  await withApp(t, {}, async ({ page, shot }) => {
    await page.goto(page.url().replace(/#.*$/, '') + '#/import');
    await byTestId(page, 'import-page').waitFor();

    // A JD shop, made here: the JD file names no shop and goes to the only JD shop (the
    // preview says so, and offers the choice).
    await byTestId(page, 'new-shop-button').click();
    await pickOption(page, 'new-shop-platform', '京东');
    await byTestId(page, 'new-shop-name').fill('小米粒京东店');
    await byTestId(page, 'new-shop-ok').click();
    await until(async () => (await page.locator('.ant-modal').filter({ visible: true }).count()) === 0, 'the new-shop dialog to close');

    // Record every phase the run panel goes through: small files import quickly.
    await page.evaluate(() => {
      window.__phases = [];
      window.__progressRows = 0;
      new MutationObserver(() => {
        const run = document.querySelector('[data-testid="import-run"]');
        const phase = run?.getAttribute('data-phase');
        if (phase && window.__phases.at(-1) !== phase) window.__phases.push(phase);
        window.__progressRows = Math.max(window.__progressRows, document.querySelectorAll('[data-testid="import-progress-row"]').length);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const previews = await previewUpload(page, [TAOBAO_CSV, TAOBAO_LATER, JD_CSV]);
    await until(async () => (await previews.count()) === 3, 'three preview rows');
    // Each file previewed on its own: the later export's orders are not there yet.
    assert.match(await previews.nth(1).innerText(), /将新增 35 \/ 更新 0 \/ 未变 0/);
    // The JD export has a line per product: 4 lines are 3 orders, and it says both.
    assert.match(await previews.nth(2).innerText(), /京东 订单导出[\s\S]*小米粒京东店[\s\S]*订单：将新增 3 \/ 更新 0 \/ 未变 0 · 文件 4 行/);
    assert.match(await previews.nth(2).getByTestId('import-shop-only').innerText(), /京东唯一的店铺“小米粒京东店”/);
    await shot('29-three-files-preview');
    const rows = await confirmImport(page);
    const phases = await page.evaluate(() => window.__phases);
    assert.deepEqual(phases.filter((p) => p !== 'stale'), ['uploading', 'previewing', 'preview', 'importing', 'done'], `phases seen: ${phases}`);
    assert.equal(await page.evaluate(() => window.__progressRows), 3, 'one progress row per file');

    await until(async () => (await rows.count()) === 3, 'three result rows');
    const want = [
      [/ExportOrderList202611211800\.csv/, /新增 30 \/ 更新 0 \/ 未变 0/],
      [/ExportOrderList202611220900\.csv/, /新增 5 \/ 更新 2 \/ 未变 28/],
      [/京东订单导出_20261121\.csv/, /订单：新增 3 \/ 更新 0 \/ 未变 0 · 文件 4 行/],
    ];
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      assert.equal(await row.getAttribute('data-status'), 'success', `row ${i}`);
      const text = await row.innerText();
      assert.match(text, want[i][0]);
      assert.match(text, want[i][1], `row ${i}: ${text}`);
    }
    await shot('30-three-files');

    // The history shows the JD file under its shop; undo it.
    const history = byTestId(page, 'import-history-table');
    await until(async () => (await history.locator('tbody tr.ant-table-row').count()) === 3, 'three history rows');
    assert.match(await history.locator('tbody tr.ant-table-row').first().innerText(), /京东订单导出_20261121\.csv[\s\S]*小米粒京东店/);
    await byTestId(page, 'import-undo-3').click();
    await byTestId(page, 'import-undo-confirm').click();
    await until(async () => (await history.locator('tbody tr.ant-table-row').count()) === 2, 'two history rows after the undo');

    // The first Taobao import cannot go before the second, which changed its orders.
    await byTestId(page, 'import-undo-1').click();
    await byTestId(page, 'import-undo-confirm').click();
    const notice = page.locator('.ant-message-error');
    await notice.waitFor();
    assert.match(await notice.innerText(), /不能撤销导入 #1[\s\S]*请先撤销 #2/);
    await shot('31-undo-refused');

    // Orders: the 35 Taobao orders stay, the JD ones are gone.
    await byTestId(page, 'nav-orders').click();
    await until(async () => /共 35 条/.test((await byTestId(page, 'orders-total').textContent()) ?? ''), 'orders-total 共 35 条');
    await byTestId(page, 'orders-filter-search').locator('input').fill('290012345678');
    await byTestId(page, 'orders-filter-search').locator('input').press('Enter');
    await byTestId(page, 'orders-empty-filtered').waitFor();
  });
});

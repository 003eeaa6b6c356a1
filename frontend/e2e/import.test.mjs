// 1. Empty database → empty state → import the Taobao export (success), again (duplicate),
//    and a customer list that is no order export (Chinese error naming the file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, until, byTestId, previewUpload, confirmImport, TAOBAO_CSV, CUSTOMERS_CSV } from './harness.mjs';

/**
 * Uploads one file; a file the preview finds importable is then imported (确认导入) and
 * its result row returned; otherwise the preview row, which says why not.
 */
async function importFile(page, file) {
  const previews = await previewUpload(page, file);
  await until(async () => (await previews.count()) === 1, 'one preview row');
  if ((await previews.first().getAttribute('data-status')) !== 'success') {
    assert.ok(await byTestId(page, 'import-confirm').isDisabled(), 'nothing to import: 确认导入 disabled');
    return previews.first();
  }
  const rows = await confirmImport(page);
  await until(async () => (await rows.count()) === 1, 'one result row');
  return rows.first();
}

test('empty database: empty state, import success, duplicate and unrecognised file', async (t) => {
  await withApp(t, {}, async ({ page, shot }) => {
    // Empty state on the orders page.
    await byTestId(page, 'orders-empty-nodata').waitFor();
    await byTestId(page, 'demo-button').waitFor();
    assert.match(await byTestId(page, 'orders-empty-nodata').innerText(), /还没有数据/);
    assert.equal(await byTestId(page, 'order-row').count(), 0);
    await shot('01-empty-orders');

    // Go to import (via the empty state's own button).
    await byTestId(page, 'goto-import-button').click();
    await byTestId(page, 'import-page').waitFor();
    await until(() => page.url().endsWith('#/import'), 'the #/import route');
    assert.match(await byTestId(page, 'import-history-table').innerText(), /还没有导入过文件/);

    // The Taobao export: the preview says what will happen and shows the first rows.
    const preview = (await previewUpload(page, TAOBAO_CSV)).first();
    assert.equal(await preview.getAttribute('data-status'), 'success');
    assert.match(await preview.getByTestId('import-result-text').innerText(), /将新增 30 \/ 更新 0 \/ 未变 0/);
    const sample = preview.getByTestId('import-preview-sample');
    assert.match(await sample.innerText(), /订单编号[\s\S]*2165437890123456789[\s\S]*tb_小鱼儿2019/);
    await shot('02a-import-preview');
    assert.match(await byTestId(page, 'import-history-table').innerText(), /还没有导入过文件/, 'a preview imports nothing');

    // Confirmed: 30 new orders.
    let row = (await confirmImport(page)).first();
    assert.equal(await row.getAttribute('data-status'), 'success');
    assert.equal(await row.getAttribute('data-error-code'), null);
    const text = await row.getByTestId('import-result-text').innerText();
    assert.match(text, /新增 30 \/ 更新 0 \/ 未变 0/, `result text: ${text}`);
    assert.match(await row.innerText(), /ExportOrderList202611211800\.csv/);

    // The history lists the file with 30 orders / 30 new.
    const history = byTestId(page, 'import-history-table');
    const histRow = history.locator('tbody tr', { hasText: 'ExportOrderList202611211800.csv' });
    await histRow.first().waitFor();
    assert.equal(await histRow.count(), 1);
    const cells = (await histRow.first().locator('td').allInnerTexts()).map((s) => s.trim());
    assert.ok(cells.includes('30 个订单') && cells.includes('30'), `history row orders/new = 30: ${JSON.stringify(cells)}`);
    await shot('02-import-success');

    // Same file again: nothing changes.
    row = await importFile(page, TAOBAO_CSV);
    assert.equal(await row.getAttribute('data-status'), 'duplicate');
    assert.match(await row.getByTestId('import-result-text').innerText(), /已导入过/);
    await shot('03-import-duplicate');

    // Not an order export: a Chinese error naming the file.
    row = await importFile(page, CUSTOMERS_CSV);
    assert.equal(await row.getAttribute('data-status'), 'error');
    assert.ok(await row.getAttribute('data-error-code'), 'an error code on the failed row');
    const err = await row.getByTestId('import-result-error').innerText();
    assert.ok(err.includes('客户名单.csv'), `error names the file: ${err}`);
    assert.ok(err.includes('认不出'), `error says 认不出: ${err}`);
    await shot('04-import-error');

    // The orders page now has the 30 orders (the failed and duplicate runs added nothing).
    await byTestId(page, 'nav-orders').click();
    await until(async () => /共 30 条/.test((await byTestId(page, 'orders-total').textContent()) ?? ''), 'orders-total 共 30 条');

    // Undo the import from the history: the orders and the shops it made are gone again.
    await byTestId(page, 'nav-import').click();
    await byTestId(page, 'import-undo-1').click();
    await byTestId(page, 'import-undo-confirm').waitFor();
    await shot('05-undo-confirm');
    await byTestId(page, 'import-undo-confirm').click();
    await until(async () => /还没有导入过文件/.test(await byTestId(page, 'import-history-table').innerText()), 'history empty after undo');
    await until(async () => /已撤销“ExportOrderList202611211800\.csv”：删除 30 个订单/.test(await page.locator('.ant-message').innerText()), 'undo message');
    await shot('06-undo-done');
    await byTestId(page, 'nav-orders').click();
    await byTestId(page, 'orders-empty-nodata').waitFor();
  });
});

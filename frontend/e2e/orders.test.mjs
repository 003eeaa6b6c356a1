// 2. The orders page over the imported Taobao export: total, status filter, search by a
//    19-digit order number, detail drawer, reset, page size and keyset paging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, until, byTestId, totalOf, orderNumbers, listedBy, pickOption, settled, previewUpload, confirmImport, TAOBAO_CSV } from './harness.mjs';

const ORDER_NO = '2165437890123456789';

test('orders: filter, search, drawer, reset and paging over the Taobao export', async (t) => {
  await withApp(t, {}, async ({ page, shot }) => {
    const rows = byTestId(page, 'order-row');
    const pager = () => byTestId(page, 'orders-total').innerText();
    // Import the fixture through the UI.
    await byTestId(page, 'orders-empty-nodata').waitFor();
    await byTestId(page, 'nav-import').click();
    await previewUpload(page, TAOBAO_CSV);
    const results = await confirmImport(page);
    assert.equal(await results.first().getAttribute('data-status'), 'success');

    // All 30 orders; the default page size (50) shows them all.
    let res = await listedBy(page, () => byTestId(page, 'nav-orders').click());
    assert.equal(res.total, 30);
    await until(async () => (await totalOf(page)) === 30, 'orders-total 30');
    assert.match(await pager(), /共 30 条 · 第 1 \/ 1 页/);
    assert.match(await byTestId(page, 'orders-page-size').innerText(), /50 条\/页/, 'default page size');
    const all = await orderNumbers(page);
    assert.ok(all.length >= 20 && all.length <= 50, `rows visible: ${all.length}`);
    assert.equal(all.length, 30);
    assert.equal(new Set(all).size, 30, 'order numbers are unique');
    for (const no of all) assert.match(no, /^\d{15,20}$/, `order number shown in full: ${no}`);
    assert.ok(all.includes(ORDER_NO));
    await shot('10-orders-all');

    // Status 待发货: every tag says 待发货 and the total shrinks.
    res = await listedBy(page, () => pickOption(page, 'orders-filter-status', '待发货'));
    const toShip = res.total;
    assert.ok(toShip > 0 && toShip < 30, `to_ship total ${toShip}`);
    await until(async () => (await totalOf(page)) === toShip, `orders-total ${toShip}`);
    assert.equal(await rows.count(), toShip);
    const tags = await rows.locator('.ant-tag[data-status]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.textContent]));
    assert.equal(tags.length, toShip, 'one status tag per row');
    for (const [code, label] of tags) {
      assert.equal(code, 'to_ship');
      assert.equal(label, '待发货');
    }
    await shot('11-orders-to-ship');

    // Search the 19-digit order number (on top of 待发货: it is a to_ship order).
    const search = byTestId(page, 'orders-filter-search').locator('input');
    await search.fill(ORDER_NO);
    res = await listedBy(page, () => search.press('Enter'));
    assert.equal(res.total, 1);
    await until(async () => (await totalOf(page)) === 1, 'orders-total 1');
    assert.equal(await rows.count(), 1);
    const shown = await rows.first().getByTestId('order-no').innerText();
    assert.equal(shown.trim(), ORDER_NO, 'the order number in full, not 2.165E+18');
    await shot('12-orders-search');

    // The drawer shows the buyer.
    await rows.first().locator('td').nth(2).click(); // the buyer cell (not the copy icon)
    const drawer = byTestId(page, 'order-drawer');
    await drawer.waitFor();
    await settled(page.locator('.ant-drawer-content-wrapper'));
    const drawerText = await drawer.innerText();
    assert.ok(drawerText.includes('tb_小鱼儿2019'), `drawer shows the buyer: ${drawerText}`);
    assert.equal((await drawer.getByTestId('order-no').innerText()).trim(), ORDER_NO);
    assert.equal(await drawer.locator('.ant-tag[data-status]').getAttribute('data-status'), 'to_ship');
    assert.ok(drawerText.includes('买家已付款，等待卖家发货'), 'the platform status text next to the tag');
    await shot('13-order-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // Reset: all 30 again, search box and status cleared.
    res = await listedBy(page, () => byTestId(page, 'orders-filter-reset').click());
    assert.equal(res.total, 30);
    await until(async () => (await totalOf(page)) === 30, 'orders-total back to 30 after reset');
    assert.equal(await rows.count(), 30);
    assert.equal(await search.inputValue(), '');
    assert.match(await byTestId(page, 'orders-filter-status').innerText(), /全部状态/);
    assert.deepEqual(await orderNumbers(page), all, 'the same first page as before filtering');

    // Page size 20: page 1 has 20, next has the other 10, prev returns to page 1.
    res = await listedBy(page, () => pickOption(page, 'orders-page-size', '20 条/页'));
    const first = await orderNumbers(page);
    assert.equal(first.length, 20);
    assert.deepEqual(first, all.slice(0, 20), 'page 1 at 20 per page starts like the 50 page');
    assert.match(await pager(), /共 30 条 · 第 1 \/ 2 页/);
    assert.ok(await byTestId(page, 'orders-prev').isDisabled(), 'no page before the first');
    await shot('14-orders-page1');

    res = await listedBy(page, () => byTestId(page, 'orders-next').click());
    const second = await orderNumbers(page);
    assert.equal(second.length, 10);
    assert.equal(res.nextCursor, '', 'the last page has no next cursor');
    assert.deepEqual(second.filter((n) => first.includes(n)), [], 'page 2 repeats no order of page 1');
    assert.equal(new Set([...first, ...second]).size, 30, 'the two pages cover all 30 orders');
    assert.deepEqual(second, all.slice(20), 'page 2 continues where page 1 stopped');
    assert.ok(await byTestId(page, 'orders-next').isDisabled(), 'no page after the last');
    assert.ok(!(await byTestId(page, 'orders-prev').isDisabled()), '上一页 enabled on page 2');
    assert.match(await pager(), /共 30 条 · 第 2 \/ 2 页/, 'total kept on later pages');
    await shot('15-orders-page2');

    await listedBy(page, () => byTestId(page, 'orders-prev').click());
    assert.deepEqual(await orderNumbers(page), first, 'prev shows page 1 again, same order');
    assert.match(await pager(), /第 1 \/ 2 页/);
  });
});

// The page size is remembered in localStorage (this once failed silently: a save that
// recursed into itself and swallowed the RangeError).
test('orders: the chosen page size survives a reload', async (t) => {
  await withApp(t, { demo: true }, async ({ page, shot }) => {
    await until(async () => (await totalOf(page)) > 0, 'demo orders');
    await listedBy(page, () => pickOption(page, 'orders-page-size', '20 条/页'));
    assert.equal(await byTestId(page, 'order-row').count(), 20);
    await listedBy(page, () => page.reload());
    await shot('16-orders-page-size-after-reload');
    assert.match(await byTestId(page, 'orders-page-size').innerText(), /20 条\/页/, 'page size 20 kept after reload');
    assert.equal(await byTestId(page, 'order-row').count(), 20);
  });
});

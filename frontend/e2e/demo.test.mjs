// 3. Demo data from the empty state, keyset paging over several pages, English UI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, until, byTestId, totalOf, orderNumbers, listedBy, pickOption } from './harness.mjs';

test('demo: create demo shops, page through without repeats, switch to English', async (t) => {
  await withApp(t, {}, async ({ page, shot }) => {
    await byTestId(page, 'orders-empty-nodata').waitFor();
    const first = await listedBy(page, () => byTestId(page, 'demo-button').click());
    const total = first.total;
    assert.ok(total > 200, `demo orders: ${total}`);
    await until(async () => (await totalOf(page)) === total, `orders-total ${total}`);
    assert.equal(await byTestId(page, 'orders-empty-nodata').count(), 0);
    await shot('20-demo-orders');

    // The shops page lists the demo shops with their order counts.
    await byTestId(page, 'nav-shops').click();
    const shopRows = byTestId(page, 'shops-table').locator('tbody tr.ant-table-row');
    await until(async () => (await shopRows.count()) > 0, 'demo shops listed');
    const counts = await byTestId(page, 'shop-order-count').evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
    assert.equal(counts.reduce((a, b) => a + b, 0), total, `the shops' order counts ${JSON.stringify(counts)} add up to the total`);
    await shot('21-demo-shops');
    await listedBy(page, () => byTestId(page, 'nav-orders').click());
    await until(async () => (await totalOf(page)) === total, 'the orders page again');

    // Keyset paging at 50 per page (the default): 4 pages forward, no order twice.
    assert.match(await byTestId(page, 'orders-page-size').innerText(), /50 条\/页/);
    const pages = Math.ceil(total / 50);
    const seen = new Map();
    const walk = Math.min(pages, 5);
    for (let p = 1; p <= walk; p++) {
      assert.match(await byTestId(page, 'orders-total').innerText(), new RegExp(`第 ${p} / ${pages} 页`));
      const nos = await orderNumbers(page);
      assert.equal(nos.length, p < pages ? 50 : total - 50 * (pages - 1), `rows on page ${p}`);
      for (const no of nos) {
        assert.ok(!seen.has(no), `order ${no} on page ${p} was already on page ${seen.get(no)}`);
        seen.set(no, p);
      }
      assert.equal(await totalOf(page), total, `total kept on page ${p}`);
      assert.equal(await byTestId(page, 'orders-prev').isDisabled(), p === 1, `上一页 enabled on page ${p} > 1 only`);
      assert.equal(await byTestId(page, 'orders-next').isDisabled(), p === pages, `下一页 enabled before the last page (page ${p})`);
      if (p === 3) await shot('22-demo-page3');
      if (p < walk) await listedBy(page, () => byTestId(page, 'orders-next').click());
    }

    // Back one page: the same numbers as when we came forward.
    const lastPage = await orderNumbers(page);
    await listedBy(page, () => byTestId(page, 'orders-prev').click());
    assert.match(await byTestId(page, 'orders-total').innerText(), new RegExp(`第 ${walk - 1} / ${pages} 页`));
    const back = await orderNumbers(page);
    assert.ok(back.every((no) => seen.get(no) === walk - 1), 'prev shows the previous page again');
    assert.ok(!back.some((no) => lastPage.includes(no)));

    // Page size 100 restarts at page 1 with 100 rows.
    await listedBy(page, () => pickOption(page, 'orders-page-size', '100 条/页'));
    assert.match(await byTestId(page, 'orders-total').innerText(), new RegExp(`第 1 / ${Math.ceil(total / 100)} 页`));
    const hundred = await orderNumbers(page);
    assert.equal(hundred.length, 100);
    assert.equal(new Set(hundred).size, 100);

    // English.
    await byTestId(page, 'lang-en').click();
    await until(async () => (await byTestId(page, 'nav-orders').innerText()) === 'Orders', 'the English nav');
    assert.equal(await byTestId(page, 'nav-import').innerText(), 'Import');
    assert.equal(await byTestId(page, 'nav-shops').innerText(), 'Shops');
    assert.equal(await byTestId(page, 'page-title').innerText(), 'Orders');
    assert.doesNotMatch(await byTestId(page, 'orders-total').innerText(), /[共条页]/, 'pager text translated too');
    await shot('23-demo-english');

    // And back to Chinese.
    await byTestId(page, 'lang-zh').click();
    await until(async () => (await byTestId(page, 'nav-orders').innerText()) === '订单', 'the Chinese nav');
  });
});

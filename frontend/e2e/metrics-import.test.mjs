// Issue 12, shop metrics imported: a 生意参谋 店铺 daily export (a title line above the
// header, percent and money cells, a '-' day, a 合计 line) dropped on the import page; the
// platform has two shops and the file names none, so the preview asks; the shop is picked,
// the file imported, and the 店铺数据 page shows the figures for that shop. Then undone
// from the history: the days are empty again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, pickOption, previewUpload, confirmImport, callService, settled } from './harness.mjs';

const FILE = '【生意参谋】店铺整体指标-日.csv';

async function pickRowShop(page, file, shop) {
  const row = byTestId(page, 'import-preview-row').filter({ hasText: file });
  const select = row.getByTestId('import-file-shop-select');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true });
  await select.click();
  await open.first().waitFor();
  await settled(open.first());
  await open.first().locator('.ant-select-item-option', { hasText: shop }).first().click();
  await until(async () => (await open.count()) === 0, 'the dropdown to close');
  await until(async () => (await row.getAttribute('data-status')) === 'success' && (await row.locator('[data-testid="import-shop-pending"]').count()) === 0, `${file} checked again with ${shop}`);
}

test('a 生意参谋 daily export: shop picked on the preview, figures on 店铺数据, undone', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-metrics-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const [d1, d2, d3] = [`${month}-01`, `${month}-02`, `${month}-03`];
  const file = path.join(dir, FILE);
  writeFileSync(
    file,
    '\ufeff' +
      [
        '【生意参谋平台】店铺整体指标',
        `统计时间：${d1} ~ ${d3}`,
        '',
        '统计日期,访客数,浏览量,支付买家数,支付金额,支付转化率,客单价',
        `${d1},"1,234","3,702",37,"5,550.00",3.00%,150.00`,
        `${d2},-,-,-,-,-,-`,
        `${d3},1300,3900,39,"5,850.00",3.00%,150.00`,
        '合计,"2,534","7,602",76,"11,400.00",3.00%,150.00',
      ].join('\r\n'),
  );
  await withApp(t, {}, async ({ page, url, shot }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await callService(page, 'app.ShopService.Create', 'taobao', '小米粒旗舰店');
    await callService(page, 'app.ShopService.Create', 'taobao', '小米粒二店');
    await page.goto(url + '#/import');
    await page.reload(); // the shops made through the API
    await byTestId(page, 'import-page').waitFor();
    const rows = await previewUpload(page, [file]);
    assert.equal(await rows.count(), 1);
    await pickRowShop(page, FILE, '小米粒二店');
    await shot('metrics-import-preview-1366x768');
    const results = await confirmImport(page);
    await until(async () => (await results.first().getAttribute('data-status')) === 'success', 'the file imported');
    await shot('metrics-import-done-1366x768');

    const days = await callService(page, 'app.MetricsService.Range', d1, d3);
    const shops = await callService(page, 'app.ShopService.List');
    const second = shops.find((s) => s.name === '小米粒二店').id;
    const mine = days.find((s) => s.shopId === second);
    assert.ok(mine, JSON.stringify(days).slice(0, 300));
    assert.deepEqual(
      mine.days.map((d) => [d.day, d.visitors, d.pageViews, d.buyers]),
      [
        [d1, 1234, 3702, 37],
        [d2, null, null, null],
        [d3, 1300, 3900, 39],
      ],
    );

    await page.goto(url + '#/metrics');
    await byTestId(page, 'metrics-page').waitFor();
    await pickOption(page, 'metrics-shop', '小米粒二店');
    const visitors = byTestId(page, `metrics-cell-${d1}-visitors`);
    await until(async () => (await visitors.inputValue()) === '1,234' || (await visitors.inputValue()) === '1234', 'the imported visitors on 店铺数据');
    assert.match(await byTestId(page, `metrics-cell-${d3}-buyers`).inputValue(), /^39$/);
    assert.match(await byTestId(page, `metrics-cell-${d1}-pageViews`).inputValue(), /^3,?702$/, 'the imported page views shown');
    for (const [w, h] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await settled(byTestId(page, 'metrics-table'));
      await shot(`metrics-imported-${w}x${h}`);
    }

    // Undone from the import history: the days are as they were (no figures).
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url + '#/import');
    await byTestId(page, 'import-page').waitFor();
    const batches = await callService(page, 'app.ImportService.ListBatches');
    const batch = batches.find((b) => b.fileName === FILE);
    await byTestId(page, `import-undo-${batch.id}`).click();
    await byTestId(page, 'import-undo-confirm').waitFor();
    await settled(page.locator('.ant-popover').filter({ visible: true }).first());
    await shot('metrics-undo-confirm-1366x768');
    await byTestId(page, 'import-undo-confirm').click();
    await until(async () => {
      const after = await callService(page, 'app.MetricsService.Range', d1, d3);
      return after.find((s) => s.shopId === second).days.every((d) => d.visitors == null && d.buyers == null);
    }, 'the figures gone after undo');
    await page.locator('.ant-message').filter({ hasText: '恢复成导入前' }).waitFor();
    await shot('metrics-undone-1366x768');
  });
});

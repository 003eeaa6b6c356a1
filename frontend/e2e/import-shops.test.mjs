// Issue 14, the import side, as a new user meets it at 1366x768 and 1920x1080:
// - a file without 店铺名称 and a platform with one shop: the preview says it goes to that
//   shop, before anything is imported, and the seller can change it;
// - a shop made and picked on the preview: the preview shows it and the import uses it
//   (they never disagree), also when a shop is made while the preview waits;
// - a mixed batch of 13 files on 5 platforms, 6 of them without a shop: each gets its own
//   choice, the remembered one preselected; shops named above the header are read;
//   orders are counted (抖店 250 rows -> 200 orders, 1688 134 -> 80, 千牛 144 -> 120) with the
//   rows beside them; a file that is no export says what is missing and is tagged 失败.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, pickOption, previewUpload, confirmImport, callService, settled, EXPORTS, TAOBAO_CSV, CUSTOMERS_CSV } from './harness.mjs';
import { douyinLines, douyinOrders, lines1688, pddExport, qianniuLines, writeCSV } from './exports.mjs';

const TAOBAO_LATER = path.join(EXPORTS, 'ExportOrderList202611220900.csv');
const JD_CSV = path.join(EXPORTS, '京东订单导出_20261121.csv');
const SIZES = [
  [1366, 768],
  [1920, 1080],
];

function tempDir(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-import-shops-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function openImport(page, width, height) {
  await page.setViewportSize({ width, height });
  await page.goto(page.url().replace(/#.*$/, '') + '#/import');
  await byTestId(page, 'import-page').waitFor();
}

/** The preview row of a file, by its name. */
const previewRow = (page, file) => byTestId(page, 'import-preview-row').filter({ hasText: file });
const resultRow = (page, file) => byTestId(page, 'import-result-row').filter({ hasText: file });

/** The shop Select of one preview row: picks the option (the row's Select only). */
async function pickRowShop(page, file, shop) {
  const row = previewRow(page, file);
  const select = row.getByTestId('import-file-shop-select');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true });
  await select.click();
  await open.first().waitFor();
  await settled(open.first());
  await open.first().locator('.ant-select-item-option', { hasText: shop }).first().click();
  await until(async () => (await open.count()) === 0, 'the dropdown to close');
  await until(async () => (await row.getAttribute('data-status')) === 'success' && (await row.locator('[data-testid="import-shop-pending"]').count()) === 0, `${file} checked again with ${shop}`);
}

async function modalOpen(page) {
  const modal = page.locator('.ant-modal').filter({ visible: true }).last();
  await modal.waitFor();
  await settled(modal);
  return modal;
}

async function modalClosed(page) {
  await until(async () => (await page.locator('.ant-modal').filter({ visible: true }).count()) === 0, 'the dialog to close');
}

/** The shops of the orders with these numbers, through the orders list the UI reads. */
async function shopOfOrder(page, orderNo) {
  const res = await callService(page, 'app.OrderService.List', { search: orderNo, limit: 5 });
  return res.rows.find((o) => o.orderNo === orderNo)?.shopName;
}

for (const [width, height] of SIZES) {
  test(`one shop on the platform, a shop made on the preview (${width}x${height})`, async (t) => {
    const dir = tempDir(t);
    await withApp(t, {}, async ({ page, shot }) => {
      await openImport(page, width, height);
      await callService(page, 'app.ShopService.Create', 'pdd', '小米粒拼多多店');
      await page.reload();
      await byTestId(page, 'import-page').waitFor();

      // The file names no shop; the platform has one: the preview says where it goes.
      const file = pddExport(dir, 'pdd_orders_20261121.csv', { n: 3 });
      let row = (await previewUpload(page, file)).first();
      assert.equal(await row.getAttribute('data-status'), 'success');
      const choice = row.getByTestId('import-file-shop');
      assert.equal(await choice.getAttribute('data-shop-from'), 'only');
      assert.match(await row.getByTestId('import-shop-only').innerText(), /文件里没有店铺名称：将导入到拼多多唯一的店铺“小米粒拼多多店”/);
      assert.match(await row.getByTestId('import-file-shop-select').innerText(), /小米粒拼多多店/);
      assert.ok(await row.getByTestId('import-shop-only').isVisible(), 'the notice is on screen');
      await shot(`90-only-shop-${width}`);

      // The seller makes another shop on the row: it is picked, the row is checked again
      // and shows it; the import goes there, as shown.
      await row.getByTestId('import-file-new-shop').click();
      await modalOpen(page);
      assert.match(await byTestId(page, 'new-shop-platform').innerText(), /拼多多/);
      await byTestId(page, 'new-shop-name').fill('暖暖家居拼多多店');
      await byTestId(page, 'new-shop-ok').click();
      await modalClosed(page);
      await until(async () => /暖暖家居拼多多店/.test(await row.getByTestId('import-file-shop-select').innerText()), 'the new shop picked');
      await until(async () => (await row.getByTestId('import-file-shop').getAttribute('data-shop-from')) === 'chosen', 'the row checked again with the new shop');
      assert.match(await row.innerText(), /pdd_orders_20261121\.csv[\s\S]*暖暖家居拼多多店[\s\S]*订单：将新增 3/);
      assert.equal(await row.getByTestId('import-shop-only').count(), 0);
      await shot(`91-new-shop-picked-${width}`);
      const done = (await confirmImport(page)).first();
      assert.match(await done.innerText(), /暖暖家居拼多多店[\s\S]*订单：新增 3 \/ 更新 0 \/ 未变 0/);
      assert.equal(await shopOfOrder(page, '261121-123456789012345'), '暖暖家居拼多多店');

      // A shop made while a preview says "the only shop": the preview is checked again and
      // now asks, instead of importing somewhere it did not show.
      await callService(page, 'app.ImportService.ForgetShopChoice', (await callService(page, 'app.ImportService.ListShopChoices'))[0].id);
      await callService(page, 'app.ShopService.Delete', (await callService(page, 'app.ShopService.List')).find((s) => s.name === '小米粒拼多多店').id, '小米粒拼多多店');
      await page.reload();
      await byTestId(page, 'import-page').waitFor();
      row = (await previewUpload(page, pddExport(dir, 'pdd_orders_20261122.csv', { n: 2, start: 10 }))).first();
      assert.equal(await row.getByTestId('import-file-shop').getAttribute('data-shop-from'), 'only');
      assert.match(await row.getByTestId('import-shop-only').innerText(), /唯一的店铺“暖暖家居拼多多店”/);
      await byTestId(page, 'new-shop-button').click(); // the page's 新建店铺, not the row's
      await modalOpen(page);
      assert.match(await byTestId(page, 'new-shop-platform').innerText(), /淘宝/); // no file asks yet
      await pickOption(page, 'new-shop-platform', '拼多多');
      await byTestId(page, 'new-shop-name').fill('拼多多二店');
      await byTestId(page, 'new-shop-ok').click();
      await modalClosed(page);
      await until(async () => (await row.getAttribute('data-error-code')) === 'need_shop', 'the file to ask for its shop now');
      assert.match(await row.getByTestId('import-result-error').innerText(), /有 2 个拼多多店铺/);
      assert.ok(await byTestId(page, 'import-confirm').isDisabled(), 'nothing to import until a shop is picked');
      await pickRowShop(page, 'pdd_orders_20261122.csv', '拼多多二店');
      await confirmImport(page);
      assert.equal(await shopOfOrder(page, '261121-123456789012355'), '拼多多二店');
    });
  });
}

/** The batch's files, written to dir: [file, expected] in the order they are dropped. */
function batch(dir) {
  const later = path.join(dir, 'ExportOrderList202611220900.csv');
  copyFileSync(TAOBAO_LATER, later);
  const jdLater = path.join(dir, 'jd_orders_20261122.csv');
  const jd = readFileSync(JD_CSV).toString('latin1').split('\n');
  writeFileSync(jdLater, Buffer.from([jd[0], ...jd.slice(1).map((l) => l.replace(/^2900/, '2901'))].join('\n'), 'latin1'));
  const erp = writeCSV(path.join(dir, '订单分析.csv'), ['订单编号', '订单创建时间', '收件人', '实付金额', 'ERP单号'], [['2165437890123459999', '2026-11-21 10:00:00', '张', '10.00', 'E1']]);
  const customers = path.join(dir, '客户名单.csv');
  copyFileSync(CUSTOMERS_CSV, customers);
  const again = path.join(dir, 'ExportOrderList202611211800(1).csv');
  copyFileSync(TAOBAO_CSV, again);
  return [
    [later, { shop: '小米粒母婴旗舰店、暖暖家居小铺', from: 'column' }],
    [qianniuLines(dir, '千牛子订单_20261121.xlsx', { n: 120, extra: 24 }), { from: 'need_shop', pick: '小米粒母婴旗舰店', orders: 120, rows: 144 }],
    [copyTo(JD_CSV, dir), { from: 'remembered', shop: '小米粒京东自营店' }],
    [jdLater, { from: 'need_shop', pick: '小米粒京东店' }],
    [pddExport(dir, 'pdd_orders_20261121.csv', { n: 4 }), { from: 'only', shop: '小米粒拼多多店' }],
    [pddExport(dir, 'pdd_暖暖.csv', { n: 2, start: 20, preamble: ['拼多多订单导出', '店铺：暖暖家居拼多多店', '导出时间：2026-11-22 09:00'] }), { from: 'preamble', shop: '暖暖家居拼多多店', line: 2 }],
    [douyinLines(dir, '抖店订单_20261121.csv', { n: 200, extra: 50 }), { from: 'need_shop', newShop: '暖暖抖音小店', orders: 200, rows: 250 }],
    [lines1688(dir, '1688订单_20261121.xlsx', { n: 80, extra: 54 }), { from: 'only', shop: '义乌杯具源头厂', orders: 80, rows: 134 }],
    [pddExport(dir, 'pdd_小米粒.csv', { n: 1, start: 30, preamble: ['店铺名称：小米粒拼多多店'] }), { from: 'preamble', shop: '小米粒拼多多店', line: 1 }],
    [douyinOrders(dir, '抖店主订单.csv', { n: 3, preamble: ['订单导出', '店铺名: 暖暖抖音小店'] }), { from: 'preamble', shop: '暖暖抖音小店', line: 2 }],
    [customers, { error: 'unknown_format', says: /第 1 行像是表头（姓名、电话、地址）[\s\S]*缺少“打卡时间”/ }], // 姓名 is a punch file's column: the message says what else such a file has
    [erp, { error: 'unknown_format', says: /有“淘宝\/天猫 订单报表”的“订单编号”“订单创建时间”，但缺少“买家会员名”“订单状态”/ }],
    [again, { duplicate: true }],
  ];
}

function copyTo(file, dir) {
  const to = path.join(dir, path.basename(file));
  copyFileSync(file, to);
  return to;
}

for (const [width, height] of SIZES) {
  test(`a mixed batch: 13 files, 6 without a shop, 5 platforms (${width}x${height})`, async (t) => {
    const dir = tempDir(t);
    await withApp(t, {}, async ({ page, shot }) => {
      await openImport(page, width, height);
      // The shops so far: two Taobao shops (from their report), two JD shops, one 拼多多
      // and one 1688 shop; the JD back office's export was filed under 自营店 once.
      for (const [p, n] of [['jd', '小米粒京东店'], ['jd', '小米粒京东自营店'], ['pdd', '小米粒拼多多店'], ['1688', '义乌杯具源头厂']]) {
        await callService(page, 'app.ShopService.Create', p, n);
      }
      await page.reload();
      await byTestId(page, 'import-page').waitFor();
      await previewUpload(page, TAOBAO_CSV);
      await confirmImport(page);
      const jdEarlier = path.join(dir, '京东订单导出_20261120.csv');
      const jd = readFileSync(JD_CSV).toString('latin1').split('\n');
      writeFileSync(jdEarlier, Buffer.from([jd[0], ...jd.slice(1).map((l) => l.replace(/^2900/, '2902'))].join('\n'), 'latin1'));
      let row = (await previewUpload(page, jdEarlier)).first();
      assert.equal(await row.getAttribute('data-error-code'), 'need_shop');
      await pickRowShop(page, '京东订单导出_20261120.csv', '小米粒京东自营店');
      await confirmImport(page);

      // The batch.
      const files = batch(dir);
      const previews = await previewUpload(page, files.map(([f]) => f));
      await until(async () => (await previews.count()) === 13, '13 preview rows');
      const name = (f) => path.basename(f);
      for (const [f, want] of files) {
        const r = previewRow(page, name(f));
        const choice = r.getByTestId('import-file-shop');
        if (want.from && want.from !== 'column' && want.from !== 'preamble') {
          assert.equal(await choice.getAttribute('data-shop-from'), want.from, name(f));
        } else {
          assert.equal(await choice.count(), 0, `${name(f)} names its shop: no choice`);
        }
        if (want.from === 'need_shop') assert.equal(await r.getByTestId('import-result-tag').innerText(), '待选店铺', name(f));
        if (want.from === 'remembered') assert.match(await r.getByTestId('import-shop-remembered').innerText(), new RegExp(`按上次的选择归到店铺“${want.shop}”`));
        if (want.from === 'only') assert.match(await r.getByTestId('import-shop-only').innerText(), new RegExp(`唯一的店铺“${want.shop}”`));
        if (want.from === 'preamble') {
          assert.match(await r.innerText(), new RegExp(want.shop));
          assert.match(await r.getByTestId('import-shop-line').innerText(), new RegExp(`店铺取自文件第 ${want.line} 行`));
        }
        if (want.error) {
          assert.equal(await r.getAttribute('data-error-code'), want.error, name(f));
          assert.equal(await r.getByTestId('import-result-tag').innerText(), '失败');
          const msg = await r.getByTestId('import-result-error').innerText();
          assert.match(msg, want.says);
          assert.doesNotMatch(msg, /没有找到订单表头/);
        }
      }
      assert.equal(await byTestId(page, 'import-file-shop').count(), 6, 'six files without a shop, six choices');
      assert.match(await byTestId(page, 'import-need-shop-alert').innerText(), /有 3 个文件没有写明所属店铺/);
      assert.match(await byTestId(page, 'import-confirm').innerText(), /导入其中 7 个文件/);
      await byTestId(page, 'import-run').scrollIntoViewIfNeeded();
      await shot(`92-batch-preview-${width}`);

      // Each file's own shop: picked on its row, a new one made on the 抖店 row.
      for (const [f, want] of files) {
        if (want.pick) await pickRowShop(page, name(f), want.pick);
        if (want.newShop) {
          const r = previewRow(page, name(f));
          await r.getByTestId('import-file-new-shop').click();
          await modalOpen(page);
          assert.match(await byTestId(page, 'new-shop-platform').innerText(), /抖店/);
          await byTestId(page, 'new-shop-name').fill(want.newShop);
          await byTestId(page, 'new-shop-ok').click();
          await modalClosed(page);
          await until(async () => (await r.getAttribute('data-status')) === 'success' && (await r.getByTestId('import-shop-pending').count()) === 0, `${name(f)} with its new shop`);
        }
      }
      for (const [f, want] of files) {
        if (!want.rows) continue;
        assert.match(await previewRow(page, name(f)).getByTestId('import-result-text').innerText(), new RegExp(`订单：将新增 ${want.orders} / 更新 0 / 未变 0 · 文件 ${want.rows} 行`), name(f));
      }
      await until(async () => /导入其中 10 个文件/.test(await byTestId(page, 'import-confirm').innerText()), 'ten files to import');
      await previewRow(page, '千牛子订单_20261121.xlsx').scrollIntoViewIfNeeded();
      await shot(`93-batch-picked-${width}`);
      // What each importable file's preview says is where it goes.
      const shown = {};
      for (const [f] of files) {
        const r = previewRow(page, name(f));
        if ((await r.getAttribute('data-status')) === 'success') shown[name(f)] = await r.locator('.ant-tag-blue').innerText();
      }

      const results = await confirmImport(page);
      await until(async () => (await results.count()) === 10, 'ten result rows');
      for (const [file, shop] of Object.entries(shown)) {
        const r = resultRow(page, file);
        assert.equal(await r.getAttribute('data-status'), 'success', file);
        assert.equal(await r.locator('.ant-tag-blue').innerText(), shop, `${file}: the import went where its preview said`);
      }
      for (const [f, want] of files) {
        if (want.rows) assert.match(await resultRow(page, name(f)).getByTestId('import-result-text').innerText(), new RegExp(`订单：新增 ${want.orders} / 更新 0 / 未变 0 · 文件 ${want.rows} 行`));
      }
      await shot(`94-batch-done-${width}`);
      assert.equal(await shopOfOrder(page, '4001000000000000000'), '小米粒母婴旗舰店');
      assert.equal(await shopOfOrder(page, '6920000000000000000'), '暖暖抖音小店');
      assert.equal(await shopOfOrder(page, '261121-123456789012365'), '暖暖家居拼多多店');

      // The history counts orders, rows beside them where they differ.
      const history = byTestId(page, 'import-history-table');
      const hist = history.locator('tbody tr.ant-table-row', { hasText: '抖店订单_20261121.csv' });
      await hist.waitFor();
      assert.match(await hist.getByTestId('import-history-amount').innerText(), /200 个订单 · 250 行/);
      await history.scrollIntoViewIfNeeded();
      await shot(`95-history-${width}`);
    });
  });
}

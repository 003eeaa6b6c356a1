// 店铺: a 京东 file without 店铺名称 gets a new shop that starts at 京东; a renamed shop
// still receives the next export that carries its old name; two 京东 shops with the same
// orders are merged (the plan names the order numbers both have), the merge is undone from
// the list and from the message; a shop is deleted after its name is typed. Shop names are
// never cut; the time zone reads 北京时间 (UTC+8). At 1366x768 and 1920x1080.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, pickOption, previewUpload, confirmImport, settled, EXPORTS, TAOBAO_CSV } from './harness.mjs';

const TAOBAO_LATER = path.join(EXPORTS, 'ExportOrderList202611220900.csv');
const JD_CSV = path.join(EXPORTS, '京东订单导出_20261121.csv');

/** The JD sample export with one order more (ASCII edits keep its GB2312 bytes). */
function jdWithOneMore(dir) {
  const text = readFileSync(JD_CSV).toString('latin1');
  const lines = text.split('\n');
  const extra = lines[1].replace(/^\d+/, '290099999999');
  const file = path.join(dir, 'jd_orders_20261121.csv');
  writeFileSync(file, Buffer.from([...lines.slice(0, -1), extra, lines.at(-1)].join('\n'), 'latin1'));
  return file;
}

const row = (page, name) => page.locator(`[data-testid="shop-row"][data-shop-name="${name}"]`);

async function shopId(page, name) {
  await row(page, name).waitFor();
  return row(page, name).getAttribute('data-shop-id');
}

async function shopNames(page) {
  return page.locator('[data-testid="shop-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shop-name')));
}

async function openModal(page) {
  const modal = page.locator('.ant-modal').filter({ visible: true }).last();
  await modal.waitFor();
  await settled(modal);
  return modal;
}

async function modalClosed(page) {
  await until(async () => (await page.locator('.ant-modal').filter({ visible: true }).count()) === 0, 'the dialog to close');
}

/** No shop name or time zone on the page is cut: each cell is as wide as its text. */
async function assertNothingCut(page) {
  const cut = await page.locator('[data-testid="shop-name"], [data-testid="shop-timezone"], [data-testid="shops-table"] th').evaluateAll((els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent),
  );
  assert.deepEqual(cut, [], 'cut cells');
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
]) {
  test(`shops at ${width}x${height}: rename, merge and undo, delete`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-shops-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const tag = `${width}`;
    await withApp(t, {}, async ({ page, shot }) => {
      await page.setViewportSize({ width, height });
      await page.goto(page.url().replace(/#.*$/, '') + '#/import');
      await byTestId(page, 'import-page').waitFor();

      // A Taobao report (names its shops) and a JD export (names none, no JD shop yet).
      const previews = await previewUpload(page, [TAOBAO_CSV, JD_CSV]);
      await until(async () => (await previews.count()) === 2, 'two preview rows');
      assert.equal(await previews.nth(1).getAttribute('data-error-code'), 'need_shop');
      // 新建店铺 (on the file's row) starts at the file's platform.
      await previews.nth(1).getByTestId('import-file-new-shop').click();
      await openModal(page);
      assert.match(await byTestId(page, 'new-shop-platform').innerText(), /京东/);
      await shot(`80-new-shop-jd-${tag}`);
      await byTestId(page, 'new-shop-name').fill('京东新店');
      await byTestId(page, 'new-shop-ok').click();
      await modalClosed(page);
      // The new shop is picked for the file, which is checked again at once.
      await until(async () => (await byTestId(page, 'import-preview-row').nth(1).getAttribute('data-status')) === 'success', 'the JD file to be importable');
      assert.match(await previews.nth(1).innerText(), /京东新店/);
      await confirmImport(page);
      // A second JD shop gets the same orders and one more.
      await page.evaluate(async () => window.go.app.ShopService.Create('jd', '小米粒京东自营店'));
      await page.reload();
      await byTestId(page, 'import-page').waitFor();
      const second = (await previewUpload(page, [jdWithOneMore(dir)])).first();
      assert.equal(await second.getAttribute('data-error-code'), 'need_shop');
      await pickOption(page, 'import-file-shop-select', '小米粒京东自营店');
      await until(async () => (await second.getAttribute('data-status')) === 'success', 'the file to be importable');
      await confirmImport(page);

      await byTestId(page, 'nav-shops').click();
      await byTestId(page, 'shops-page').waitFor();
      await until(async () => (await shopNames(page)).length === 4, 'four shops');
      assert.equal(await row(page, '小米粒母婴旗舰店').getByTestId('shop-timezone').innerText(), '北京时间 (UTC+8)');
      await assertNothingCut(page);
      await shot(`81-shops-${tag}`);

      // Rename: the next export still says 小米粒母婴旗舰店 and goes to the renamed shop.
      await byTestId(page, `shop-rename-${await shopId(page, '小米粒母婴旗舰店')}`).click();
      const rename = await openModal(page);
      assert.match(await rename.innerText(), /原名“小米粒母婴旗舰店”会记为曾用名/);
      await byTestId(page, 'shop-rename-input').fill('小米粒母婴');
      await byTestId(page, 'shop-rename-ok').click();
      await modalClosed(page);
      await row(page, '小米粒母婴').waitFor();
      assert.match(await row(page, '小米粒母婴').getByTestId('shop-old-names').innerText(), /曾用名：小米粒母婴旗舰店/);
      await shot(`82-renamed-${tag}`);
      await byTestId(page, 'nav-import').click();
      const later = await previewUpload(page, [TAOBAO_LATER]);
      // (The sample rows show the file as written: 店铺名称 小米粒母婴旗舰店.)
      assert.match(await later.first().innerText(), /小米粒母婴、暖暖家居小铺[\s\S]*将新增 5 \/ 更新 2/);
      const done = await confirmImport(page);
      assert.match(await done.first().innerText(), /小米粒母婴、暖暖家居小铺[\s\S]*新增 5 \/ 更新 2/);
      await byTestId(page, 'nav-shops').click();
      await until(async () => (await shopNames(page)).length === 4, 'still four shops');
      assert.ok(!(await shopNames(page)).includes('小米粒母婴旗舰店'), 'no shop of the old name');

      // Merge 京东新店 into 小米粒京东自营店: the plan names the orders both have.
      const mistaken = await shopId(page, '京东新店');
      await byTestId(page, `shop-merge-${mistaken}`).click();
      const merge = await openModal(page);
      await pickOption(page, 'shop-merge-target', '小米粒京东自营店');
      await byTestId(page, 'shop-merge-plan').waitFor();
      const conflicts = await byTestId(page, 'shop-merge-conflicts').innerText();
      assert.match(conflicts, /两个店铺都有的：3 个订单/);
      assert.match(conflicts, /290012345678/);
      assert.match(conflicts, /保留“小米粒京东自营店”里的记录/);
      await settled(merge);
      await shot(`83-merge-plan-${tag}`);
      await byTestId(page, 'shop-merge-ok').click();
      await modalClosed(page);
      await until(async () => !(await shopNames(page)).includes('京东新店'), 'the merged shop to go');
      assert.match(await row(page, '小米粒京东自营店').getByTestId('shop-old-names').innerText(), /京东新店/);
      const merges = byTestId(page, 'shop-merges');
      await until(async () => /“京东新店”并入“小米粒京东自营店”/.test(await merges.innerText()), 'the merge in the list');
      await shot(`84-merged-${tag}`);

      // Undo from the list: 京东新店 is back with its three orders.
      await merges.locator('[data-testid^="shop-merge-undo-"]').first().click();
      await byTestId(page, 'shop-merge-undo-confirm').click();
      await row(page, '京东新店').waitFor();
      await until(async () => (await row(page, '京东新店').innerText()).match(/\b3\b/), 'its three orders back');
      await until(async () => (await merges.count()) === 0, 'no merge left to undo');
      await shot(`85-merge-undone-${tag}`);

      // Merge again and undo from the message.
      await byTestId(page, `shop-merge-${mistaken}`).click();
      await openModal(page);
      await pickOption(page, 'shop-merge-target', '小米粒京东自营店');
      await byTestId(page, 'shop-merge-plan').waitFor();
      await byTestId(page, 'shop-merge-ok').click();
      await modalClosed(page);
      await byTestId(page, 'shop-merged-undo').click();
      await row(page, '京东新店').waitFor();

      // Delete 京东新店: the dialog says what goes; the button waits for the name.
      await byTestId(page, `shop-delete-${mistaken}`).click();
      const del = await openModal(page);
      await until(async () => /将和店铺一起删除：3 个订单/.test(await byTestId(page, 'shop-delete-impact').innerText()), 'the impact');
      const ok = byTestId(page, 'shop-delete-ok');
      assert.ok(await ok.isDisabled(), 'delete before the name is typed');
      await byTestId(page, 'shop-delete-confirm-input').fill('京东');
      assert.ok(await ok.isDisabled(), 'delete with a wrong name');
      await byTestId(page, 'shop-delete-confirm-input').fill('京东新店');
      await until(async () => !(await ok.isDisabled()), 'the delete button');
      await settled(del);
      await shot(`86-delete-${tag}`);
      await ok.click();
      await modalClosed(page);
      await until(async () => !(await shopNames(page)).includes('京东新店'), 'the deleted shop to go');
      assert.match(await row(page, '小米粒京东自营店').innerText(), /\b4\b/, 'the other JD shop keeps its orders');
      await assertNothingCut(page);
      await shot(`87-deleted-${tag}`);

      // In English, with a merge to undo and its plan open.
      await byTestId(page, 'lang-en').click();
      await until(async () => (await row(page, '小米粒母婴').getByTestId('shop-timezone').innerText()) === 'Beijing time (UTC+8)', 'the zone in English');
      assert.match(await row(page, '小米粒母婴').getByTestId('shop-old-names').innerText(), /^Former names: 小米粒母婴旗舰店$/);
      await byTestId(page, `shop-merge-${await shopId(page, '暖暖家居小铺')}`).click();
      const en = await openModal(page);
      await pickOption(page, 'shop-merge-target', '小米粒母婴');
      await until(async () => /Moves into “小米粒母婴”: \d+ order\(s\)/.test(await byTestId(page, 'shop-merge-plan').innerText()), 'the plan in English');
      await settled(en);
      await shot(`88-merge-plan-en-${tag}`);
      await byTestId(page, 'shop-merge-ok').click();
      await modalClosed(page);
      await until(async () => /“暖暖家居小铺” into “小米粒母婴”/.test(await byTestId(page, 'shop-merges').innerText()), 'the merge listed in English');
      await assertNothingCut(page);
      await shot(`89-merged-en-${tag}`);
    });
  });
}

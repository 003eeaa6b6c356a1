// 6. An export no layout knows: the seller maps its columns once (设置列对应), the file then
//    imports, and the next export of the same layout imports without the mapping screen.
//    A file without 店铺名称 on a platform with two shops asks for its shop once; the next
//    such file goes to the same shop by itself, and the memory can be forgotten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, pickOption, previewUpload, confirmImport, totalOf, orderNumbers, settled, writeXLSX } from './harness.mjs';

const LONG = '买家付款后商家承诺的最晚发货时间（以平台规则为准）';
const HEADER = ['订单号', '下单时间', '订单状态', '收件人', '省', '市', '区', '详细地址', '商品名称', '数量', '实收款(元)', '快递公司', '快递单号', LONG, '买家备注', '店铺'];

const ORDERS = [
  ['WD202611210001', '2026-11-21 09:15:00', '待发货', '李小姐', '浙江省', '杭州市', '西湖区', '文三路 88 号', '手工香皂礼盒（薰衣草 + 玫瑰 双支装）', '2', '89.90', '', '', '2026-11-23 09:15:00', '请周一发', '微店·小李的杂货铺'],
  ['WD202611210002', '2026-11-21 10:02:33', '已发货', '王先生', '广东省', '深圳市', '南山区', '科技园 1 栋 1201', '竹纤维毛巾', '1', '1,234.50', '中通快递', '78000000000001', '2026-11-23 10:02:33', '', '微店·小李的杂货铺'],
  ['WD202611200003', '2026-11-20 22:00:00', '已取消', '赵女士', '江苏省', '苏州市', '姑苏区', '观前街 2 号', '香薰蜡烛', '3', '0', '', '', '', '', '微店·小李的杂货铺'],
];

function csv(header, rows) {
  const cell = (c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function tempDir(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-mapping-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(dir, name, header, rows) {
  const p = path.join(dir, name);
  writeFileSync(p, csv(header, rows));
  return p;
}

const text = async (page, id) => (await byTestId(page, id).innerText()).replace(/\s+/g, ' ');

test('unknown layout: map the columns once, the next export imports by itself', async (t) => {
  const dir = tempDir(t);
  const first = write(dir, '微店订单_20261121.csv', HEADER, ORDERS);
  const later = ORDERS.map((r) => [...r]);
  later[0][2] = '已发货';
  later[0][11] = '顺丰速运';
  later[0][12] = 'SF1234567890';
  later.push(['WD202611220004', '2026-11-22 08:00:00', '待发货', '钱先生', '四川省', '成都市', '武侯区', '天府大道 9 号', '竹纤维毛巾', '2', '39.80', '', '', '2026-11-24 08:00:00', '', '微店·小李的杂货铺']);
  const second = write(dir, '微店订单_20261122.csv', HEADER, later);

  await withApp(t, {}, async ({ page, shot }) => {
    await byTestId(page, 'nav-import').click();
    await byTestId(page, 'import-page').waitFor();
    assert.match(await text(page, 'templates-panel'), /还没有导入模板/);

    // Unknown: the preview says so and offers the mapping screen.
    let row = (await previewUpload(page, first)).first();
    assert.equal(await row.getAttribute('data-status'), 'error');
    assert.equal(await row.getAttribute('data-error-code'), 'unknown_format');
    assert.match(await row.getByTestId('import-result-error').innerText(), /微店订单_20261121\.csv[\s\S]*认不出/);
    await shot('59-unknown-file');
    await row.getByTestId('import-map-columns').click();
    const modal = byTestId(page, 'mapping-modal');
    await modal.waitFor();
    await settled(page.locator('.ant-modal').filter({ visible: true }));

    // Guessed from the header names, with the file's values beside each field.
    assert.equal(await byTestId(page, 'mapping-row-order_no').getAttribute('data-required'), 'true');
    assert.match(await text(page, 'mapping-field-order_no'), /订单号/);
    assert.match(await text(page, 'mapping-samples-order_no'), /WD202611210001 WD202611210002 WD202611200003/);
    assert.match(await text(page, 'mapping-field-status'), /订单状态/);
    assert.match(await text(page, 'mapping-field-address'), /省.*市.*区.*详细地址/);
    assert.match(await text(page, 'mapping-samples-address'), /浙江省 杭州市 西湖区 文三路 88 号/);
    assert.match(await text(page, 'mapping-samples-pay_amount'), /89\.90 1,234\.50/);
    assert.match(await text(page, 'mapping-field-promised_ship_at'), new RegExp(LONG.slice(0, 8)));
    assert.equal(await byTestId(page, 'mapping-warning').count(), 0, '下单时间 was guessed: no warning');
    assert.equal(await byTestId(page, 'mapping-name').inputValue(), '微店订单');

    // Saving without a platform is refused on the spot.
    await byTestId(page, 'mapping-save').click();
    await until(async () => /请选择平台/.test(await modal.innerText()), 'the platform to be asked for');
    await pickOption(page, 'mapping-platform', '拼多多');
    await byTestId(page, 'mapping-name').fill('微店订单导出');
    await shot('60-mapping-screen');
    // Further down: the long header of the promised ship time, and its column list open.
    await byTestId(page, 'mapping-row-promised_ship_at').scrollIntoViewIfNeeded();
    assert.match(await text(page, 'mapping-row-promised_ship_at'), new RegExp(LONG.replace(/[()（）]/g, '.')), 'the long header shown whole');
    await shot('60b-mapping-long-header');
    await byTestId(page, 'mapping-field-promised_ship_at').click();
    const dropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
    await dropdown.waitFor();
    await settled(dropdown);
    assert.match(await dropdown.innerText(), new RegExp(`${LONG.slice(0, 10)}[\\s\\S]*2026-11-23 09:15:00`));
    await shot('60c-mapping-column-list');
    await page.keyboard.press('Escape');
    await until(async () => (await page.locator('.ant-select-dropdown').filter({ visible: true }).count()) === 0, 'the dropdown to close');

    // Saved: the file is checked again and now imports.
    await byTestId(page, 'mapping-save').click();
    await until(async () => (await byTestId(page, 'mapping-modal').count()) === 0, 'the mapping screen to close');
    await until(async () => (await byTestId(page, 'import-run').getAttribute('data-phase')) === 'preview', 'the new preview');
    row = byTestId(page, 'import-preview-row').first();
    await until(async () => (await row.getAttribute('data-status')) === 'success', 'the file to be importable');
    assert.match(await row.innerText(), /微店订单导出[\s\S]*微店·小李的杂货铺[\s\S]*将新增 3 \/ 更新 0 \/ 未变 0/);
    await shot('61-mapped-preview');
    row = (await confirmImport(page)).first();
    assert.equal(await row.getAttribute('data-status'), 'success');
    assert.match(await row.innerText(), /新增 3 \/ 更新 0 \/ 未变 0/);
    const panel = byTestId(page, 'templates-panel');
    await until(async () => /微店订单导出[\s\S]*拼多多/.test(await panel.innerText()), 'the template in the list');

    // The orders are there, with their values.
    await byTestId(page, 'nav-orders').click();
    await until(async () => (await totalOf(page)) === 3, '3 orders');
    assert.deepEqual((await orderNumbers(page)).sort(), ['WD202611200003', 'WD202611210001', 'WD202611210002']);
    assert.match(await page.locator('[data-testid="order-row"]', { hasText: 'WD202611210002' }).innerText(), /王先生[\s\S]*1,234\.50/);

    // The next export of the same layout: no mapping screen, straight to the preview.
    await byTestId(page, 'nav-import').click();
    row = (await previewUpload(page, second)).first();
    assert.equal(await row.getAttribute('data-status'), 'success');
    assert.equal(await row.getByTestId('import-map-columns').count(), 0);
    assert.match(await row.innerText(), /微店订单导出[\s\S]*将新增 1 \/ 更新 1 \/ 未变 2/);
    row = (await confirmImport(page)).first();
    assert.match(await row.innerText(), /新增 1 \/ 更新 1 \/ 未变 2/);
    const history = byTestId(page, 'import-history-table');
    await until(async () => /微店订单_20261122\.csv[\s\S]*微店订单导出/.test(await history.innerText()), 'the history to name the template');
    await byTestId(page, 'nav-orders').click();
    await until(async () => (await totalOf(page)) === 4, '4 orders');

    // Rename the template inline; delete it (after confirming): the file is unknown again.
    await byTestId(page, 'nav-import').click();
    const name = page.locator('[data-testid="template-row"] [data-testid^="template-name-"]');
    await name.locator('.ant-typography-edit').click();
    const box = page.locator('[data-testid="template-row"] textarea');
    await box.fill('微店（完整版）');
    await box.press('Enter');
    await until(async () => /微店（完整版）/.test(await panel.innerText()), 'the new name');
    await shot('62-templates');
    await page.locator('[data-testid^="template-delete-"]').click();
    await byTestId(page, 'template-delete-confirm').click();
    await until(async () => /还没有导入模板/.test(await panel.innerText()), 'the empty template list');
    row = (await previewUpload(page, write(dir, '微店订单_20261123.csv', HEADER, ORDERS.slice(0, 1)))).first();
    assert.equal(await row.getAttribute('data-error-code'), 'unknown_format');
  });
});

test('a file without 店铺名称: the shop picked once is used next time, until forgotten', async (t) => {
  const dir = tempDir(t);
  const header = HEADER.filter((h) => h !== '店铺');
  const rows = ORDERS.map((r) => r.slice(0, -1));
  await withApp(t, {}, async ({ page, shot }) => {
    // Two 拼多多 shops and a template for this layout (no shop column).
    await page.evaluate(async (hdr) => {
      await window.go.app.ShopService.Create('pdd', '拼多多A店');
      await window.go.app.ShopService.Create('pdd', '拼多多B店');
      await window.go.app.ImportService.SaveTemplate({
        file: 'x.csv', platform: 'pdd', name: '微店无店铺', header: hdr,
        columns: { order_no: ['订单号'], status: ['订单状态'], created_at: ['下单时间'], pay_amount: ['实收款(元)'] },
      });
    }, header);
    await page.goto(page.url().replace(/#.*$/, '') + '#/import');
    await page.reload();
    await byTestId(page, 'import-page').waitFor();

    let row = (await previewUpload(page, write(dir, '小李导出_20261121.csv', header, rows.slice(0, 2)))).first();
    assert.equal(await row.getAttribute('data-error-code'), 'need_shop');
    assert.match(await text(page, 'import-need-shop-alert'), /下次会自动归到这个店铺/);
    // The shop is picked on the file's own row; the file is checked again at once.
    await pickOption(page, 'import-file-shop-select', '拼多多B店');
    row = byTestId(page, 'import-preview-row').first();
    await until(async () => (await row.getAttribute('data-status')) === 'success', 'the file to be importable into B');
    row = (await confirmImport(page)).first();
    assert.match(await row.innerText(), /拼多多B店[\s\S]*新增 2/);
    assert.equal(await row.getByTestId('import-shop-remembered').count(), 0, 'picked, not remembered');

    // The next export of this shop goes to B without asking.
    row = (await previewUpload(page, write(dir, '小李导出_20261122.csv', header, rows))).first();
    assert.equal(await row.getAttribute('data-status'), 'success');
    assert.match(await row.getByTestId('import-shop-remembered').innerText(), /按上次的选择归到店铺“拼多多B店”/);
    row = (await confirmImport(page)).first();
    assert.match(await row.innerText(), /拼多多B店[\s\S]*新增 1 \/ 更新 0 \/ 未变 2[\s\S]*按上次的选择归到店铺“拼多多B店”/);
    await shot('63-remembered-shop');

    // The memory is listed and can be forgotten: the next such file asks again.
    const panel = byTestId(page, 'templates-panel');
    await panel.getByRole('tab', { name: /记住的店铺/ }).click();
    const choices = byTestId(page, 'shop-choices-table');
    await until(async () => /小李导出_\*\.csv[\s\S]*拼多多[\s\S]*拼多多B店/.test(await choices.innerText()), 'the remembered choice');
    await shot('64-remembered-list');
    await page.locator('[data-testid^="shop-choice-forget-"]').first().click();
    await byTestId(page, 'shop-choice-forget-confirm').click();
    await until(async () => /还没有记住的店铺/.test(await choices.innerText()), 'the empty list');
    const again = ORDERS.map((r) => r.slice(0, -1));
    again[2][2] = '已签收';
    row = (await previewUpload(page, write(dir, '小李导出_20261123.csv', header, again))).first();
    assert.equal(await row.getAttribute('data-error-code'), 'need_shop');
  });
});

test('an unknown refund export: mapped as 退款/售后, its rows import as refunds', async (t) => {
  const dir = tempDir(t);
  const header = ['服务单号', '订单号', '服务单状态', '申请时间', '退款金额', '商品名称', '商品编号', '申请原因'];
  const rows = [
    ['SV20261121001', '301234567890', '待审核', '2026-11-21 10:00:00', '59.00', '保温杯 500ml', '100012345678', '质量问题'],
    ['SV20261120002', '301234567891', '已完成', '2026-11-20 09:30:00', '1,299.00', '空气炸锅', '100012345679', '七天无理由'],
    ['SV20261119003', '301234567892', '已取消', '2026-11-19 18:00:00', '25.00', '数据线', '100012345680', '不想要了'],
  ];
  const file = write(dir, '京东服务单_20261121.csv', header, rows);
  await withApp(t, {}, async ({ page, shot }) => {
    await page.evaluate(async () => {
      await window.go.app.ShopService.Create('jd', '京东小家电专营店');
    });
    await byTestId(page, 'nav-import').click();
    await byTestId(page, 'import-page').waitFor();

    let row = (await previewUpload(page, file)).first();
    assert.equal(await row.getAttribute('data-error-code'), 'unknown_format');
    await row.getByTestId('import-map-columns').click();
    await byTestId(page, 'mapping-modal').waitFor();
    await settled(page.locator('.ant-modal').filter({ visible: true }));

    // 服务单号 says it is an after-sales file: the refund fields are offered, guessed.
    assert.ok(await byTestId(page, 'mapping-kind').locator('input[value="refunds"]').isChecked(), 'refunds preselected');
    assert.match(await text(page, 'mapping-refund-hint'), /按订单编号挂到对应的订单上/);
    assert.equal(await byTestId(page, 'mapping-item-rows').count(), 0);
    assert.match(await text(page, 'mapping-field-refund_no'), /服务单号/);
    assert.match(await text(page, 'mapping-field-order_no'), /订单号/);
    assert.match(await text(page, 'mapping-field-refund_status'), /服务单状态/);
    assert.match(await text(page, 'mapping-samples-refund_amount'), /59\.00 1,299\.00 25\.00/);
    assert.equal(await byTestId(page, 'mapping-row-status').count(), 0, 'no order status field');

    // Switching to 订单 and back keeps both guesses.
    await byTestId(page, 'mapping-kind').getByText('订单', { exact: true }).click();
    await byTestId(page, 'mapping-row-status').waitFor();
    await byTestId(page, 'mapping-kind').getByText('退款/售后').click();
    await byTestId(page, 'mapping-row-refund_no').waitFor();
    assert.match(await text(page, 'mapping-field-refund_no'), /服务单号/);

    await pickOption(page, 'mapping-platform', '京东');
    await byTestId(page, 'mapping-name').fill('京东售后服务单');
    await shot('65-refund-mapping');
    await byTestId(page, 'mapping-save').click();
    await until(async () => (await byTestId(page, 'mapping-modal').count()) === 0, 'the mapping screen to close');
    await until(async () => (await byTestId(page, 'import-run').getAttribute('data-phase')) === 'preview', 'the new preview');
    row = byTestId(page, 'import-preview-row').first();
    await until(async () => (await row.getAttribute('data-status')) === 'success', 'the file to be importable');
    assert.match(await row.innerText(), /京东售后服务单[\s\S]*京东小家电专营店[\s\S]*将新增 3 \/ 更新 0 \/ 未变 0/);
    row = (await confirmImport(page)).first();
    assert.match(await row.getByTestId('import-result-text').innerText(), /新增 3 \/ 更新 0 \/ 未变 0/);
    const panel = byTestId(page, 'templates-panel');
    await until(async () => /京东售后服务单[\s\S]*京东[\s\S]*退款\/售后/.test(await panel.innerText()), 'the refund template in the list');
    await panel.scrollIntoViewIfNeeded();
    await shot('66-refund-template');

    // The refunds are in the JD shop, each status read as the rules say.
    const stored = await page.evaluate(async () => {
      const shop = (await window.go.app.ShopService.List()).find((s) => s.platform === 'jd');
      const out = {};
      for (const no of ['301234567890', '301234567891', '301234567892']) {
        out[no] = (await window.go.app.OrderService.Refunds(shop.id, no)).map((r) => `${r.refundNo} ${r.status} ${r.amountFen}`);
      }
      return out;
    });
    assert.deepEqual(stored, {
      301234567890: ['SV20261121001 open 5900'],
      301234567891: ['SV20261120002 refunded 129900'],
      301234567892: ['SV20261119003 closed 2500'],
    });
  });
});

test('a workbook with a summary sheet first: the orders sheet is picked on the mapping screen', async (t) => {
  const dir = tempDir(t);
  const file = writeXLSX(path.join(dir, 'ERP导出_20261121.xlsx'), [
    { name: '汇总', rows: [['日期', '订单数', '销售额', '退款额'], ['2026-11-21', '3', '1324.40', '0']] },
    { name: '订单明细', rows: [HEADER, ...ORDERS] },
  ]);
  await withApp(t, {}, async ({ page, shot }) => {
    await byTestId(page, 'nav-import').click();
    await byTestId(page, 'import-page').waitFor();
    let row = (await previewUpload(page, file)).first();
    assert.equal(await row.getAttribute('data-error-code'), 'unknown_format');
    await row.getByTestId('import-map-columns').click();
    const modal = byTestId(page, 'mapping-modal');
    await modal.waitFor();
    await settled(page.locator('.ant-modal').filter({ visible: true }));
    assert.match(await modal.innerText(), /工作表“汇总”第 1 行是表头/);

    // The platform and name typed first stay when the sheet changes; the columns are the new sheet's.
    await pickOption(page, 'mapping-platform', '拼多多');
    await byTestId(page, 'mapping-name').fill('ERP订单明细');
    await pickOption(page, 'mapping-sheet', '订单明细');
    await until(async () => /工作表“订单明细”第 1 行是表头/.test(await byTestId(page, 'mapping-modal').innerText()), 'the orders sheet');
    assert.match(await text(page, 'mapping-field-order_no'), /订单号/);
    assert.match(await text(page, 'mapping-samples-order_no'), /WD202611210001 WD202611210002 WD202611200003/);
    assert.match(await text(page, 'mapping-platform'), /拼多多/);
    assert.equal(await byTestId(page, 'mapping-name').inputValue(), 'ERP订单明细');
    await shot('67-mapping-sheet');
    await byTestId(page, 'mapping-save').click();
    await until(async () => (await byTestId(page, 'mapping-modal').count()) === 0, 'the mapping screen to close');
    await until(async () => (await byTestId(page, 'import-run').getAttribute('data-phase')) === 'preview', 'the new preview');
    row = byTestId(page, 'import-preview-row').first();
    await until(async () => (await row.getAttribute('data-status')) === 'success', 'the workbook to be importable');
    assert.match(await row.innerText(), /ERP订单明细[\s\S]*微店·小李的杂货铺[\s\S]*将新增 3 \/ 更新 0 \/ 未变 0/);
  });
});

test('an order list without 订单状态 (an analyst re-save): mapped from the known columns, the status derived, the footer skipped', async (t) => {
  const dir = tempDir(t);
  // Excel's re-save: header cells with trailing spaces, dates as 2020/2/21 0:00, placeholders, a 合计 line.
  const header = ['订单编号 ', '买家实际支付金额 ', '收货地址 ', '订单创建时间 ', '订单付款时间 ', '退款金额 '];
  const rows = [
    ['2165437890123456789', '59.00', '浙江省 杭州市 西湖区 文三路 1 号', '2020/2/21 0:00', '2020/2/21 0:01', '无退款申请'],
    ['2165437890123456790', '1,234.56', '广东省 深圳市 南山区', '2020/2/21 9:30', '-', '0'],
    ['3165437890123456791', '68.00', '江苏省 苏州市 姑苏区', '2020/2/20 8:00', '2020/2/20 8:05', '68.00'],
  ];
  const file = path.join(dir, '订单分析_20200221.csv');
  writeFileSync(file, csv(header, rows) + '\r\n合计,3单\r\n');

  await withApp(t, {}, async ({ page, shot }) => {
    await page.evaluate(async () => {
      await window.go.app.ShopService.Create('taobao', '小米粒母婴旗舰店');
    });
    await page.goto(page.url().replace(/#.*$/, '') + '#/import');
    await page.reload();
    await byTestId(page, 'import-page').waitFor();

    let row = (await previewUpload(page, file)).first();
    assert.equal(await row.getAttribute('data-error-code'), 'unknown_format');
    await row.getByTestId('import-map-columns').click();
    const modal = byTestId(page, 'mapping-modal');
    await modal.waitFor();
    await settled(page.locator('.ant-modal').filter({ visible: true }));

    // The columns the platform layouts know are picked; 订单状态 is not required and stays empty.
    assert.match(await text(page, 'mapping-field-order_no'), /订单编号/);
    assert.match(await text(page, 'mapping-field-created_at'), /订单创建时间/);
    assert.match(await text(page, 'mapping-field-paid_at'), /订单付款时间/);
    assert.match(await text(page, 'mapping-field-pay_amount'), /买家实际支付金额/);
    assert.match(await text(page, 'mapping-field-refund_amount'), /退款金额/);
    assert.match(await text(page, 'mapping-field-status'), /不导入/);
    assert.notEqual(await byTestId(page, 'mapping-row-status').getAttribute('data-required'), 'true');
    assert.match(await text(page, 'mapping-derived'), /按付款时间推断/);
    await pickOption(page, 'mapping-platform', '淘宝/天猫');
    assert.equal(await byTestId(page, 'mapping-name').inputValue(), '订单分析');
    await shot('69-mapping-without-status');

    // Saved: the preview says the status is derived and how, shows it per row, and names the footer.
    await byTestId(page, 'mapping-save').click();
    await until(async () => (await byTestId(page, 'mapping-modal').count()) === 0, 'the mapping screen to close');
    await until(async () => (await byTestId(page, 'import-run').getAttribute('data-phase')) === 'preview', 'the new preview');
    row = byTestId(page, 'import-preview-row').first();
    await until(async () => (await row.getAttribute('data-status')) === 'success', 'the file to be importable');
    assert.match(await row.innerText(), /订单分析[\s\S]*小米粒母婴旗舰店[\s\S]*将新增 3 \/ 更新 0 \/ 未变 0/);
    assert.match(await row.getByTestId('import-status-derived').innerText(), /没有“订单状态”列：状态按付款时间推断（有付款时间→待发货/);
    assert.match(await row.getByTestId('import-footer').innerText(), /跳过文件末尾 2 行：合计 3单/);
    const sample = (await row.getByTestId('import-preview-sample').innerText()).replace(/\s+/g, ' ');
    assert.match(sample, /订单状态（推断）/);
    assert.match(sample, /2165437890123456789 .*已付款（按付款时间推断）/);
    assert.match(sample, /2165437890123456790 .*未付款（按付款时间推断）/);
    assert.match(sample, /3165437890123456791 .*已全额退款（按退款金额推断）/);
    assert.doesNotMatch(sample, /合计/, 'the footer is no row of the preview');
    await shot('70-preview-derived-status');

    row = (await confirmImport(page)).first();
    assert.match(await row.innerText(), /新增 3 \/ 更新 0 \/ 未变 0[\s\S]*按付款时间推断[\s\S]*跳过文件末尾 2 行：合计 3单/);
    await shot('71-result-derived-footer');

    await byTestId(page, 'nav-orders').click();
    await until(async () => (await totalOf(page)) === 3, '3 orders');
    assert.match(await page.locator('[data-testid="order-row"]', { hasText: '2165437890123456790' }).innerText(), /1,234\.56/);
    await shot('72-orders-derived-status');
  });
});

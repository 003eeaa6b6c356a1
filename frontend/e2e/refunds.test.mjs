// 6. Refunds: the Taobao order export, then a 退款报表 without 店铺名称 (filed under the shop
//    whose orders it names); the order drawer lists the order's refunds, 有售后 finds the
//    order, and undoing the refund import takes the refunds away again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, listedBy, settled, previewUpload, confirmImport, TAOBAO_CSV } from './harness.mjs';

const ORDER_NO = '2165437890123456789'; // 小米粒母婴旗舰店, 买家已付款，等待卖家发货
const OTHER_NO = '2165437890123456790'; // not in the fixture: a refund whose order is not imported

// The 退款报表's header (internal/exportfile TaobaoRefundHeader).
const HEADER = [
  '订单编号', '退款编号', '支付宝交易号', '订单付款时间', '宝贝ID', '宝贝标题', '商家编码', '买家实际支付金额',
  '买家退款金额', '手工退款/系统退款', '是否需要退货', '退款的申请时间', '超时时间', '退款状态', '货物状态',
  '退货物流信息', '发货物流信息', '客服介入状态', '卖家真实姓名', '卖家真实姓名(新)', '卖家退货地址',
  '卖家邮编', '卖家电话', '卖家手机', '退货物流单号', '退货物流公司', '买家退款原因', '买家退款说明',
  '买家退货时间', '责任方', '售中或售后', '退款备注', '退款完结时间', '部分退款/全部退款', '审核操作人',
  '举证超时', '是否零秒响应', '退款阶段',
];

/** 'YYYY-MM-DD HH:MM:SS' local wall time, hours from now. */
function wall(hoursFromNow) {
  const d = new Date(Date.now() + hoursFromNow * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A 退款报表 as the back office writes it when saved as UTF-8: BOM, every cell ="…". */
function refundCSV(dir) {
  const rows = [
    { 订单编号: ORDER_NO, 退款编号: '168234567890123456', 宝贝标题: '婴儿纯棉连体衣', 买家退款金额: '59.00', 是否需要退货: '否',
      退款的申请时间: wall(-3), 超时时间: wall(45), 退款状态: '买家已经申请退款，等待卖家同意', 货物状态: '买家未收到货', 买家退款原因: '不想要了/拍错了' },
    { 订单编号: ORDER_NO, 退款编号: '168234567890123400', 宝贝标题: '婴儿纯棉连体衣', 买家退款金额: '20.00', 是否需要退货: '是',
      退款的申请时间: wall(-30), 超时时间: '', 退款状态: '退款关闭', 货物状态: '买家已收到货', 买家退款原因: '质量问题',
      退货物流单号: 'SF1234567890123', 退货物流公司: '顺丰速运', 退款完结时间: wall(-20) },
    { 订单编号: OTHER_NO, 退款编号: '168234567890123499', 宝贝标题: '宝宝辅食碗', 买家退款金额: '1,234.56', 是否需要退货: '否',
      退款的申请时间: wall(-5), 超时时间: '', 退款状态: '退款成功', 退款完结时间: wall(-1) },
  ];
  const cell = (v) => `="${String(v ?? '').replaceAll('"', '""')}"`;
  const lines = [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => cell(r[h])).join(','))];
  const file = path.join(dir, '退款报表202611221000.csv');
  writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n');
  return file;
}

test('refunds: a 退款报表 attaches to its orders, shows in the drawer, 有售后 finds it, undo removes it', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-refunds-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const refundFile = refundCSV(dir);
  await withApp(t, {}, async ({ page, shot }) => {
    await byTestId(page, 'orders-empty-nodata').waitFor();
    await byTestId(page, 'nav-import').click();
    await previewUpload(page, TAOBAO_CSV);
    assert.equal(await (await confirmImport(page)).first().getAttribute('data-status'), 'success');

    // The refund file names no shop; two Taobao shops exist: its orders say which.
    const preview = (await previewUpload(page, refundFile)).first();
    assert.equal(await preview.getAttribute('data-status'), 'success', await preview.innerText());
    const previewText = await preview.innerText();
    assert.match(previewText, /淘宝\/天猫 退款报表/);
    assert.match(previewText, /小米粒母婴旗舰店/);
    assert.match(await preview.getByTestId('import-result-text').innerText(), /将新增 3 \/ 更新 0 \/ 未变 0/);
    assert.match(await preview.getByTestId('import-preview-sample').innerText(), /退款编号[\s\S]*168234567890123456[\s\S]*买家已经申请退款/);
    await shot('70-refund-preview');
    const result = (await confirmImport(page)).first();
    assert.equal(await result.getAttribute('data-status'), 'success');
    assert.match(await result.getByTestId('import-result-text').innerText(), /新增 3 \/ 更新 0 \/ 未变 0/);
    const history = byTestId(page, 'import-history-table');
    await until(async () => /退款报表202611221000\.csv[\s\S]*淘宝\/天猫 退款报表/.test(await history.innerText()), 'the refund file in the history');

    // 有售后: only the order with an open refund.
    await listedBy(page, () => byTestId(page, 'nav-orders').click());
    const res = await listedBy(page, () => byTestId(page, 'orders-filter-refund').click());
    assert.equal(res.total, 1);
    assert.deepEqual(res.rows.map((o) => o.orderNo), [ORDER_NO]);
    await until(async () => /共 1 条/.test(await byTestId(page, 'orders-total').innerText()), 'orders-total 共 1 条');
    await shot('71-orders-open-refund');

    // The drawer lists both refunds of the order, newest applied first.
    await byTestId(page, 'order-row').first().locator('td').nth(2).click();
    const drawer = byTestId(page, 'order-drawer');
    await drawer.waitFor();
    await settled(page.locator('.ant-drawer-content-wrapper'));
    const cards = drawer.getByTestId('order-refund');
    await until(async () => (await cards.count()) === 2, 'two refund cards');
    const open = cards.nth(0);
    assert.equal(await open.getAttribute('data-status'), 'open');
    assert.equal((await open.getByTestId('refund-no').innerText()).trim(), '168234567890123456', 'the refund number in full');
    const openText = await open.innerText();
    for (const want of ['处理中', '仅退款', '¥59.00', '不想要了/拍错了', '还剩 1 天']) assert.ok(openText.includes(want), `open refund shows ${want}: ${openText}`);
    const closed = cards.nth(1);
    assert.equal(await closed.getAttribute('data-status'), 'closed');
    const closedText = await closed.innerText();
    for (const want of ['已关闭', '退货退款', '¥20.00', '顺丰速运', 'SF1234567890123', '退款关闭']) assert.ok(closedText.includes(want), `closed refund shows ${want}: ${closedText}`);
    assert.ok(!closedText.includes('还剩'), 'no time left on a closed refund');
    await byTestId(page, 'order-refunds').scrollIntoViewIfNeeded();
    await shot('72-order-drawer-refunds');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // An order without refunds says so and which files would bring them.
    await listedBy(page, () => byTestId(page, 'orders-filter-refund').click());
    await byTestId(page, 'order-row').filter({ hasNotText: ORDER_NO }).first().locator('td').nth(2).click();
    await byTestId(page, 'order-refunds-empty').waitFor();
    assert.match(await byTestId(page, 'order-refunds-empty').innerText(), /没有退款或售后记录[\s\S]*退款报表/);
    await byTestId(page, 'order-refunds').scrollIntoViewIfNeeded();
    await shot('73-order-drawer-no-refunds');
    await page.keyboard.press('Escape');
    await byTestId(page, 'order-drawer').waitFor({ state: 'detached' });

    // Undo the refund import (newest in the history): its confirmation and result speak of refunds.
    await byTestId(page, 'nav-import').click();
    await byTestId(page, 'import-undo-2').click();
    await byTestId(page, 'import-undo-confirm').waitFor();
    assert.match(await page.locator('.ant-popconfirm').innerText(), /3 条退款\/售后记录会被删除/);
    await shot('74-refund-undo-confirm');
    await byTestId(page, 'import-undo-confirm').click();
    await until(async () => /删除 3 条退款记录/.test(await page.locator('.ant-message').innerText()), 'the undo message');
    await listedBy(page, () => byTestId(page, 'nav-orders').click());
    const after = await listedBy(page, () => byTestId(page, 'orders-filter-refund').click());
    assert.equal(after.total, 0, 'no order has an open refund after the undo');
    await byTestId(page, 'orders-empty-filtered').waitFor();
  });
});

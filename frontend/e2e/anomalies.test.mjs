// 6. Order anomalies: staff in 设置, a 拼多多 export with one order of each kind its data
//    can show (times relative to now), the worklist grouped by kind, bulk assign, resolve
//    in the detail with a note, keyboard resolve and undo, a complaint, and the Excel
//    export with its order numbers as text cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { withApp, until, byTestId, previewUpload, confirmImport, pickOption, settled } from './harness.mjs';

// The 拼多多 order export's header (internal/exportfile PDDOrderHeader).
const PDD_HEADER = [
  '商品', '订单号', '订单状态', '商品总价(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '多多支付立减金额(元)',
  '邮费(元)', '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)', '身份证姓名', '身份证号码', '收货人',
  '手机', '是否审核中', '省', '市', '区', '街道', '订单成交时间', '支付时间', '拼单成功时间', '订单确认时间',
  '承诺发货时间', '发货时间', '确认收货时间', '商品id', '商品规格', '用户购买手机号', '样式ID',
  '商家编码-SKU维度', '商家编码-商品维度', '快递单号', '快递公司', '是否抽奖或0元试用', '商家备注',
  '售后状态', '买家留言',
];

/** Shop-local (Asia/Shanghai) wall time `hours` from now, as exports write it. */
function wall(hours) {
  return new Date(Date.now() + (8 + hours) * 3600e3).toISOString().slice(0, 19).replace('T', ' ');
}

// One order of each kind a 拼多多 export can show, plus an ordinary one. Order numbers are
// digits only: the ones Excel would turn into 2.61201E+18 if they were numbers.
const ORDERS = [
  { no: '2612010000000000011', kind: 'overdue_shipment', status: '待发货', paid: -60, promised: -12 },
  { no: '2612010000000000022', kind: 'due_soon', status: '待发货', paid: -45 },
  { no: '2612010000000000033', kind: 'unpaid', status: '待支付', created: -3 },
  { no: '2612010000000000044', kind: 'buyer_message', status: '待发货', paid: -5, promised: 43, message: '请发顺丰，周六要送人' },
  { no: '2612010000000000055', kind: 'logistics_stalled', status: '已发货，待收货', paid: -7 * 24, shipped: -6 * 24 },
  { no: '2612010000000000066', kind: 'big_order', status: '待发货', paid: -4, promised: 44, quantity: 12 },
  { no: '2612010000000000077', kind: 'closed_after_payment', status: '未发货，退款成功', paid: -20 },
  { no: '2612010000000000088', kind: '', status: '已签收', paid: -10 * 24, shipped: -9 * 24 },
];

function pddCSV(dir) {
  const rows = ORDERS.map((o) => {
    const created = o.created ?? o.paid - 0.05;
    const cells = {
      商品: '宝宝辅食碗 吸盘防摔', 订单号: o.no, 订单状态: o.status, '商品总价(元)': '39.00', '用户实付金额(元)': '39.00',
      '商家实收金额(元)': '39.00', '商品数量(件)': String(o.quantity ?? 1), 收货人: '王**', 省: '江苏省', 市: '苏州市',
      区: '工业园区', 街道: '星湖街 328 号', 订单成交时间: wall(created), 支付时间: o.paid !== undefined ? wall(o.paid) : '',
      承诺发货时间: o.promised !== undefined ? wall(o.promised) : '', 发货时间: o.shipped !== undefined ? wall(o.shipped) : '',
      快递公司: o.shipped !== undefined ? '中通快递' : '', 快递单号: o.shipped !== undefined ? '73100000000' + o.no.slice(-2) : '',
      买家留言: o.message ?? '',
    };
    return PDD_HEADER.map((h) => cells[h] ?? '').join(',');
  });
  const file = path.join(dir, '拼多多订单导出.csv');
  writeFileSync(file, '\ufeff' + [PDD_HEADER.join(','), ...rows].join('\r\n') + '\r\n');
  return file;
}

/** The files of a zip (an xlsx) by name: stored or deflated entries. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'the download is a zip file');
  const out = new Map();
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const [nameLen, extraLen, commentLen] = [buf.readUInt16LE(p + 28), buf.readUInt16LE(p + 30), buf.readUInt16LE(p + 32)];
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 0 ? data : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Column D (订单号) of the first sheet: [cell type, text] per data row. */
function orderColumn(xlsx) {
  const files = unzip(xlsx);
  const sheet = files.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, ''),
  );
  const cells = [];
  for (const m of sheet.matchAll(/<c r="D(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    if (m[1] === '1') continue; // the header
    const type = /t="(\w+)"/.exec(m[2])?.[1] ?? 'n';
    const body = m[3] ?? '';
    const text = type === 's' ? shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] : body.replace(/<[^>]+>/g, '');
    cells.push([type, text]);
  }
  return cells;
}

const rowOf = (page, no, kind) => page.locator(`[data-testid="anomaly-row"][data-order="${no}"][data-kind="${kind}"]`);

test('anomalies: import, see, assign, resolve, undo, complaint, export', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-anomalies-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withApp(t, {}, async ({ page, shot, url }) => {
    // 设置: the staff the anomalies go to.
    await page.goto(url + '#/settings');
    await byTestId(page, 'settings-page').waitFor();
    await byTestId(page, 'staff-empty').waitFor();
    for (const [name, role] of [
      ['小王', '仓库/发货'],
      ['小李', '客服（售后）'],
    ]) {
      await byTestId(page, 'staff-add').click();
      await byTestId(page, 'staff-name').fill(name);
      await pickOption(page, 'staff-role', role);
      await byTestId(page, 'staff-ok').click();
      await page.locator(`[data-testid="staff-row"][data-name="${name}"]`).waitFor();
    }
    const ship = byTestId(page, 'setting-ship_hours');
    const shipInput = (await ship.evaluate((e) => e.tagName)) === 'INPUT' ? ship : ship.locator('input');
    assert.equal(await shipInput.inputValue(), '48');
    await until(async () => (await page.locator('.ant-modal').filter({ visible: true }).count()) === 0, 'the staff dialog to close');
    await shot('60-settings');

    // A 拼多多 shop, and its export.
    await page.goto(url + '#/import');
    await byTestId(page, 'import-page').waitFor();
    await byTestId(page, 'new-shop-button').click();
    await pickOption(page, 'new-shop-platform', '拼多多');
    await byTestId(page, 'new-shop-name').fill('小米粒拼多多店');
    await byTestId(page, 'new-shop-ok').click();
    await until(async () => (await page.locator('.ant-modal').filter({ visible: true }).count()) === 0, 'the new-shop dialog to close');
    await previewUpload(page, pddCSV(dir));
    const results = await confirmImport(page);
    assert.match(await results.first().innerText(), /新增 8/);

    // The worklist: one anomaly of each kind, grouped, each group with its shop count.
    await byTestId(page, 'nav-anomalies').click();
    await byTestId(page, 'anomalies-page').waitFor();
    const want = ORDERS.filter((o) => o.kind);
    await until(async () => (await byTestId(page, 'anomaly-row').count()) === want.length, `${want.length} anomaly rows`);
    for (const o of want) assert.equal(await rowOf(page, o.no, o.kind).count(), 1, `${o.kind} row for ${o.no}`);
    assert.equal(await page.locator(`[data-testid="anomaly-row"][data-order="${ORDERS[7].no}"]`).count(), 0, 'the ordinary order');
    const groups = await byTestId(page, 'anomaly-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    assert.deepEqual(groups, ['overdue_shipment', 'due_soon', 'logistics_stalled', 'closed_after_payment', 'unpaid', 'buyer_message', 'big_order']);
    assert.match(await byTestId(page, 'anomaly-group').first().innerText(), /1 条[\s\S]*小米粒拼多多店 1 条/);
    assert.match(await rowOf(page, ORDERS[0].no, 'overdue_shipment').innerText(), /已超时 12 小时/);
    assert.match(await rowOf(page, ORDERS[1].no, 'due_soon').innerText(), /付款后 48 小时内发货[\s\S]*还剩 (2|3) 小时/);
    assert.equal(await byTestId(page, 'anomaly-tile').getAttribute('data-total'), String(want.length));
    assert.match(await byTestId(page, 'anomalies-total').innerText(), new RegExp(`共 ${want.length} 条`));
    // The export has no 承诺发货时间 for one order: the rule says how it counted.
    await byTestId(page, 'anomalies-notices').locator('.ant-collapse-header').click();
    await page.locator('[data-testid="anomalies-notice"][data-code="no_promised_time"]').waitFor();
    assert.match(await page.locator('[data-testid="anomalies-notice"][data-code="no_promised_time"]').innerText(), /小米粒拼多多店：1 个待发货订单[\s\S]*48 小时/);

    // I am 小李; give the two shipping anomalies to 小王 at once.
    await pickOption(page, 'anomalies-actor', '小李');
    for (const [o, kind] of [[ORDERS[0], 'overdue_shipment'], [ORDERS[1], 'due_soon']]) {
      await rowOf(page, o.no, kind).locator('.ant-checkbox-input').check();
    }
    await byTestId(page, 'anomalies-bulk').waitFor();
    await pickOption(page, 'anomalies-bulk-owner', '小王');
    await byTestId(page, 'anomalies-bulk-assign').click();
    await until(async () => (await rowOf(page, ORDERS[0].no, 'overdue_shipment').getByTestId('anomaly-owner').innerText()) === '小王', 'the owner 小王');
    assert.equal(await rowOf(page, ORDERS[1].no, 'due_soon').getByTestId('anomaly-owner').innerText(), '小王');
    await shot('61-anomalies-worklist');

    // The overdue one in detail: a note, then resolved; the history says who did what.
    await rowOf(page, ORDERS[0].no, 'overdue_shipment').locator('td').nth(4).click();
    const drawer = byTestId(page, 'anomaly-drawer');
    await drawer.waitFor();
    await settled(drawer);
    assert.match(await drawer.innerText(), new RegExp(ORDERS[0].no));
    await byTestId(page, 'anomaly-note-input').fill('仓库缺货，已联系买家，明天上午发');
    await byTestId(page, 'anomaly-note-input').press('Control+Enter');
    await until(async () => (await byTestId(page, 'anomaly-event').count()) === 2, 'two history entries (owner, note)');
    await byTestId(page, 'anomaly-drawer-state-resolved').click();
    await until(async () => (await drawer.getAttribute('data-state')) === 'resolved', 'the drawer to say resolved');
    const history = await byTestId(page, 'anomaly-history').innerText();
    assert.match(history, /小李[\s\S]*状态：待处理 → 已解决[\s\S]*小李[\s\S]*仓库缺货，已联系买家，明天上午发[\s\S]*小李[\s\S]*分配给 小王/);
    assert.match(await byTestId(page, 'anomaly-order').innerText(), /待发货[\s\S]*39\.00/);
    await shot('62-anomaly-detail');
    await page.keyboard.press('Escape');
    await until(async () => (await rowOf(page, ORDERS[0].no, 'overdue_shipment').count()) === 0, 'the resolved one to leave the to-do list');

    // Keyboard: the first row has the focus from the start; J moves down, R resolves the
    // focused row, 撤销 brings it back.
    await until(async () => (await page.locator('.sd-row-focused').count()) === 1, 'a focused row');
    await page.keyboard.press('Escape'); // the rows still selected from the bulk assign: R would change them
    await byTestId(page, 'anomalies-keys').waitFor();
    const before = await page.locator('.sd-row-focused').getAttribute('data-id');
    await page.keyboard.press('j');
    await until(async () => (await page.locator('.sd-row-focused').getAttribute('data-id')) !== before, 'J to move the focus');
    const focusedOrder = await page.locator('.sd-row-focused').getAttribute('data-order');
    await page.keyboard.press('r');
    await byTestId(page, 'anomalies-undo').waitFor();
    await until(async () => (await page.locator(`[data-testid="anomaly-row"][data-order="${focusedOrder}"]`).count()) === 0, 'R to resolve the focused row');
    await byTestId(page, 'anomalies-undo').click();
    await until(async () => (await page.locator(`[data-testid="anomaly-row"][data-order="${focusedOrder}"]`).count()) === 1, '撤销 to bring it back');
    assert.equal(await page.locator(`[data-testid="anomaly-row"][data-order="${focusedOrder}"]`).getAttribute('data-state'), 'open');

    // Resolved ones are one filter away, with their owner.
    await pickOption(page, 'anomalies-filter-state', '已解决');
    await until(async () => (await byTestId(page, 'anomaly-row').count()) === 1, 'one resolved anomaly');
    assert.equal(await rowOf(page, ORDERS[0].no, 'overdue_shipment').getByTestId('anomaly-owner').innerText(), '小王');
    await pickOption(page, 'anomalies-filter-state', '待处理+处理中');

    // A complaint registered by hand joins the list, due in 24 h.
    await byTestId(page, 'anomalies-complaint').click();
    await byTestId(page, 'complaint-modal').waitFor();
    await pickOption(page, 'complaint-shop', '小米粒拼多多店');
    await byTestId(page, 'complaint-order').fill(ORDERS[4].no);
    await pickOption(page, 'complaint-severity', '严重');
    await byTestId(page, 'complaint-content').fill('买家说快递一周没动，要投诉到平台');
    await byTestId(page, 'complaint-ok').click();
    await rowOf(page, ORDERS[4].no, 'complaint').waitFor();
    assert.match(await rowOf(page, ORDERS[4].no, 'complaint').innerText(), /（严重）投诉：买家说快递一周没动[\s\S]*还剩 (1 天 0 小时|23 小时)/);

    // Export: every anomaly still to do, order numbers as text cells.
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'anomalies-export').click()]);
    assert.match(download.suggestedFilename(), /^订单异常_\d{8}_\d{4}\.xlsx$/);
    const file = path.join(dir, 'export.xlsx');
    await download.saveAs(file);
    const cells = orderColumn(readFileSync(file));
    const shown = want.length - 1 + 1; // the resolved one left, the complaint came
    assert.equal(cells.length, shown, `rows in the export: ${JSON.stringify(cells)}`);
    for (const [type, text] of cells) {
      assert.ok(['s', 'inlineStr', 'str'].includes(type), `order number ${text} is a ${type} cell, not text`);
      assert.match(text, /^2612010000000000\d{3}$/, 'all 19 digits kept');
    }
    assert.deepEqual(new Set(cells.map((c) => c[1])), new Set([...want.slice(1).map((o) => o.no), ORDERS[4].no]));
    await page.locator('.ant-message').filter({ hasText: '已导出' }).waitFor();
  });
});

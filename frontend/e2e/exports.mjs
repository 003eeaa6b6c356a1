// Export files of the platforms, written by the end-to-end tests the way the back offices
// write them (the columns Shopdesk reads, in their real names; a real export has more).
// Each writer returns the file's path.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeXLSX } from './harness.mjs';

const pad = (n, w) => String(n).padStart(w, '0');

/** A CSV line: cells with a comma, quote or line break are quoted. */
function csvLine(cells) {
  return cells.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',');
}

/** A UTF-8 CSV with preamble lines above the header. */
export function writeCSV(file, header, rows, preamble = []) {
  writeFileSync(file, [...preamble, csvLine(header), ...rows.map(csvLine)].join('\r\n') + '\r\n');
  return file;
}

const PDD_HEADER = ['商品', '订单号', '订单状态', '用户实付金额(元)', '商品数量(件)', '收货人', '省', '市', '区', '街道', '订单成交时间', '支付时间', '承诺发货时间'];

/**
 * 拼多多 order export (no 店铺名称 column; its order numbers are 22 characters,
 * 261121-123456789012345): n orders from start; preamble lines above the header
 * (店铺：… names the shop).
 */
export function pddExport(dir, name, { n = 3, start = 0, preamble = [], title = '加厚抽纸 24包 家庭装' } = {}) {
  const rows = [];
  for (let i = start; i < start + n; i++) {
    rows.push([title, `261121-${pad(123456789012345 + i, 15)}`, '待发货', '35.90', '3', '陈**', '广东省', '深圳市', '南山区', '粤海街道',
      '2026-11-21 08:00:00', '2026-11-21 08:00:05', '2026-11-23 08:00:05']);
  }
  return writeCSV(path.join(dir, name), PDD_HEADER, rows, preamble);
}

const DOUYIN_HEADER = ['主订单编号', '子订单编号', '选购商品', '商品数量', '商品单价', '订单应付金额', '收件人', '省', '市', '区', '详细地址',
  '订单提交时间', '支付完成时间', '订单状态'];

/** 抖店 export of product lines (子订单): n orders, the first `extra` with a second line. */
export function douyinLines(dir, name, { n, extra }) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const line = (sub, title) => [`69200000000${pad(i, 8)}`, `6921${sub}${pad(i, 8)}`, title, '1', '119.00', '119.00', '周**', '浙江省', '杭州市',
      '余杭区', '文一西路969号', '2026-11-21 20:00:00', '2026-11-21 20:00:20', '待发货'];
    rows.push(line('0000000', '羊毛围巾'));
    if (i < extra) rows.push(line('0000001', '羊毛手套'));
  }
  return writeCSV(path.join(dir, name), DOUYIN_HEADER, rows);
}

/** 抖店 export of orders (主订单, no 子订单编号) with preamble lines. */
export function douyinOrders(dir, name, { n, preamble = [] }) {
  const header = DOUYIN_HEADER.filter((h) => h !== '子订单编号');
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push([`69300000000${pad(i, 8)}`, '加绒打底裤', '1', '39.00', '39.00', '吴**', '湖北省', '武汉市', '洪山区', '珞喻路1号',
      '2026-11-21 21:00:00', '2026-11-21 21:00:10', '待发货']);
  }
  return writeCSV(path.join(dir, name), header, rows, preamble);
}

const ALIBABA_HEADER = ['订单编号', '买家会员名', '货品总价(元)', '实付款(元)', '订单状态', '订单创建时间', '订单付款时间', '货品标题', '单价(元)', '数量', '货号', 'SKU ID'];

/** 1688 export (xlsx; a multi-item order has its 订单编号 on its first line only): n orders, the first `extra` with two lines. */
export function lines1688(dir, name, { n, extra }) {
  const rows = [ALIBABA_HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([`32000000000${pad(i, 8)}`, '义乌小商品店', '80.00', '80.00', '等待卖家发货', '2026-11-20 14:00:00', '2026-11-20 14:05:00', '陶瓷马克杯', '8.00', '10', 'MK-100', '501']);
    if (i < extra) rows.push(['', '', '', '', '', '', '', '杯垫 软木', '1.00', '10', 'BD-1', '502']);
  }
  return writeXLSX(path.join(dir, name), [{ name: 'Sheet1', rows }]);
}

const QIANNIU_HEADER = ['子订单编号', '主订单编号', '标题', '价格', '购买数量', '订单状态', '商家编码', '买家实际支付金额', '订单创建时间', '订单付款时间', '买家会员名'];

/** 千牛 sub-order export (xlsx, no 店铺名称): n orders, the first `extra` with two lines. */
export function qianniuLines(dir, name, { n, extra }) {
  const rows = [QIANNIU_HEADER];
  for (let i = 0; i < n; i++) {
    const line = (sub, title) => [`4002${sub}${pad(i, 8)}`, `40010000000${pad(i, 8)}`, title, '44.00', '1', '买家已付款，等待卖家发货', 'LTY', '44.00',
      '2026-11-21 10:00:00', '2026-11-21 10:00:30', 'tb_buyer'];
    rows.push(line('0000000', '婴儿连体衣'));
    if (i < extra) rows.push(line('0000001', '婴儿袜'));
  }
  return writeXLSX(path.join(dir, name), [{ name: 'Sheet1', rows }]);
}

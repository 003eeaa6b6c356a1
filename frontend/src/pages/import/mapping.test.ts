import { describe, expect, it } from 'vitest';
import { cleanMapping, columnChoices, defaultTemplateName, derivesStatus, guessKind, guessMapping, missingGroup, missingRequired, samplesOf } from './mapping';

describe('guessMapping', () => {
  it.each([
    [
      '微店-style export: 省市区 joined before the street',
      ['订单号', '下单时间', '订单状态', '收件人', '收件人手机', '省', '市', '区', '详细地址', '商品名称', '数量', '实收款(元)', '快递公司', '快递单号', '买家备注', '店铺'],
      {
        order_no: ['订单号'],
        created_at: ['下单时间'],
        status: ['订单状态'],
        buyer: ['收件人'],
        address: ['省', '市', '区', '详细地址'],
        title: ['商品名称'],
        item_count: ['数量'],
        pay_amount: ['实收款(元)'],
        carrier: ['快递公司'],
        tracking_no: ['快递单号'],
        buyer_message: ['买家备注'],
        shop_name: ['店铺'],
      },
    ],
    [
      'ERP export: 订单编号 beside 子订单编号 and 物流单号, 退款金额 beside 实付金额',
      ['平台订单编号', '子订单编号', '物流单号', '交易状态', '退款状态', '创建时间', '付款时间', '发货时间', '承诺发货时间', '实付金额', '退款金额', '运费', '买家昵称', '收货地址', '商品标题', '单价', '购买数量', '商家编码', '卖家备注'],
      {
        order_no: ['平台订单编号'],
        sub_order_no: ['子订单编号'],
        tracking_no: ['物流单号'],
        status: ['交易状态'],
        created_at: ['创建时间'],
        paid_at: ['付款时间'],
        shipped_at: ['发货时间'],
        promised_ship_at: ['承诺发货时间'],
        pay_amount: ['实付金额'],
        refund_amount: ['退款金额'],
        buyer: ['买家昵称'],
        address: ['收货地址'],
        title: ['商品标题'],
        item_count: ['购买数量'],
        seller_memo: ['卖家备注'],
        item_title: ['商品标题'],
        item_price: ['单价'],
        item_quantity: ['购买数量'],
        item_sku_code: ['商家编码'],
        item_refund_status: ['退款状态'],
        item_refund_amount: ['退款金额'],
      },
    ],
    ['nothing it knows', ['姓名', '电话', '城市'], {}],
    ['a bare 金额 column and a 订单金额: the better word wins', ['订单号', '金额', '订单金额', '状态'], { order_no: ['订单号'], pay_amount: ['订单金额'], status: ['状态'] }],
    ['blank and repeated headers', ['', '订单号', '订单号', ' 订单状态 '], { order_no: ['订单号'], status: ['订单状态'] }],
  ])('%s', (_name, header, want) => {
    expect(guessMapping(header)).toEqual(want);
  });

  it('never gives one column to two order fields', () => {
    const got = guessMapping(['订单号', '状态', '商品', '数量', '金额', '备注', '地址', '店铺', '时间']);
    const cols = Object.values(got).flat();
    expect(new Set(cols).size).toBe(cols.length);
  });
});

describe('columnChoices and samplesOf', () => {
  it('offers each named column once, with its first index', () => {
    expect(columnChoices(['a', '', 'b', 'a', ' c '])).toEqual([
      { name: 'a', index: 0 },
      { name: 'b', index: 2 },
      { name: 'c', index: 4 },
    ]);
  });
  it('takes the first non-empty values of a column', () => {
    const sample = [['1', ''], ['2', 'x'], ['3', ' '], ['4', 'y'], ['5', 'z'], ['6', 'w']];
    expect(samplesOf(sample, 1)).toEqual(['x', 'y', 'z']);
    expect(samplesOf(sample, 0, 2)).toEqual(['1', '2']);
    expect(samplesOf(sample, 7)).toEqual([]);
  });
});

describe('cleanMapping and missingRequired', () => {
  it('drops empty fields, extra columns of one-column fields, and item fields for whole-order rows', () => {
    const m = { order_no: ['订单号', '别的'], status: [], address: ['省', '市'], item_price: ['单价'], title: [''] };
    expect(cleanMapping(m, false)).toEqual({ order_no: ['订单号'], address: ['省', '市'] });
    expect(cleanMapping(m, true)).toEqual({ order_no: ['订单号'], address: ['省', '市'], item_price: ['单价'] });
  });
  it('names the required fields without a column', () => {
    expect(missingRequired({ order_no: ['订单号'], status: [] })).toEqual(['status']);
    expect(missingRequired({})).toEqual(['order_no', 'status']);
  });
});

describe('defaultTemplateName', () => {
  it.each([
    ['微店订单_20261121.csv', '微店订单'],
    ['C:\\下载\\有赞订单导出(3).xlsx', '有赞订单导出'],
    ['ExportOrderList202611211800.csv', 'ExportOrderList'],
    ['20261121.csv', ''],
  ])('%s → %s', (file, want) => {
    expect(defaultTemplateName(file)).toBe(want);
  });
});

describe('refund / after-sales files', () => {
  it.each([
    ['淘宝 退款报表', ['订单编号', '退款编号', '支付宝交易号', '退款状态', '买家退款金额', '退款的申请时间', '超时时间', '货物状态', '退货物流单号', '退货物流公司', '买家退款原因', '宝贝标题', '商家编码'], 'refunds'],
    ['京东 售后服务单', ['服务单号', '订单号', '服务单状态', '申请时间', '退款金额', '商品名称', '商品编号', '申请原因'], 'refunds'],
    ['an order export with a 退款状态 column', ['订单号', '订单状态', '退款状态', '退款金额'], 'orders'],
  ])('guessKind: %s', (_name, header, kind) => {
    expect(guessKind(header)).toBe(kind);
  });

  it('guesses refund fields: numbers apart, the return waybill and the refund amount', () => {
    const header = ['订单编号', '退款编号', '支付宝交易号', '退款状态', '买家退款金额', '订单金额', '退款的申请时间', '超时时间', '货物状态', '退货物流单号', '退货物流公司', '买家退款原因', '宝贝标题', '商家编码', '退款完结时间'];
    expect(guessMapping(header, 'refunds')).toEqual({
      refund_no: ['退款编号'],
      order_no: ['订单编号'],
      refund_return_tracking_no: ['退货物流单号'],
      refund_return_carrier: ['退货物流公司'],
      refund_deadline_at: ['超时时间'],
      refund_finished_at: ['退款完结时间'],
      refund_applied_at: ['退款的申请时间'],
      refund_amount: ['买家退款金额'],
      refund_goods_status: ['货物状态'],
      refund_status: ['退款状态'],
      refund_reason: ['买家退款原因'],
      item_title: ['宝贝标题'],
      item_sku_code: ['商家编码'],
    });
  });

  it('requires the order number, the refund number and the status; keeps only refund fields', () => {
    const m = { order_no: ['订单号'], refund_status: ['服务单状态'], status: ['服务单状态'], refund_reason: ['原因', '补充说明'] };
    expect(missingRequired(m, 'refunds')).toEqual(['refund_no']);
    expect(cleanMapping(m, false, 'refunds')).toEqual({ order_no: ['订单号'], refund_status: ['服务单状态'], refund_reason: ['原因', '补充说明'] });
  });
});

describe('order lists without a status column', () => {
  // An ERP's or analyst's re-save: no 订单状态, headers with trailing spaces (trimmed by Go).
  const header = ['订单编号', '实付金额', '收货地址', '订单创建时间', '订单付款时间', '退款金额'];

  it.each([
    ['no status, a paid time: nothing missing, the status is derived', { order_no: ['订单编号'], paid_at: ['订单付款时间'] }, [], true],
    ['no status, no paid time: the status (or the paid time) is missing', { order_no: ['订单编号'] }, ['status'], true],
    ['a status: nothing derived', { order_no: ['订单编号'], status: ['状态'] }, [], false],
  ])('%s', (_name, mapping, missing, derived) => {
    expect(missingRequired(mapping)).toEqual(missing);
    expect(derivesStatus(mapping, 'orders')).toBe(derived);
  });

  it('names the one-of group of a missing status', () => {
    expect(missingGroup('status', 'orders')).toEqual(['status', 'paid_at']);
    expect(missingGroup('order_no', 'orders')).toEqual(['order_no']);
  });

  it('starts from the columns the Go layouts know (FileResult.guess), the word rules filling the rest', () => {
    const guess = { order_no: ['订单编号'], created_at: ['订单创建时间'], paid_at: ['订单付款时间'], pay_amount: ['实付金额'] };
    expect(guessMapping(header, 'orders', guess)).toEqual({
      order_no: ['订单编号'],
      created_at: ['订单创建时间'],
      paid_at: ['订单付款时间'],
      pay_amount: ['实付金额'],
      refund_amount: ['退款金额'],
      address: ['收货地址'],
    });
  });

  it('gives a known column to the layouts\' field, not to a word rule\'s other one', () => {
    // the word rules would take 成交时间 for created_at; the layouts know it as the paid time
    expect(guessMapping(['单号', '成交时间', '状态'], 'orders', { paid_at: ['成交时间'] })).toEqual({
      order_no: ['单号'],
      paid_at: ['成交时间'],
      status: ['状态'],
    });
  });
});

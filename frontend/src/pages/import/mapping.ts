// The mapping screen's pure logic: which Shopdesk fields a template can map, the columns a
// file offers, a first guess of which column is which from the header names, and the
// template input sent to ImportService.SaveTemplate (which validates it again, in Chinese).
// The kinds of file and their fields are the Go importer's (internal/importer kind.go),
// read from lib/importDefs.json, which a Go test writes and checks.
import defs from '../../lib/importDefs.json';

export type FieldGroup = 'order' | 'item' | 'refund' | 'stock' | 'inquiry' | 'staff';

/** What the file holds: a file kind's id (Go importer.KindOrders, KindRefunds, …). */
export type FileKind = string;

export interface MappingField {
  key: string;
  group: FieldGroup;
  /** How the importer reads a cell: text, id, money, int, time, date, bool, flag. */
  type: string;
  /** Several columns may be joined with a space (省 市 区 街道): text fields only. */
  multi?: boolean;
  required?: boolean;
  /** Not required, but the orders table sorts and the anomaly rules work by it. */
  suggested?: boolean;
}

export interface KindDef {
  id: FileKind;
  /** The Go side's Chinese name (the screen uses the locale's mapping.kinds.<id>). */
  name: string;
  levels: string[];
  /** The seller's own sheet (a stock sheet): no platform to choose. */
  noPlatform?: boolean;
  /** Groups of fields of which a template maps at least one (orders: 订单状态 or 付款时间). */
  oneOf: string[][];
  fields: MappingField[];
}

/** The file kinds, in the order the screen offers them. */
export const KINDS: KindDef[] = defs.kinds.map((k) => ({ ...k, fields: k.fields.map((f) => ({ ...f, group: f.group as FieldGroup })) }));

function kindDef(kind: FileKind): KindDef {
  return KINDS.find((k) => k.id === kind) ?? KINDS[0];
}

/** In the order the screen shows them. Item fields apply when each row is one product line. */
export const MAPPING_FIELDS: MappingField[] = kindDef('orders').fields;

/** A refund / after-sales file's fields: each row is one refund, attached to its order. */
export const REFUND_MAPPING_FIELDS: MappingField[] = kindDef('refunds').fields;

/** The fields the screen shows for a kind of file (item fields only when each row is a product line). */
export function fieldsFor(kind: FileKind, itemRows: boolean): MappingField[] {
  return kindDef(kind).fields.filter((f) => f.group !== 'item' || itemRows);
}

export type Mapping = Record<string, string[]>;

export interface ColumnChoice {
  name: string;
  /** Index in the header row (the first column of that name). */
  index: number;
}

/** The columns a file offers: non-empty header cells, a repeated name only once (its first column). */
export function columnChoices(header: string[]): ColumnChoice[] {
  const seen = new Set<string>();
  const out: ColumnChoice[] = [];
  header.forEach((h, index) => {
    const name = (h ?? '').trim();
    if (name === '' || seen.has(name)) return;
    seen.add(name);
    out.push({ name, index });
  });
  return out;
}

/** The first non-empty values of a column in the sample rows. */
export function samplesOf(sample: string[][], index: number, limit = 3): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const v = (row[index] ?? '').trim();
    if (v !== '') out.push(v);
    if (out.length === limit) break;
  }
  return out;
}

interface Rule {
  field: string;
  /** Header words, best first: a header equal to a word beats one containing it. */
  words: string[];
  /** A header containing any of these is not this field. */
  not?: string[];
}

// Tried in this order; a column taken by an earlier rule is not offered to a later one,
// so the specific rules (子订单编号, 快递单号, 退款金额) come before the broad ones (订单号, 金额).
const ORDER_RULES: Rule[] = [
  { field: 'sub_order_no', words: ['子订单编号', '子订单号', '子单号'] },
  { field: 'order_no', words: ['订单编号', '订单号', '主订单编号', '订单ID', '订单id', '单号'], not: ['子', '物流', '快递', '运单', '退款', '售后', '支付', '外部', '交易号'] },
  { field: 'tracking_no', words: ['快递单号', '物流单号', '运单号', '运单编号', '快递编号', '物流编号'] },
  { field: 'carrier', words: ['快递公司', '物流公司', '承运商', '快递名称', '物流方式', '快递方式'] },
  { field: 'promised_ship_at', words: ['承诺发货时间', '最晚发货时间', '预计发货时间', '发货截止时间'] },
  { field: 'shipped_at', words: ['发货时间'], not: ['承诺', '最晚', '预计', '截止'] },
  { field: 'paid_at', words: ['付款时间', '支付时间'] },
  { field: 'created_at', words: ['下单时间', '订单创建时间', '创建时间', '提交时间', '成交时间', '订单时间'] },
  { field: 'refund_amount', words: ['退款金额', '退款'], not: ['状态', '时间', '原因', '编号', '单号'] },
  { field: 'after_sale', words: ['售后状态', '维权状态'] },
  { field: 'close_reason', words: ['订单关闭原因', '关闭原因', '取消原因'] },
  { field: 'status', words: ['订单状态', '交易状态', '状态'], not: ['退款', '售后', '物流', '快递', '发票', '评价'] },
  {
    field: 'pay_amount',
    words: ['实付金额', '实付款', '实收款', '实收金额', '买家实付', '用户实付', '支付金额', '付款金额', '订单金额', '应付金额', '实付', '实收', '金额'],
    not: ['退款', '邮费', '运费', '优惠', '折扣', '单价', '佣金', '服务费', '积分', '红包', '补贴'],
  },
  { field: 'buyer_message', words: ['买家留言', '买家备注', '客户留言', '客户备注', '留言'] },
  { field: 'seller_memo', words: ['卖家备注', '商家备注', '订单备注', '备注'], not: ['买家', '客户'] },
  {
    field: 'buyer',
    words: ['买家会员名', '买家昵称', '买家账号', '用户昵称', '买家', '客户昵称', '收件人', '收货人', '客户'],
    not: ['留言', '备注', '电话', '手机', '地址', '支付宝', '邮箱', '身份证', '应付', '实付', '支付'],
  },
  { field: 'address', words: ['收货地址', '详细地址', '收件地址', '地址'], not: ['邮箱', 'IP', 'ip', '邮编'] },
  {
    field: 'title',
    words: ['商品名称', '商品标题', '宝贝标题', '商品', '标题', '品名', '货品名称', '货品'],
    not: ['数量', '编码', 'ID', 'id', '编号', '规格', '单价', '价格', '金额', '属性', '件数', '种类', '总价'],
  },
  { field: 'item_count', words: ['商品数量', '购买数量', '宝贝总数量', '商品总数', '数量', '件数'], not: ['退', '单价'] },
  { field: 'shop_name', words: ['店铺名称', '店铺名', '店铺', '店名'], not: ['ID', 'id', '编号'] },
];

// For one-row-per-product files (a 子订单编号 column); these may share a column with an
// order field (the product name is both the order's title and the line's).
const ITEM_RULES: Rule[] = [
  { field: 'item_title', words: ['商品名称', '商品标题', '宝贝标题', '标题', '品名'], not: ['编码', 'ID', 'id', '编号'] },
  { field: 'item_price', words: ['单价', '商品单价', '价格', '售价'], not: ['总价'] },
  { field: 'item_quantity', words: ['购买数量', '商品数量', '数量', '件数'], not: ['退'] },
  { field: 'item_sku_code', words: ['商家编码', 'SKU编码', '规格编码', '货号'] },
  { field: 'item_refund_status', words: ['退款状态', '售后状态'] },
  { field: 'item_refund_amount', words: ['退款金额'] },
];

// For refund / after-sales files. The numbers and times of the refund come before the
// order's (订单编号 must not take 退款编号), the return waybill before any other 单号.
/** Headers of a refund's own number: only a refund / after-sales file has one. */
const REFUND_NO_WORDS = ['退款编号', '售后编号', '退款单号', '售后单号', '服务单号', '退款ID', '售后ID', '退款id', '售后id'];

const REFUND_RULES: Rule[] = [
  { field: 'refund_no', words: REFUND_NO_WORDS },
  { field: 'sub_order_no', words: ['子订单编号', '子订单号', '子单号'] },
  { field: 'order_no', words: ['订单编号', '订单号', '主订单编号', '订单ID', '订单id'], not: ['子', '物流', '快递', '运单', '退款', '售后', '服务单', '支付', '外部'] },
  { field: 'refund_return_tracking_no', words: ['退货物流单号', '退货运单号', '退货快递单号', '物流单号', '运单号', '快递单号'] },
  { field: 'refund_return_carrier', words: ['退货物流公司', '退货快递公司', '物流公司', '快递公司'] },
  { field: 'refund_deadline_at', words: ['超时时间', '处理截止时间', '截止时间', '到期时间', '处理时限'] },
  { field: 'refund_finished_at', words: ['完结时间', '完成时间', '退款时间', '关闭时间'], not: ['申请'] },
  { field: 'refund_applied_at', words: ['申请时间', '发起时间', '创建时间'] },
  { field: 'refund_amount', words: ['退款金额', '实退金额', '售后金额', '金额'], not: ['订单', '商品', '实付', '运费', '单价'] },
  { field: 'refund_goods_status', words: ['货物状态', '收货状态', '商品状态'] },
  { field: 'refund_status', words: ['退款状态', '售后状态', '服务单状态', '处理状态', '状态'], not: ['货物', '物流', '订单', '收货', '商品'] },
  { field: 'refund_kind', words: ['售后类型', '退款类型', '服务类型', '申请类型', '是否需要退货'] },
  { field: 'refund_reason', words: ['退款原因', '售后原因', '申请原因', '原因'] },
  { field: 'item_title', words: ['商品名称', '商品标题', '宝贝标题', '标题', '品名'], not: ['编码', 'ID', 'id', '编号'] },
  { field: 'item_sku_code', words: ['商家编码', 'SKU编码', '商品编码', '货号', '商品编号'] },
  ...ORDER_RULES.filter((r) => r.field === 'shop_name'),
];

// For stock sheets (库存表): the seller's own columns, named every which way.
const STOCK_RULES: Rule[] = [
  { field: 'sku_code', words: ['商家编码', 'SKU编码', '货号', '存货编码', '商品编码', '规格编码', '编码', '货品编号'], not: ['条码', '订单'] },
  { field: 'on_hand', words: ['实际库存', '实物库存', '现存量', '库存数量', '库存', '结存', '可用库存', '数量'], not: ['安全', '在途', '金额', '单价'] },
  { field: 'sku_name', words: ['商品名称', '存货名称', '货品名称', '品名', '名称', '标题'] },
  { field: 'sku_spec', words: ['规格', '规格型号', '颜色分类', '型号', '属性'] },
  { field: 'cost', words: ['成本价', '成本', '采购价', '进货价', '单价'] },
  { field: 'safety_stock', words: ['安全库存', '最低库存', '库存下限'] },
  { field: 'supplier', words: ['供应商', '供货商', '厂家'] },
  { field: 'lead_days', words: ['采购周期', '到货天数', '交期'] },
  { field: 'pack_size', words: ['箱规', '包装数', '每箱'] },
  { field: 'in_transit', words: ['在途'] },
  { field: 'counted_at', words: ['盘点时间', '盘点日期'] },
];

// For inquiry registers (询盘成交登记表), in every wording the sheets were given.
const INQUIRY_RULES: Rule[] = [
  { field: 'inq_next_follow_on', words: ['下次跟进', '跟进日期'] },
  { field: 'inq_follow_note', words: ['跟进情况', '跟进'] },
  { field: 'inq_asked_on', words: ['日期', '询盘日期', '咨询日期'] },
  { field: 'inq_asked_time', words: ['时间'] },
  { field: 'inq_customer_type', words: ['客户类型'] },
  { field: 'inq_customer', words: ['客户ID', '客户旺旺', '客户昵称', '旺旺', '昵称', '客户'] },
  { field: 'inq_channel', words: ['询盘渠道', '咨询渠道', '渠道', '来源'] },
  { field: 'inq_products', words: ['咨询产品', '询盘产品', '产品', '商品'] },
  { field: 'inq_outcome', words: ['是否成交', '成交'], not: ['金额', '类型', '原因'] },
  { field: 'inq_deal_type', words: ['交易类型', '成交类型'] },
  { field: 'inq_amount', words: ['成交金额', '金额'] },
  { field: 'inq_reason', words: ['未交易原因', '未成交原因', '原因'] },
  { field: 'inq_agent', words: ['客服', '接待'] },
  { field: 'inq_region', words: ['地区', '省份', '城市'] },
  { field: 'inq_shop', words: ['店铺'] },
  { field: 'inq_note', words: ['备注'] },
];

// For rota grids (the day columns are found by the importer) and punch files.
const STAFF_RULES: Rule[] = [
  { field: 'staff_name', words: ['姓名', '员工', '名字', '人员', '客服'], not: ['编号', '工号', 'ID', 'id'] },
  { field: 'punch_in', words: ['上班打卡', '上班时间', '签到'] },
  { field: 'punch_out', words: ['下班打卡', '下班时间', '签退'] },
  { field: 'punch_at', words: ['打卡时间', '刷卡时间'] },
  { field: 'punch_day', words: ['考勤日期', '日期'] },
  { field: 'punch_note', words: ['打卡结果', '备注', '打卡地址'] },
];

// For daily shop figures (生意参谋 and other back offices' data-centre exports).
const METRIC_RULES: Rule[] = [
  { field: 'metric_day', words: ['统计日期', '日期', '统计时间'] },
  { field: 'metric_visitors', words: ['访客数', '访客', 'UV'] },
  { field: 'metric_page_views', words: ['浏览量', 'PV', '浏览次数'] },
  { field: 'metric_buyers', words: ['支付买家数', '成交买家数', '成交人数', '下单买家数', '买家数'] },
  { field: 'metric_promo', words: ['推广花费', '推广消耗', '直通车花费', '推广费', '花费'] },
];

/** Whether a header cell is a day of a rota grid: 1-31, 1日, 11/1, 2026-11-01. */
export function isDayHeader(h: string): boolean {
  const c = (h ?? '').trim();
  return /^([1-9]|[12]\d|3[01])\s*[日号]?$/.test(c) || /^(\d{4}[-/年])?\d{1,2}[-/.月]\d{1,2}日?$/.test(c);
}

/** A first guess of what the file holds, from its header. */
export function guessKind(header: string[]): FileKind {
  const has = (words: string[]) => header.some((h) => words.some((w) => (h ?? '').includes(w)));
  if (has(REFUND_NO_WORDS)) return 'refunds';
  if (!has(['订单']) && has(['编码', '货号']) && has(['库存', '现存量', '结存'])) return 'stock';
  if (!has(['订单']) && has(['是否成交', '询盘', '咨询渠道', '未交易原因', '未成交原因'])) return 'inquiries';
  if (header.filter(isDayHeader).length >= 7) return 'rota';
  if (!has(['订单']) && has(['打卡', '签到', '考勤', '刷卡'])) return 'punches';
  if (!has(['订单编号', '订单号']) && has(['访客']) && has(['买家数', '成交人数', '浏览量'])) return 'metrics';
  if (!has(['订单']) && has(['未回复', '未及时回复', '挂机', '离开时长'])) return 'penalties';
  return 'orders';
}

/** Whether a kind's files belong to no platform (the mapping screen asks for none). */
export function kindHasNoPlatform(kind: FileKind): boolean {
  return !!KINDS.find((k) => k.id === kind)?.noPlatform;
}

/** The kind of file a saved template reads, by its level (Go Template.Level). */
export function kindOfLevel(level: string): FileKind {
  return (KINDS.find((k) => k.levels.includes(level)) ?? KINDS[0]).id;
}

// 省 / 市 / 区 columns are joined into the address, followed by the street column.
const ADDRESS_PARTS = [
  ['省', '省份', '收货省份', '收件省'],
  ['市', '城市', '收货城市', '收件市'],
  ['区', '区县', '县区', '收货区县', '收件区'],
];

function bestColumn(rule: Rule, cols: ColumnChoice[], used: Set<string> | null): string | null {
  let best: { name: string; score: number } | null = null;
  for (const c of cols) {
    if (used?.has(c.name)) continue;
    if (rule.not?.some((w) => c.name.includes(w))) continue;
    const k = rule.words.findIndex((w) => c.name.includes(w));
    if (k < 0) continue;
    const score = k * 2 + (c.name === rule.words[k] ? 0 : 1);
    if (!best || score < best.score) best = { name: c.name, score };
  }
  return best?.name ?? null;
}

/**
 * A first guess of the mapping from the header names; the seller corrects it on screen.
 * guess (FileResult.guess) are the columns the Go importer's layouts know by name: they
 * win over the word rules for orders.
 */
export function guessMapping(header: string[], kind: FileKind = 'orders', guess?: Mapping): Mapping {
  const out = guessByWords(header, kind);
  if (kind !== 'orders' || !guess) return out;
  // a column the layouts know goes to their field: a word rule's other field for it yields
  // (item fields may share a column with an order field, as the word rules have them)
  const taken = new Set(Object.values(guess).flat());
  const itemKeys = new Set(MAPPING_FIELDS.filter((f) => f.group === 'item').map((f) => f.key));
  for (const [field, cols] of Object.entries(out)) {
    if (!guess[field] && !itemKeys.has(field) && cols.some((c) => taken.has(c))) delete out[field];
  }
  return { ...out, ...guess };
}

function guessByWords(header: string[], kind: FileKind): Mapping {
  const cols = columnChoices(header);
  const used = new Set<string>();
  const out: Mapping = {};
  const rules: Record<string, Rule[]> = {
    refunds: REFUND_RULES,
    stock: STOCK_RULES,
    inquiries: INQUIRY_RULES,
    rota: STAFF_RULES.filter((r) => r.field === 'staff_name'),
    punches: STAFF_RULES,
    metrics: METRIC_RULES,
  };
  if (rules[kind]) {
    for (const rule of rules[kind]) {
      const name = bestColumn(rule, cols, used);
      if (name) {
        out[rule.field] = [name];
        used.add(name);
      }
    }
    return out;
  }
  for (const rule of ORDER_RULES) {
    const name = bestColumn(rule, cols, used);
    if (name) {
      out[rule.field] = [name];
      used.add(name);
    }
  }
  const parts = ADDRESS_PARTS.map((words) => cols.find((c) => words.includes(c.name))?.name).filter((n): n is string => !!n);
  if (parts.length >= 2) {
    const street = out.address?.[0];
    out.address = street && !parts.includes(street) ? [...parts, street] : parts;
  }
  if (out.sub_order_no) {
    for (const rule of ITEM_RULES) {
      const name = bestColumn(rule, cols, null);
      if (name) out[rule.field] = [name];
    }
  }
  return out;
}

/**
 * Required fields that have no column yet, and of each one-of group none of whose fields
 * has one, its first field (orders: 订单状态, unless 付款时间 is chosen to derive it from).
 */
export function missingRequired(mapping: Mapping, kind: FileKind = 'orders'): string[] {
  const has = (key: string) => !!mapping[key]?.length;
  const def = kindDef(kind);
  return [
    ...def.fields.filter((f) => f.required && !has(f.key)).map((f) => f.key),
    ...def.oneOf.filter((group) => !group.some(has)).map((group) => group[0]),
  ];
}

/** The fields a missing key stands for: its one-of group (订单状态, 付款时间), else itself. */
export function missingGroup(key: string, kind: FileKind): string[] {
  return kindDef(kind).oneOf.find((g) => g[0] === key) ?? [key];
}

/** Whether the importer will derive the status: an orders template without 订单状态. */
export function derivesStatus(mapping: Mapping, kind: FileKind): boolean {
  return kind === 'orders' && !mapping.status?.length;
}

/** The mapping without empty fields, and without item fields when rows are whole orders. */
export function cleanMapping(mapping: Mapping, itemRows: boolean, kind: FileKind = 'orders'): Mapping {
  const out: Mapping = {};
  for (const f of fieldsFor(kind, itemRows)) {
    const cols = (mapping[f.key] ?? []).filter((c) => c.trim() !== '');
    if (cols.length > 0) out[f.key] = f.multi ? cols : cols.slice(0, 1);
  }
  return out;
}

/** A template name from the file name: 微店订单_20261121.csv → 微店订单 ('' when nothing is left). */
export function defaultTemplateName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base
    .replace(/\.[^.]*$/, '')
    .replace(/[0-9０-９]+/g, '')
    .replace(/[\s_\-—.()（）[\]【】]+$/g, '')
    .replace(/^[\s_\-—.]+/g, '')
    .slice(0, 40);
}

import { describe, expect, it } from 'vitest';
import { cleanMapping, guessKind, guessMapping, kindHasNoPlatform, missingRequired } from './mapping';

// A stock sheet no layout knows (an ERP's 存货 export): the screen guesses it is stock, asks
// for no platform, and finds the code and the quantity by their names.
describe('stock sheet templates', () => {
  const header = ['存货编码', '存货名称', '规格型号', '现存量', '单价', '供应商', '安全库存'];

  it('guesses the kind from the header', () => {
    expect(guessKind(header)).toBe('stock');
    expect(guessKind(['订单编号', '商家编码', '库存'])).toBe('orders');
    expect(guessKind(['退款编号', '订单编号'])).toBe('refunds');
  });

  it('asks for no platform', () => {
    expect(kindHasNoPlatform('stock')).toBe(true);
    expect(kindHasNoPlatform('orders')).toBe(false);
  });

  it('maps the columns by their names', () => {
    const m = guessMapping(header, 'stock');
    expect(m).toMatchObject({
      sku_code: ['存货编码'],
      sku_name: ['存货名称'],
      sku_spec: ['规格型号'],
      on_hand: ['现存量'],
      cost: ['单价'],
      supplier: ['供应商'],
      safety_stock: ['安全库存'],
    });
    expect(missingRequired(m, 'stock')).toEqual([]);
    expect(missingRequired({ sku_code: ['存货编码'] }, 'stock')).toEqual(['on_hand']);
    expect(Object.keys(cleanMapping(m, false, 'stock')).sort()).toEqual(Object.keys(m).sort());
  });
});

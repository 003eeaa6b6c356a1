import * as ShopService from '../../wailsjs/go/app/ShopService';
import type { shop } from '../../wailsjs/go/models';

export type Shop = shop.Shop;

export async function listShops(): Promise<Shop[]> {
  return (await ShopService.List()) ?? [];
}

export function createShop(platform: string, name: string): Promise<Shop> {
  return ShopService.Create(platform, name);
}

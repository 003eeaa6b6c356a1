import * as ShopService from '../../wailsjs/go/app/ShopService';
import type { shop } from '../../wailsjs/go/models';

export type Shop = shop.Shop;
export type MergePlan = shop.MergePlan;
export type ShopMerge = shop.Merge;
export type ShopImpact = shop.Impact;
export type RowCount = shop.TableCount;

export async function listShops(): Promise<Shop[]> {
  return (await ShopService.List()) ?? [];
}

export function createShop(platform: string, name: string): Promise<Shop> {
  return ShopService.Create(platform, name);
}

/** Renames a shop; the old name stays an alias, so files that still carry it find the shop. */
export function renameShop(id: number, name: string): Promise<Shop> {
  return ShopService.Rename(id, name);
}

/** Stops imports from matching an old name to the shop. */
export function forgetOldName(id: number, name: string): Promise<void> {
  return ShopService.ForgetOldName(id, name);
}

/** What merging source into target would move, and the rows both shops have. */
export function planMerge(sourceId: number, targetId: number): Promise<MergePlan> {
  return ShopService.PlanMerge(sourceId, targetId);
}

export function mergeShops(sourceId: number, targetId: number): Promise<ShopMerge> {
  return ShopService.Merge(sourceId, targetId);
}

/** The merges that can be undone now, newest first. */
export async function listMerges(): Promise<ShopMerge[]> {
  return (await ShopService.Merges()) ?? [];
}

export function undoMerge(id: number): Promise<shop.UndoResult> {
  return ShopService.UndoMerge(id);
}

/** What deleting a shop would delete (for the confirmation). */
export function shopImpact(id: number): Promise<ShopImpact> {
  return ShopService.Impact(id);
}

/** Deletes a shop and its data; confirmName is the shop's name as the seller typed it. */
export function deleteShop(id: number, confirmName: string): Promise<void> {
  return ShopService.Delete(id, confirmName);
}

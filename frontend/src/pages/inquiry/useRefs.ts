// What the register's pages look names up in: the editable lists, the staff, the shops,
// the regions. Loaded once per page; reload() after a list changes.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listOptions, listRegions, type InquiryOption } from '../../api/inquiry';
import { listStaff, type Staff } from '../../api/staff';
import { useAppData } from '../../state/AppData';
import type { Shop } from '../../api/shops';
import type { ListName } from './domain';

export interface Refs {
  options: InquiryOption[];
  /** The active entries of a list, in order. */
  choices: (list: ListName) => string[];
  staff: Staff[];
  staffName: (id: number) => string;
  staffId: (name: string) => number | undefined;
  shops: Shop[];
  shopName: (id: number) => string;
  shopId: (name: string) => number | undefined;
  regions: string[];
  reload: () => Promise<void>;
  error: unknown;
}

export function useRefs(): Refs {
  const { shops } = useAppData();
  const [options, setOptions] = useState<InquiryOption[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [o, s, r] = await Promise.all([listOptions(), listStaff(), listRegions()]);
      setOptions(o);
      setStaff(s);
      setRegions(r);
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  return useMemo(() => {
    const byList = new Map<string, string[]>();
    for (const o of options) if (o.active) byList.set(o.list, [...(byList.get(o.list) ?? []), o.name]);
    const names = new Map(staff.map((s) => [s.id, s.name]));
    const shopNames = new Map(shops.map((s) => [s.id, s.name]));
    return {
      options,
      choices: (list: ListName) => byList.get(list) ?? [],
      staff,
      staffName: (id: number) => names.get(id) ?? '',
      staffId: (name: string) => staff.find((s) => s.name === name.trim())?.id,
      shops,
      shopName: (id: number) => shopNames.get(id) ?? '',
      shopId: (name: string) => shops.find((s) => s.name === name.trim())?.id,
      regions,
      reload,
      error,
    };
  }, [options, staff, shops, regions, reload, error]);
}

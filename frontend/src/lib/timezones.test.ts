import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { utcOffset, ZONE_KEYS } from './timezones';
import { timezoneLabel } from '../components/labels';
import { enUSStrings, zhCNStrings, type Tree } from '../locales/resources';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('utcOffset', () => {
  it.each([
    ['Asia/Shanghai', winter, 'UTC+8'],
    ['Asia/Shanghai', summer, 'UTC+8'],
    ['Asia/Urumqi', winter, 'UTC+6'],
    ['Asia/Kolkata', winter, 'UTC+5:30'],
    ['America/New_York', winter, 'UTC-5'],
    ['America/New_York', summer, 'UTC-4'],
    ['Europe/London', winter, 'UTC+0'],
    ['UTC', winter, 'UTC+0'],
    ['Not/AZone', winter, ''],
  ])('%s at %s is %s', (zone, at, want) => {
    expect(utcOffset(zone, at)).toBe(want);
  });

  it('knows every named zone', () => {
    for (const zone of Object.keys(ZONE_KEYS)) expect(utcOffset(zone, winter), zone).toMatch(/^UTC[+-]\d/);
  });
});

describe('timezoneLabel', () => {
  const zones = (tree: Tree) => ((tree.shops as Tree).zones as Tree) ?? {};

  it('names every zone of ZONE_KEYS in both languages', () => {
    for (const key of Object.values(ZONE_KEYS)) {
      expect(zones(zhCNStrings)[key], `zh-CN shops.zones.${key}`).toBeTruthy();
      expect(zones(enUSStrings)[key], `en-US shops.zones.${key}`).toBeTruthy();
    }
  });

  it.each([
    ['zh-CN', 'Asia/Shanghai', '北京时间 (UTC+8)'],
    ['en-US', 'Asia/Shanghai', 'Beijing time (UTC+8)'],
    ['zh-CN', 'Asia/Tokyo', '东京时间 (UTC+9)'],
    ['zh-CN', 'Europe/Paris', 'Europe/Paris (UTC+1)'],
    ['en-US', 'Not/AZone', 'Not/AZone'],
  ])('%s: %s reads %s', async (lang, zone, want) => {
    const t = i18n.createInstance();
    await t.init({ lng: lang, resources: { 'zh-CN': { translation: zhCNStrings }, 'en-US': { translation: enUSStrings } } });
    expect(timezoneLabel(t.t, zone, winter)).toBe(want);
  });
});

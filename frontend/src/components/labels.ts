import type { TFunction } from 'i18next';
import { isKnownPlatform, isKnownStatus } from '../lib/domain';
import { utcOffset, ZONE_KEYS } from '../lib/timezones';

/** A platform's name; '—' for none (the seller's own files, such as a stock sheet). */
export function platformLabel(t: TFunction, platform: string): string {
  return isKnownPlatform(platform) ? t(`platform.${platform}`) : platform || '—';
}

export function statusLabel(t: TFunction, status: string): string {
  return isKnownStatus(status) ? t(`status.${status}`) : status || t('status.unknown');
}

/** A shop's time zone as a seller reads it: 北京时间 (UTC+8); an unnamed zone shows its id. */
export function timezoneLabel(t: TFunction, zone: string, at: Date = new Date()): string {
  const key = ZONE_KEYS[zone];
  const name = key ? t(`shops.zones.${key}`) : zone;
  const offset = utcOffset(zone, at);
  return offset ? `${name} (${offset})` : name;
}

import type { TFunction } from 'i18next';
import { isKnownPlatform, isKnownStatus } from '../lib/domain';

export function platformLabel(t: TFunction, platform: string): string {
  return isKnownPlatform(platform) ? t(`platform.${platform}`) : platform;
}

export function statusLabel(t: TFunction, status: string): string {
  return isKnownStatus(status) ? t(`status.${status}`) : status || t('status.unknown');
}

// Time zones as a seller reads them: 北京时间 (UTC+8), not Asia/Shanghai. Shops keep an IANA
// zone id (internal/shop DefaultTimezone: Asia/Shanghai); the zones a seller of these
// platforms may meet have a name in the locales (shops.zones.<key>), any other zone shows
// its id. The offset is read from the browser's zone data at the given moment, so zones
// with summer time show the offset in force.

/** IANA zone id -> key of shops.zones in the locale files. */
export const ZONE_KEYS: Record<string, string> = {
  'Asia/Shanghai': 'shanghai',
  'Asia/Urumqi': 'urumqi',
  'Asia/Hong_Kong': 'hongKong',
  'Asia/Macau': 'macau',
  'Asia/Taipei': 'taipei',
  'Asia/Singapore': 'singapore',
  'Asia/Kuala_Lumpur': 'kualaLumpur',
  'Asia/Bangkok': 'bangkok',
  'Asia/Ho_Chi_Minh': 'hoChiMinh',
  'Asia/Jakarta': 'jakarta',
  'Asia/Manila': 'manila',
  'Asia/Tokyo': 'tokyo',
  'Asia/Seoul': 'seoul',
  'Asia/Dubai': 'dubai',
  'Europe/Moscow': 'moscow',
  'Europe/London': 'london',
  'Europe/Berlin': 'berlin',
  'America/New_York': 'newYork',
  'America/Los_Angeles': 'losAngeles',
  'Australia/Sydney': 'sydney',
};

/** "UTC+8", "UTC+5:30", "UTC-5", "UTC+0" for zone at the moment at; '' for an unknown zone. */
export function utcOffset(zone: string, at: Date = new Date()): string {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return '';
  }
  if (!name) return '';
  const m = name.match(/^GMT(?:([+-−])(\d{1,2})(?::(\d{2}))?)?$/);
  if (!m) return '';
  if (!m[1]) return 'UTC+0';
  const sign = m[1] === '+' ? '+' : '-';
  return `UTC${sign}${Number(m[2])}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`;
}

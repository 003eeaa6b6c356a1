// Money travels as integer fen (1 yuan = 100 fen) so no float ever rounds a price.

/** formatFen(12345) === '¥123.45'; formatFen(-5) === '-¥0.05'; thousands use commas. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const n = Math.round(fen);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${String(cents).padStart(2, '0')}`;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `1536` → `1,5 KB` (id) / `1.5 KB` (en): binary steps, one decimal, the locale's separator. */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${UNITS[unit] ?? 'B'}`;
}

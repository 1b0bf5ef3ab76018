import { luhnCheckDigit } from './luhn';

/**
 * A temporary patient number for a new or unidentified patient registered during downtime:
 * `TMP-<device code>-<yymmdd>-<4-digit daily sequence>-<check digit>`. The device code makes two
 * devices' numbers distinct; the `TMP-` prefix and hyphens keep it apart from any real MRN (the
 * config refuses an MRN pattern that would match one).
 */
export const TEMP_NUMBER_PATTERN = /^TMP-([A-Z][A-Z0-9]{2})-(\d{6})-(\d{4})-(\d)$/;

/** Device codes are three characters, a letter first, e.g. `PD1`, `RM2`, `POL`. */
export const DEVICE_CODE_PATTERN = /^[A-Z][A-Z0-9]{2}$/;

export function formatTempNumber(deviceCode: string, compactDate: string, sequence: number): string {
  if (!DEVICE_CODE_PATTERN.test(deviceCode)) throw new Error('invalid device code');
  if (sequence < 1 || sequence > 9999) throw new Error('temporary number sequence out of range');
  const body = `${deviceCode}${compactDate}${String(sequence).padStart(4, '0')}`;
  return `TMP-${deviceCode}-${compactDate}-${String(sequence).padStart(4, '0')}-${luhnCheckDigit(body)}`;
}

/** True for a well-formed temporary number whose check digit is right. */
export function isTempNumber(value: string): boolean {
  const match = TEMP_NUMBER_PATTERN.exec(value);
  if (!match) return false;
  const [, device, date, sequence, check] = match;
  return luhnCheckDigit(`${device}${date}${sequence}`) === Number(check);
}

/** A sample used to check that a hospital's MRN pattern cannot match temporary numbers. */
export const SAMPLE_TEMP_NUMBER = formatTempNumber('PD1', '261122', 1);

const ONES_ID = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const ONES_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS_EN = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS_EN = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The largest ticket number: desk series 9, sequence 999. */
const MAX_SPOKEN = 9999;

function checkRange(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_SPOKEN) throw new RangeError('0–9999 only');
}

/**
 * 0–9999 in Indonesian words, as a caller reads a queue number: 12 → "dua belas", 111 → "seratus
 * sebelas", 1012 → "seribu dua belas".
 */
export function indonesianNumber(value: number): string {
  checkRange(value);
  if (value < 10) return ONES_ID[value]!;
  if (value === 10) return 'sepuluh';
  if (value === 11) return 'sebelas';
  if (value < 20) return `${ONES_ID[value - 10]} belas`;
  if (value < 100) {
    const tens = Math.floor(value / 10);
    const rest = value % 10;
    return `${ONES_ID[tens]} puluh${rest ? ` ${ONES_ID[rest]}` : ''}`;
  }
  const [unit, size, one] = value < 1000 ? [100, 'ratus', 'seratus'] : [1000, 'ribu', 'seribu'];
  const count = Math.floor(value / unit);
  const rest = value % unit;
  return `${count === 1 ? one : `${ONES_ID[count]} ${size}`}${rest ? ` ${indonesianNumber(rest)}` : ''}`;
}

/** 0–9999 in English words: 12 → "twelve", 111 → "one hundred eleven", 1012 → "one thousand twelve". */
export function englishNumber(value: number): string {
  checkRange(value);
  if (value < 10) return ONES_EN[value]!;
  if (value < 20) return TEENS_EN[value - 10]!;
  if (value < 100) {
    const rest = value % 10;
    return `${TENS_EN[Math.floor(value / 10)]}${rest ? `-${ONES_EN[rest]}` : ''}`;
  }
  const [unit, size] = value < 1000 ? [100, 'hundred'] : [1000, 'thousand'];
  const rest = value % unit;
  return `${ONES_EN[Math.floor(value / unit)]} ${size}${rest ? ` ${englishNumber(rest)}` : ''}`;
}

/** A code read out character by character: `PD1` → "P D satu". */
export function spellCode(code: string, language: 'id' | 'en'): string {
  return [...code]
    .map((char) =>
      /\d/.test(char)
        ? language === 'id'
          ? indonesianNumber(Number(char))
          : englishNumber(Number(char))
        : char,
    )
    .join(' ');
}

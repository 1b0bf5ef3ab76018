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

/** 0–999 in Indonesian words, as a caller reads a queue number: 12 → "dua belas", 111 → "seratus sebelas". */
export function indonesianNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 999) throw new RangeError('0–999 only');
  if (value < 10) return ONES_ID[value]!;
  if (value === 10) return 'sepuluh';
  if (value === 11) return 'sebelas';
  if (value < 20) return `${ONES_ID[value - 10]} belas`;
  if (value < 100) {
    const tens = Math.floor(value / 10);
    const rest = value % 10;
    return `${ONES_ID[tens]} puluh${rest ? ` ${ONES_ID[rest]}` : ''}`;
  }
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  return `${hundreds === 1 ? 'seratus' : `${ONES_ID[hundreds]} ratus`}${rest ? ` ${indonesianNumber(rest)}` : ''}`;
}

/** 0–999 in English words: 12 → "twelve", 111 → "one hundred eleven". */
export function englishNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 999) throw new RangeError('0–999 only');
  if (value < 10) return ONES_EN[value]!;
  if (value < 20) return TEENS_EN[value - 10]!;
  if (value < 100) {
    const rest = value % 10;
    return `${TENS_EN[Math.floor(value / 10)]}${rest ? `-${ONES_EN[rest]}` : ''}`;
  }
  const rest = value % 100;
  return `${ONES_EN[Math.floor(value / 100)]} hundred${rest ? ` ${englishNumber(rest)}` : ''}`;
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

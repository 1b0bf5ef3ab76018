/**
 * Luhn mod-10 check digit over letters and digits: each letter counts as its two-digit value
 * (A = 10 … Z = 35), as in ISO 7064-style alphanumeric variants. Catches every single-character
 * typo and most swaps of neighbours.
 */
export function luhnCheckDigit(text: string): number {
  const digits = [...text.toUpperCase()]
    .flatMap((char) => {
      if (/[0-9]/.test(char)) return [char];
      if (/[A-Z]/.test(char)) return [...String(char.charCodeAt(0) - 55)];
      return [];
    })
    .map(Number);
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    // Double every second digit counting from the right, where the check digit will go.
    let digit = digits[digits.length - 1 - index]!;
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

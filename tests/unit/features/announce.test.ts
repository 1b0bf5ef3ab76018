import { describe, expect, it } from 'vitest';
import { announcementText, englishNumber, indonesianNumber, spellCode } from '@/features/queue';
import { translator } from '@/i18n';
import { messagesEn } from '@/i18n/messages.en';
import { messagesId } from '@/i18n/allMessagesId';

describe('queue numbers read aloud', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [45, 'empat puluh lima'],
    [100, 'seratus'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
  ])('%i in Indonesian is "%s"', (value, words) => {
    expect(indonesianNumber(value)).toBe(words);
  });

  it.each([
    [12, 'twelve'],
    [45, 'forty-five'],
    [111, 'one hundred eleven'],
  ])('%i in English is "%s"', (value, words) => {
    expect(englishNumber(value)).toBe(words);
  });

  it('refuses numbers a ticket cannot have', () => {
    expect(() => indonesianNumber(1000)).toThrow(RangeError);
    expect(() => indonesianNumber(-1)).toThrow(RangeError);
  });

  it('spells device codes character by character', () => {
    expect(spellCode('PD1', 'id')).toBe('P D satu');
    expect(spellCode('RM2', 'en')).toBe('R M two');
  });

  it('announces the ticket and where to go, in each language', () => {
    const ticket = { prefix: 'B', deviceCode: 'PD1', sequence: 12 };
    expect(announcementText(translator(messagesId), 'id', ticket, 'Poli Anak')).toBe(
      'Nomor antrean B, P D satu, nomor dua belas. Silakan menuju Poli Anak.',
    );
    expect(announcementText(translator(messagesEn), 'en', ticket, 'Poli Anak')).toBe(
      'Queue number B, P D one, number twelve. Please go to Poli Anak.',
    );
  });
});

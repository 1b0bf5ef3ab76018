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
    [1000, 'seribu'],
    [1012, 'seribu dua belas'],
    [1100, 'seribu seratus'],
    [2345, 'dua ribu tiga ratus empat puluh lima'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
  ])('%i in Indonesian is "%s"', (value, words) => {
    expect(indonesianNumber(value)).toBe(words);
  });

  it.each([
    [12, 'twelve'],
    [45, 'forty-five'],
    [111, 'one hundred eleven'],
    [1012, 'one thousand twelve'],
    [2345, 'two thousand three hundred forty-five'],
  ])('%i in English is "%s"', (value, words) => {
    expect(englishNumber(value)).toBe(words);
  });

  it('refuses numbers a ticket cannot have', () => {
    expect(() => indonesianNumber(10_000)).toThrow(RangeError);
    expect(() => englishNumber(10_000)).toThrow(RangeError);
    expect(() => indonesianNumber(-1)).toThrow(RangeError);
  });

  it('spells device codes character by character', () => {
    expect(spellCode('PD1', 'id')).toBe('P D satu');
    expect(spellCode('RM2', 'en')).toBe('R M two');
  });

  it('calls a short ticket by its letter and the number the patient holds, never the desk code', () => {
    const ticket = { prefix: 'A', deviceCode: 'PD2', series: 1, sequence: 12 };
    expect(announcementText(translator(messagesId), 'id', ticket, 'Poli Umum')).toBe(
      'Nomor antrean A, seribu dua belas. Silakan menuju Poli Umum.',
    );
    expect(announcementText(translator(messagesEn), 'en', ticket, 'Poli Umum')).toBe(
      'Queue number A, one thousand twelve. Please go to Poli Umum.',
    );
    expect(announcementText(translator(messagesId), 'id', { ...ticket, series: 0 }, 'Poli Umum')).toBe(
      'Nomor antrean A, dua belas. Silakan menuju Poli Umum.',
    );
  });

  it('spells the desk code of a long-label ticket, the one the patient holds', () => {
    const ticket = { prefix: 'B', deviceCode: 'PD1', sequence: 12 };
    expect(announcementText(translator(messagesId), 'id', ticket, 'Poli Anak')).toBe(
      'Nomor antrean B, P D satu, nomor dua belas. Silakan menuju Poli Anak.',
    );
    expect(announcementText(translator(messagesEn), 'en', ticket, 'Poli Anak')).toBe(
      'Queue number B, P D one, number twelve. Please go to Poli Anak.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { newPassphraseProblem, passphraseProblem, pinProblem, Reason } from '@/domain';

describe('passphrase policy', () => {
  it('wants at least 10 characters, counted as people see them', () => {
    expect(passphraseProblem('kopi pagi')).toBe(Reason.PassphraseTooShort); // 9
    expect(passphraseProblem('kopi pagi!')).toBeUndefined(); // 10
    expect(passphraseProblem('kopi pagi di poli umum')).toBeUndefined();
  });

  it('refuses the common ones whatever their case, spaces or punctuation, and near-usernames', () => {
    expect(passphraseProblem('Rumah Sakit 123')).toBe(Reason.PassphraseTooCommon);
    expect(passphraseProblem('aaaaaaaaaaaa')).toBe(Reason.PassphraseTooCommon);
    expect(passphraseProblem('rina.petugas1', 'rina.petugas')).toBe(Reason.PassphraseTooCommon);
    expect(passphraseProblem('rina suka kopi tubruk', 'rina')).toBeUndefined();
  });

  it('names the field of a new passphrase’s problem: the passphrase first, then its repetition', () => {
    expect(newPassphraseProblem('pendek', 'pendek')).toEqual({
      field: 'passphrase',
      reason: Reason.PassphraseTooShort,
    });
    expect(newPassphraseProblem('kopi pagi di poli', 'kopi pagi di pol')).toEqual({
      field: 'again',
      reason: Reason.PassphraseMismatch,
    });
    expect(newPassphraseProblem('kopi pagi di poli', 'kopi pagi di poli')).toBeUndefined();
  });

  it('takes 6-digit PINs that are not a repeated digit or a run', () => {
    expect(pinProblem('274915')).toBeUndefined();
    for (const weak of ['12345', '1234567', '12a456', '111111', '123456', '987654'])
      expect(pinProblem(weak), weak).toBe(Reason.PinFormat);
  });
});

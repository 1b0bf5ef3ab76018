import { describe, expect, it } from 'vitest';
import { NikMismatch, NikProblem, Reason, REASON_PARAMS, Warning } from '@/domain';
import { problemText, reasonText } from '@/features/common';
import { translator, type MessageKey } from '@/i18n';
import { messagesEn } from '@/i18n/messages.en';
import { messagesId } from '@/i18n/allMessagesId';

const LANGUAGES = [
  ['id', translator(messagesId)],
  ['en', translator(messagesEn)],
] as const;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
/** A value for each parameter a reason may carry, as its producers give it. */
const SAMPLE: Record<string, string> = {
  example: '012345',
  previous: '2026-11-22T08:15:00.000+07:00',
  ticket: 'A-012',
  status: 'waiting',
  move: 'called',
  date: '22/11/2026',
};
const paramsOf = (reason: Reason) =>
  Object.fromEntries(REASON_PARAMS[reason].map((name: string) => [name, SAMPLE[name] ?? name]));

describe('every reason a device can report has words', () => {
  it.each(LANGUAGES)('gives each reason code its own complete sentence (%s)', (_language, t) => {
    const fallback = t('reason.unknown');
    for (const reason of Object.values(Reason)) {
      const text = reasonText(t, reason, paramsOf(reason), 'Asia/Jakarta');
      expect(text.trim(), reason).not.toBe('');
      expect(text, reason).not.toBe(fallback);
      expect(placeholders(text), reason).toEqual([]);
    }
  });

  it.each(LANGUAGES)('uses in each sentence only the parameters its reason carries (%s)', (_language, t) => {
    for (const reason of Object.values(Reason)) {
      const raw = t(`reason.${reason}` as MessageKey);
      for (const name of placeholders(raw)) expect(REASON_PARAMS[reason], reason).toContain(name);
    }
  });

  it('reports every impossible part of a NIK as a reason with its own sentence', () => {
    const reasons = new Set<string>(Object.values(Reason));
    const t = translator(messagesId);
    const sentences = Object.values(NikProblem).map((problem) => {
      expect(reasons.has(problem), problem).toBe(true);
      return reasonText(t, problem);
    });
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(sentences).not.toContain(t('reason.nikFormat'));
  });

  it.each(LANGUAGES)('words every warning, NIK mismatches included (%s)', (_language, t) => {
    const warnings: string[] = [...Object.values(Warning), ...Object.values(NikMismatch)];
    for (const warning of warnings) {
      const text = t(`warning.${warning}` as MessageKey, { ticket: 'A-012', poli: 'Poli Umum' });
      expect(text.trim(), warning).not.toBe('');
      expect(placeholders(text), warning).toEqual([]);
    }
  });

  it('translates a problem once: its reason code in, the sentence out', () => {
    const t = translator(messagesId);
    expect(problemText(t, { field: 'patient.nik', reason: Reason.NikInvalidDay })).toBe(
      'Angka ke-7 dan ke-8 NIK (tanggal lahir) harus 01–31, atau 41–71 untuk perempuan.',
    );
    expect(problemText(t, { field: 'registeredAt', reason: Reason.TimeInFuture }, 'Asia/Jakarta')).toBe(
      'Waktu tidak boleh di masa depan.',
    );
    expect(
      problemText(
        t,
        { field: 'when', reason: Reason.TimeOrder, params: { previous: SAMPLE.previous! } },
        'Asia/Jakarta',
      ),
    ).toBe('Urutan waktu salah: waktu ini lebih awal dari langkah sebelumnya (08:15).');
  });

  it('keeps no sentence for a reason that does not exist', () => {
    const codes = new Set<string>(Object.values(Reason));
    const stale = Object.keys(messagesId)
      .filter((key) => key.startsWith('reason.') && key !== 'reason.unknown')
      .filter((key) => !codes.has(key.slice('reason.'.length)));
    expect(stale).toEqual([]);
  });
});

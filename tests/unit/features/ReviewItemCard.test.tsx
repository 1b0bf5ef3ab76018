import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewItemCard } from '@/features/recovery/ReviewItemCard';
import { accessStore, type ReviewItem } from '@/storage';
import { registrationAt } from '../../fixtures/outageEvents';

const visit = registrationAt(
  { kind: 'new', name: 'Budi Santoso', birthDate: '1985-03-04', sex: 'L', identityVerifiedBy: 'ktp' },
  '2026-11-22T08:00:00+07:00',
).events.find((event) => event.type === 'visit.registered')!;

function refused(code: string, message: string, field?: string): ReviewItem {
  return {
    event: visit,
    localSeq: 1,
    error: { status: 'rejected', code, message, ...(field ? { field } : {}), at: '2026-11-22T02:00:00.000Z' },
  };
}

describe('a record the hub refused', () => {
  beforeEach(() => accessStore.setState({ actor: { userId: 'u3', name: 'Putri', role: 'recovery' } }));
  afterEach(() => accessStore.setState({ actor: undefined }));

  it('says why in Indonesian, naming the field, never with the hub’s English message', () => {
    const message = 'Doctor D999 does not practise in Poli Umum per the hub’s configuration.';
    const { container } = render(
      <ReviewItemCard item={refused('unknown_doctor', message, 'payload.doctorCode')} zone="Asia/Jakarta" />,
    );
    expect(
      screen.getByText('Ditolak hub: dokter tidak praktik di poli itu menurut hub (kolom Dokter).'),
    ).toBeTruthy();
    expect(container.textContent).not.toContain(message);
    expect(container.textContent).not.toContain('unknown_doctor');
  });

  it('reads a code this app does not know as a plain refusal', () => {
    const { container } = render(
      <ReviewItemCard item={refused('brand_new_rule', 'Some new rule.')} zone="Asia/Jakarta" />,
    );
    expect(container.textContent).toContain(
      'Hub menolak permintaan ini. Coba lagi; bila terulang, hubungi IT.',
    );
    expect(container.textContent).not.toContain('Some new rule.');
  });
});

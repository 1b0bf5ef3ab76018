import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewItemCard } from '@/features/recovery/ReviewItemCard';
import { accessStore, type ReviewItem } from '@/storage';
import { registrationAt } from '../../fixtures/outageEvents';
import { eventAt } from '../domain/eventFactory';

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

describe('an account the hub refused for its username', () => {
  beforeEach(() => accessStore.setState({ actor: { userId: 'u1', name: 'IT PD2', role: 'admin' } }));
  afterEach(() => accessStore.setState({ actor: undefined }));

  const credentials = {
    kdf: { algorithm: 'PBKDF2-SHA256' as const, iterations: 600_000, salt: 'c2FsdC1kZXdpLWl0LXNhbHQ' },
    verifier: 'dmVyaWZpZXItb2YtZGV3aS1pdC1wYXNzcGhyYXNlLTQ',
  };
  const account = eventAt('user.created', '01937f5e-0000-7000-8000-000000000def', '07:00', {
    username: 'dewi.it',
    displayName: 'Dewi IT',
    role: 'admin',
    credentials,
  });
  const item: ReviewItem = {
    event: account,
    localSeq: 3,
    error: {
      status: 'rejected',
      code: 'username_taken',
      message: 'The username dewi.it belongs to another account.',
      field: 'payload.username',
      at: '2026-11-22T02:00:00.000Z',
    },
  };

  it('explains it in Indonesian and offers one thing: another username, never the key material', () => {
    const { container } = render(<ReviewItemCard item={item} zone="Asia/Jakarta" />);
    expect(container.textContent).toContain(
      'Nama pengguna "dewi.it" sudah dipakai akun lain di rumah sakit ini',
    );
    expect(screen.getByLabelText('Nama pengguna baru untuk Dewi IT')).toBeTruthy();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Pakai nama pengguna ini',
    ]);
    for (const secret of [
      credentials.kdf.salt,
      credentials.verifier,
      'salt',
      'verifier',
      'belongs to another',
    ])
      expect(container.textContent).not.toContain(secret);

    fireEvent.change(screen.getByLabelText('Nama pengguna baru untuk Dewi IT'), {
      target: { value: 'Dewi.IT' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pakai nama pengguna ini' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Nama pengguna "dewi.it" sudah dipakai. Pilih yang lain.',
    );
  });
});

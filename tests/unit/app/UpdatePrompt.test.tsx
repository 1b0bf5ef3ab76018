import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppServicesContext } from '@/app/AppServicesContext';
import { serviceWorkerStore } from '@/app/serviceWorker';
import type { AppServices } from '@/app/startServices';
import { UpdatePrompt } from '@/app/UpdatePrompt';
import { useUnsavedWork } from '@/ui/unsavedWork';

function DirtyForm({ dirty }: { dirty: boolean }) {
  useUnsavedWork(dirty);
  return null;
}

function renderPrompt(dirty: boolean) {
  const applyUpdate = vi.fn(() => Promise.resolve());
  const deferUpdate = vi.fn(() => serviceWorkerStore.setState({ updateDeferred: true }));
  const services = {
    serviceWorker: { applyUpdate, deferUpdate, checkForUpdate: vi.fn() },
  } as unknown as AppServices;
  const view = render(
    <AppServicesContext.Provider value={services}>
      <DirtyForm dirty={dirty} />
      <UpdatePrompt />
    </AppServicesContext.Provider>,
  );
  return { applyUpdate, deferUpdate, view };
}

describe('UpdatePrompt', () => {
  afterEach(() => serviceWorkerStore.setState({ updateWaiting: false, updateDeferred: false }));

  it('shows nothing until a new release is waiting', () => {
    renderPrompt(false);
    expect(screen.queryByRole('button', { name: 'Perbarui sekarang' })).toBeNull();
  });

  it('applies the waiting release when asked', () => {
    serviceWorkerStore.setState({ updateWaiting: true });
    const { applyUpdate } = renderPrompt(false);
    act(() => screen.getByRole('button', { name: 'Perbarui sekarang' }).click());
    expect(applyUpdate).toHaveBeenCalledOnce();
  });

  it('refuses to reload over unsaved input and says why', () => {
    serviceWorkerStore.setState({ updateWaiting: true });
    const { applyUpdate } = renderPrompt(true);
    const apply = screen.getByRole('button', { name: 'Perbarui sekarang' });
    expect(apply).toHaveProperty('disabled', true);
    act(() => apply.click());
    expect(applyUpdate).not.toHaveBeenCalled();
    expect(screen.getByText(/Masih ada isian yang belum disimpan/)).toBeTruthy();
  });

  it('lets the user decline and keep working', () => {
    serviceWorkerStore.setState({ updateWaiting: true });
    const { deferUpdate } = renderPrompt(false);
    act(() => screen.getByRole('button', { name: 'Nanti' }).click());
    expect(deferUpdate).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Perbarui sekarang' })).toBeNull();
  });
});

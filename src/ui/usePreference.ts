import { useCallback, useState } from 'react';

/**
 * A small UI preference remembered on this device (e.g. the chosen poli, voice on/off).
 * Never for patient data: localStorage is not encrypted.
 */
export function usePreference<T extends string | boolean>(key: string, initial: T): [T, (value: T) => void] {
  const storageKey = `siaga.pref.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(storageKey);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial; // unreadable or blocked storage: use the default
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Storage blocked: the choice lasts for this page only.
      }
    },
    [storageKey],
  );
  return [value, update];
}

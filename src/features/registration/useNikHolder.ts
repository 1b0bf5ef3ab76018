import { useEffect, useState } from 'react';
import { checkNik, type Patient } from '@/domain';
import { findPatients, getDb } from '@/storage';

/**
 * The patient this device already knows by the NIK being typed, once it is a possible NIK: the
 * form then offers that patient instead of a second record (the same blind-index lookup as the
 * search by NIK). `undefined` while nobody matches.
 */
export function useNikHolder(nik: string, enabled: boolean): Patient | undefined {
  const [holder, setHolder] = useState<{ nik: string; patient: Patient } | undefined>();
  const candidate = nik.trim();
  const lookUp = enabled && checkNik(candidate, new Date()).ok;
  useEffect(() => {
    if (!lookUp) return;
    let current = true;
    void findPatients(getDb(), { nik: candidate }).then((patients) => {
      if (current) setHolder(patients[0] ? { nik: candidate, patient: patients[0] } : undefined);
    });
    return () => {
      current = false;
    };
  }, [lookUp, candidate]);
  return lookUp && holder?.nik === candidate ? holder.patient : undefined;
}

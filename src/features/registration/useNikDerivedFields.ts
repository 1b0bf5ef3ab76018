import { useEffect, useMemo, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { birthDateOfNik, checkNik } from '@/domain';
import type { RegistrationFormInput, RegistrationFormOutput } from './registrationFormSchema';

type Derived = { birthDate: string; sex: string };
type RegistrationFormApi = UseFormReturn<RegistrationFormInput, unknown, RegistrationFormOutput>;

/** What a valid NIK states about its holder: the birth date (digits 7–12) and the sex (day + 40 for women). */
function derivedFromNik(nik: string): Derived | undefined {
  const today = new Date();
  const checked = checkNik(nik.trim(), today);
  return checked.ok ? { birthDate: birthDateOfNik(checked.value, today), sex: checked.value.sex } : undefined;
}

/**
 * Fills the birth date and sex from a valid NIK so the clerk does not type them again — but only a
 * field that is empty or still holds what an earlier NIK gave it: what the clerk typed is never
 * overwritten, and every field stays editable. Returns the current NIK's values (for a hint
 * under a field that holds one).
 */
export function useNikDerivedFields(form: RegistrationFormApi, nik: string): Derived | undefined {
  const fromNik = useMemo(() => derivedFromNik(nik), [nik]);
  const applied = useRef<Partial<Derived>>({});
  useEffect(() => {
    if (!fromNik) return;
    for (const field of ['birthDate', 'sex'] as const) {
      const current = form.getValues(field);
      if (current !== '' && current !== applied.current[field]) continue; // the clerk's own
      applied.current[field] = fromNik[field];
      if (current !== fromNik[field])
        form.setValue(field, fromNik[field], {
          shouldDirty: true,
          shouldValidate: form.formState.isSubmitted,
        });
    }
  }, [form, fromNik]);
  return fromNik;
}

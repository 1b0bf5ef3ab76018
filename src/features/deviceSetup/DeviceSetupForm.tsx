import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { DEVICE_CODE_PATTERN, Reason, ROLES } from '@/domain';
import { useT, type MessageKey } from '@/i18n';
import { getDb, saveDeviceSetup, type DeviceSetup } from '@/storage';
import { Button } from '@/ui/Button';
import { SelectField, TextField } from '@/ui/Field';
import { useUnsavedWork } from '@/ui/unsavedWork';
import { reasonText } from '@/features/common';

const setupSchema = z.object({
  deviceCode: z.pipe(
    z.transform((value: string) => value.trim().toUpperCase()),
    z.string().check(z.regex(DEVICE_CODE_PATTERN, { error: Reason.InvalidFormat })),
  ),
  userName: z
    .string()
    .check(z.trim(), z.minLength(2, { error: Reason.TooShort }), z.maxLength(100, { error: Reason.TooLong })),
  role: z.enum(ROLES),
});

export const ROLE_LABEL: Record<(typeof ROLES)[number], MessageKey> = {
  registration: 'role.registration',
  records: 'role.records',
  clinician: 'role.clinician',
  recovery: 'role.recovery',
  admin: 'role.admin',
};

/**
 * Names this device (its code goes into every ticket, temporary and slip number, so it must be
 * unique in the hospital) and the person working on it. Shown at first run and in settings.
 */
export function DeviceSetupForm({ current, onSaved }: { current: DeviceSetup | null; onSaved?: () => void }) {
  const t = useT();
  const form = useForm<z.input<typeof setupSchema>, unknown, z.output<typeof setupSchema>>({
    resolver: zodResolver(setupSchema),
    defaultValues: {
      deviceCode: current?.device.deviceCode ?? '',
      userName: current?.user.name ?? '',
      role: current?.user.role ?? 'registration',
    },
  });
  const [saved, setSaved] = useState(false);
  useUnsavedWork(form.formState.isDirty);
  const error = (name: keyof z.input<typeof setupSchema>) => {
    const message = form.formState.errors[name]?.message;
    return message ? reasonText(t, message) : undefined;
  };
  return (
    <form
      className="form-card"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async (values) => {
          const stored = await saveDeviceSetup(getDb(), values);
          form.reset({
            deviceCode: stored.device.deviceCode,
            userName: stored.user.name,
            role: stored.user.role,
          });
          setSaved(true);
          onSaved?.();
        })(event)
      }
    >
      <TextField
        label={t('setup.deviceCode')}
        hint={t('setup.deviceCodeHint')}
        error={error('deviceCode')}
        autoCapitalize="characters"
        maxLength={3}
        {...form.register('deviceCode')}
      />
      <TextField
        label={t('setup.userName')}
        error={error('userName')}
        autoComplete="name"
        {...form.register('userName')}
      />
      <SelectField
        label={t('setup.role')}
        error={error('role')}
        options={ROLES.map((role) => ({ value: role, label: t(ROLE_LABEL[role]) }))}
        {...form.register('role')}
      />
      <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
        {t('setup.save')}
      </Button>
      {saved && !form.formState.isDirty ? (
        <p role="status" className="form-card__saved">
          {t('setup.saved')}
        </p>
      ) : null}
    </form>
  );
}

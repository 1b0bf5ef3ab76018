import { DEVICE_PROFILE_KINDS, type DeviceProfile, type DeviceProfileKind, type Poli } from '@/domain';
import { useSettingsT, type SettingsTranslate } from '@/i18n/settings';
import { CheckboxField, SelectField } from '@/ui/Field';

/** A profile being chosen: the kind, and the polis ticked (kept when the kind changes back and forth). */
export type ProfileDraft = { kind: DeviceProfileKind; polis: string[] };

export const draftOf = (profile: DeviceProfile): ProfileDraft => ({
  kind: profile.kind,
  polis: profile.kind === 'clinic' ? [...profile.polis] : [],
});

/** The profile a draft stands for; undefined for a clinic with no poli ticked (the hub would refuse it). */
export function profileOfDraft(draft: ProfileDraft): DeviceProfile | undefined {
  if (draft.kind !== 'clinic') return { kind: draft.kind };
  return draft.polis.length > 0 ? { kind: 'clinic', polis: draft.polis } : undefined;
}

/** "Poli: Poli Umum, Poli Anak" — by the names the configuration gives, the code when it has none. */
export function profileLabel(ts: SettingsTranslate, profile: DeviceProfile, polis: readonly Poli[]): string {
  if (profile.kind !== 'clinic') return ts(`profile.${profile.kind}`);
  const names = profile.polis.map((code) => polis.find((poli) => poli.code === code)?.name ?? code);
  return ts('profile.clinicOf', { polis: names.join(', ') });
}

/** What a device is for [P45]: its kind, and for a clinic device the polis it serves. */
export function ProfileFields({
  draft,
  onChange,
  polis,
}: {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  polis: readonly Poli[];
}) {
  const ts = useSettingsT();
  return (
    <>
      <SelectField
        label={ts('profile.kind')}
        hint={ts('profile.hint')}
        value={draft.kind}
        options={DEVICE_PROFILE_KINDS.map((kind) => ({ value: kind, label: ts(`profile.${kind}`) }))}
        onChange={(event) => onChange({ ...draft, kind: event.target.value as DeviceProfileKind })}
      />
      {draft.kind === 'clinic' ? (
        <fieldset className="field radio-group">
          <legend>{ts('profile.polis')}</legend>
          {draft.polis.length === 0 ? <p className="field__hint">{ts('profile.polisHint')}</p> : null}
          {polis.map((poli) => (
            <CheckboxField
              key={poli.code}
              label={poli.name}
              checked={draft.polis.includes(poli.code)}
              onChange={(event) =>
                onChange({
                  ...draft,
                  polis: event.target.checked
                    ? [...draft.polis, poli.code]
                    : draft.polis.filter((code) => code !== poli.code),
                })
              }
            />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

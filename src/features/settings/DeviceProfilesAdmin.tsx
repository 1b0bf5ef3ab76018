import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { DeviceProfile } from '@/domain';
import type { HubDevice, IssuedCode } from '@/domain/sync/hubAdminAnswers';
import { formatFacilityDateTime, useRuntimeConfig } from '@/features/common';
import { hubRefusalText, useHubRefusalT } from '@/i18n/hubRefusals';
import { useSettingsT } from '@/i18n/settings';
import type { Result } from '@/lib/result';
import { createHubAdminCalls, type HubAdminCalls, type HubAdminFailure } from '@/sync';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { draftOf, profileLabel, profileOfDraft, ProfileFields, type ProfileDraft } from './ProfileFields';

/** Why an admin call failed, in words: the hub's refusal by its code, never its English message. */
function useFailureText(): (failure: HubAdminFailure) => string {
  const ts = useSettingsT();
  const tr = useHubRefusalT();
  return useCallback(
    (failure) => {
      if (failure.kind === 'notConnected') return ts('devices.failed.notConnected');
      if (failure.kind === 'signedOut') return ts('devices.failed.signedOut');
      if (failure.kind === 'auth' && failure.code === 'admin_sign_in_failed')
        return ts('devices.failed.signIn');
      if ('code' in failure && failure.code !== undefined) return hubRefusalText(tr, failure.code);
      return ts('devices.failed.hub');
    },
    [ts, tr],
  );
}

/**
 * IT's device administration [P23, P45]: after signing in to the hub again with their passphrase
 * (the admin endpoints take a session of their own), IT issues one-time codes with the profile of
 * the device they will enroll, and changes what each enrolled device is for.
 */
export function DeviceProfilesAdmin({
  username,
  reachableHub,
}: {
  username: string;
  reachableHub: () => string | undefined;
}) {
  const ts = useSettingsT();
  const calls = useMemo(() => createHubAdminCalls(reachableHub), [reachableHub]);
  const [signedIn, setSignedIn] = useState(false);
  const signedOut = useCallback(() => setSignedIn(false), []);
  return (
    <section aria-labelledby="settings-hub-devices">
      <h2 id="settings-hub-devices">{ts('devices.title')}</h2>
      <p>{ts('devices.intro')}</p>
      {signedIn ? (
        <SignedIn calls={calls} onSignedOut={signedOut} />
      ) : (
        <SignInToHub calls={calls} username={username} onSignedIn={() => setSignedIn(true)} />
      )}
    </section>
  );
}

function SignInToHub({
  calls,
  username,
  onSignedIn,
}: {
  calls: HubAdminCalls;
  username: string;
  onSignedIn: () => void;
}) {
  const ts = useSettingsT();
  const failureText = useFailureText();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    void calls.signIn(username, passphrase).then((result) => {
      setBusy(false);
      setPassphrase('');
      if (result.ok) onSignedIn();
      else setError(failureText(result.error));
    });
  };
  return (
    <form aria-label={ts('devices.signInTitle')} onSubmit={submit}>
      <h3>{ts('devices.signInTitle')}</h3>
      <TextField
        label={ts('devices.passphrase')}
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        error={error}
      />
      <Button type="submit" variant="primary" disabled={busy || passphrase.length === 0}>
        {ts(busy ? 'devices.signingIn' : 'devices.signIn')}
      </Button>
    </form>
  );
}

function SignedIn({ calls, onSignedOut }: { calls: HubAdminCalls; onSignedOut: () => void }) {
  const ts = useSettingsT();
  const failureText = useFailureText();
  const [devices, setDevices] = useState<HubDevice[]>();
  const [failure, setFailure] = useState<string>();
  /** Shows a call's failure; an ended session takes IT back to the passphrase. */
  const settle: Settle = (result, onOk) => {
    if (result.ok) {
      setFailure(undefined);
      onOk(result.value);
    } else if (result.error.kind === 'signedOut') onSignedOut();
    else setFailure(failureText(result.error));
  };
  useEffect(() => {
    void calls.devices().then((result) => {
      if (result.ok) setDevices(result.value);
      else if (result.error.kind === 'signedOut') onSignedOut();
      else setFailure(failureText(result.error));
    });
  }, [calls, onSignedOut, failureText]);
  return (
    <>
      <IssueCode calls={calls} settle={settle} />
      <h3>{ts('devices.listTitle')}</h3>
      {devices?.length === 0 ? <p>{ts('devices.none')}</p> : null}
      <ul className="device-profiles">
        {devices?.map((device) => (
          <DeviceRow
            key={device.deviceId}
            device={device}
            save={(profile) =>
              new Promise((resolve) => {
                void calls.setProfile(device.deviceId, profile).then((result) => {
                  settle(result, (saved) => {
                    setDevices((list) =>
                      list?.map((item) => (item.deviceId === saved.deviceId ? saved : item)),
                    );
                    resolve(saved);
                  });
                  if (!result.ok) resolve(undefined);
                });
              })
            }
          />
        ))}
      </ul>
      {failure ? <Notice tone="danger" role="alert" title={failure} /> : null}
    </>
  );
}

type Settle = <T>(result: Result<T, HubAdminFailure>, onOk: (value: T) => void) => void;

function IssueCode({ calls, settle }: { calls: HubAdminCalls; settle: Settle }) {
  const ts = useSettingsT();
  const config = useRuntimeConfig();
  const [draft, setDraft] = useState<ProfileDraft>({ kind: 'full', polis: [] });
  const [issued, setIssued] = useState<IssuedCode>();
  const profile = profileOfDraft(draft);
  const polis = config?.polis ?? [];
  return (
    <form
      className="form-card"
      aria-label={ts('devices.codeTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (profile) void calls.issueCode(profile).then((result) => settle(result, setIssued));
      }}
    >
      <h3>{ts('devices.codeTitle')}</h3>
      <ProfileFields draft={draft} onChange={setDraft} polis={polis} />
      <Button type="submit" variant="primary" disabled={!profile}>
        {ts('devices.issue')}
      </Button>
      {issued ? (
        <Notice
          tone="success"
          role="status"
          title={ts('devices.issued', {
            code: issued.code,
            time: config
              ? formatFacilityDateTime(issued.expiresAt, config.facility.timeZone)
              : issued.expiresAt,
            profile: profileLabel(ts, issued.profile, polis),
          })}
        />
      ) : null}
    </form>
  );
}

function DeviceRow({
  device,
  save,
}: {
  device: HubDevice;
  save: (profile: DeviceProfile) => Promise<HubDevice | undefined>;
}) {
  const ts = useSettingsT();
  const config = useRuntimeConfig();
  const [draft, setDraft] = useState<ProfileDraft>(draftOf(device.profile));
  const [saved, setSaved] = useState<string>();
  const profile = profileOfDraft(draft);
  const polis = config?.polis ?? [];
  const label = (value: DeviceProfile) => profileLabel(ts, value, polis);
  return (
    <li className="result-list__item">
      <form
        aria-label={ts('devices.formName', { device: device.deviceCode })}
        onSubmit={(event) => {
          event.preventDefault();
          if (!profile) return;
          const before = label(device.profile);
          void save(profile).then((after) => {
            if (!after) return setSaved(undefined);
            setSaved(
              label(after.profile) === before
                ? ts('devices.unchanged', { device: device.deviceCode })
                : ts('devices.saved', { device: device.deviceCode, profile: label(after.profile) }),
            );
          });
        }}
      >
        <h4>
          {device.deviceCode}
          {device.revoked ? ` (${ts('devices.revoked')})` : ''}
        </h4>
        <p>{ts('devices.current', { profile: label(device.profile) })}</p>
        <ProfileFields draft={draft} onChange={setDraft} polis={polis} />
        <Button type="submit" disabled={!profile}>
          {ts('devices.save', { device: device.deviceCode })}
        </Button>
        {saved ? <Notice tone="success" role="status" title={saved} /> : null}
      </form>
    </li>
  );
}

import type { DeviceProfile } from '@/domain';
import type { HubDevice, IssuedCode } from '@/domain/sync/hubAdminAnswers';
import { err, ok, type Result } from '@/lib/result';
import type * as HubClient from './hubClient';
import type { HubCall, HubFailure } from './hubClient';
import { browserRuntime } from './runtime';

/**
 * Why an admin call got no answer: no hub in reach, no admin session yet (or it ended: sign in to
 * the hub again), or the hub's failure with its code.
 */
export type HubAdminFailure = { kind: 'notConnected' } | { kind: 'signedOut' } | HubFailure;
type Answer<T> = Promise<Result<T, HubAdminFailure>>;

/** IT's device administration from the PWA [P23, P45]: an admin session, the device list, profiles, codes. */
export type HubAdminCalls = {
  signIn: (username: string, passphrase: string) => Answer<void>;
  isSignedIn: () => boolean;
  devices: () => Answer<HubDevice[]>;
  setProfile: (deviceId: string, profile: DeviceProfile) => Answer<HubDevice>;
  issueCode: (profile: DeviceProfile) => Answer<IssuedCode>;
};

/**
 * Loaded with the settings screen. The admin session's token lives in this object only (never
 * stored): leaving the screen or reloading signs IT out of the hub, which ends the session by
 * itself after 30 idle minutes [P23].
 */
export function createHubAdminCalls(
  hubUrl: () => string | undefined,
  call: () => Omit<HubCall, 'hubUrl'> = browserRuntime,
): HubAdminCalls {
  let token: string | undefined;
  const schemas = () => import('@/domain/sync/hubAdminAnswers');
  async function ask<T>(
    request: Parameters<typeof HubClient.adminCallToHub>[2],
    schema: Parameters<typeof HubClient.adminCallToHub>[3],
    session: 'session' | 'none' = 'session',
  ): Answer<T> {
    const url = hubUrl();
    if (!url) return err({ kind: 'notConnected' });
    if (session === 'session' && !token) return err({ kind: 'signedOut' });
    const { adminCallToHub } = await import('./hubClient');
    const { fetch, now, appOrigin } = call();
    const answer = await adminCallToHub(
      { hubUrl: url, fetch, now, appOrigin },
      session === 'session' ? token : undefined,
      request,
      schema,
    );
    if (answer.ok) return ok(answer.value.body as T);
    // An ended or unknown session: forget it, so the screen asks for the passphrase again.
    if (answer.error.kind === 'auth' && answer.error.code.startsWith('admin_session')) {
      token = undefined;
      return err({ kind: 'signedOut' });
    }
    return answer;
  }
  return {
    signIn: async (username, passphrase) => {
      const { adminSessionAnswerSchema } = await schemas();
      const answer = await ask<{ token: string }>(
        { method: 'POST', path: '/api/v1/admin/sessions', body: { username, passphrase } },
        adminSessionAnswerSchema,
        'none',
      );
      if (!answer.ok) return answer;
      token = answer.value.token;
      return ok(undefined);
    },
    isSignedIn: () => token !== undefined,
    devices: async () => {
      const { hubDevicesAnswerSchema } = await schemas();
      const answer = await ask<{ devices: HubDevice[] }>(
        { method: 'GET', path: '/api/v1/admin/devices' },
        hubDevicesAnswerSchema,
      );
      return answer.ok ? ok(answer.value.devices) : answer;
    },
    setProfile: async (deviceId, profile) => {
      const { hubDeviceAnswerSchema } = await schemas();
      const answer = await ask<{ device: HubDevice }>(
        { method: 'PUT', path: `/api/v1/admin/devices/${deviceId}/profile`, body: { profile } },
        hubDeviceAnswerSchema,
      );
      return answer.ok ? ok(answer.value.device) : answer;
    },
    issueCode: async (profile) => {
      const { issuedCodeAnswerSchema } = await schemas();
      return ask<IssuedCode>(
        { method: 'POST', path: '/api/v1/admin/enrollment-codes', body: { profile } },
        issuedCodeAnswerSchema,
      );
    },
  };
}

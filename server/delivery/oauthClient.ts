import * as z from 'zod/mini';
import { err, ok, type Result } from '@/lib/result';
import type { DeliveryFailure } from './deliveryQueue';
import { unanswered } from './httpFailure';

/** Apigee (SATUSEHAT's gateway) sends `expires_in` as a string of seconds. */
const tokenAnswerSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.optional(z.union([z.number(), z.string().check(z.regex(/^\d+$/))])),
});

/** Renew this long before the server says the token ends: clocks differ, requests take time. */
const EARLY_RENEWAL_MS = 60_000;

export type OAuthClient = {
  /** A bearer token, from the cache while it is fresh. Failures are delivery outcomes. */
  token: () => Promise<Result<string, DeliveryFailure>>;
  /** The server refused the token before it expired (revoked, rotated): fetch a new one next time. */
  forget: () => void;
};

/**
 * OAuth2 client credentials (RFC 6749 §4.4) as SATUSEHAT runs them (DOMAIN.md §1.1): a form
 * POST of the client id and secret to the configured token URL. The secret never leaves the hub.
 */
export function oauthClient(options: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}): OAuthClient {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let cached: { token: string; until: number } | undefined;
  return {
    forget: () => {
      cached = undefined;
    },
    token: async () => {
      if (cached && now() < cached.until) return ok(cached.token);
      let response: Response;
      try {
        response = await send(options.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: options.clientId,
            client_secret: options.clientSecret,
          }).toString(),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        return err(unanswered(error, options.timeoutMs, 'The token server'));
      }
      const body: unknown = await response.json().catch(() => undefined);
      // Whatever the token server says, it is about the hub's credentials, not a visit: stay due.
      if (!response.ok)
        return err({
          kind: 'retry',
          code: 'token_refused',
          message: `The token server answered HTTP ${response.status}.`,
        });
      const answer = tokenAnswerSchema.safeParse(body);
      if (!answer.success)
        return err({
          kind: 'retry',
          code: 'invalid_token_answer',
          message: 'The token answer has no access_token.',
        });
      const lifetimeMs = Number(answer.data.expires_in ?? 3600) * 1000;
      cached = { token: answer.data.access_token, until: now() + Math.max(0, lifetimeMs - EARLY_RENEWAL_MS) };
      return ok(cached.token);
    },
  };
}

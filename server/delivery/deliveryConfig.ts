import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import { DELIVERY_TARGET_PATTERN } from '@/domain/events/deliveryEvents';
import { err, ok, type Result } from '@/lib/result';
import { newSimulatorToken } from '../simrsSimulator/simrsSimulator';

/**
 * `delivery.json`, next to the hub's database: where the hub delivers and with which secrets.
 * It is read by the hub only, never served to devices (the SIMRS, SATUSEHAT and BPJS
 * credentials live here and nowhere else). Read once at start: restart the hub after editing.
 */
const targetName = z.string().check(z.regex(DELIVERY_TARGET_PATTERN));
/** What the recovery console calls it ("SIMRS Khanza RSUD…"). */
const label = z.string().check(z.minLength(1), z.maxLength(80));
const httpUrl = z.url({ protocol: /^https?$/ });
const timeoutMs = z._default(z.number().check(z.int(), z.minimum(1000), z.maximum(120_000)), 15_000);
const satusehatId = z.string().check(z.regex(/^[A-Za-z0-9.-]{1,64}$/));

const simrsRestTargetSchema = z.object({
  name: targetName,
  adapter: z.literal('simrs-rest'),
  label,
  baseUrl: httpUrl,
  token: z.string().check(z.minLength(16)),
  timeoutMs,
});

/** SATUSEHAT (or any FHIR R4 server with OAuth2 client credentials): decision 0007. */
const fhirR4TargetSchema = z.object({
  name: targetName,
  adapter: z.literal('fhir-r4'),
  label,
  /** The FHIR base, e.g. `https://api-satusehat-stg.dto.kemkes.go.id/fhir-r4/v1`. */
  baseUrl: httpUrl,
  /** E.g. `https://api-satusehat-stg.dto.kemkes.go.id/oauth2/v1/accesstoken?grant_type=client_credentials`. */
  tokenUrl: httpUrl,
  clientId: z.string().check(z.minLength(1)),
  clientSecret: z.string().check(z.minLength(1)),
  /** The hospital's Organization id in SATUSEHAT (one per client id). */
  organizationId: satusehatId,
  /** Poli code → SATUSEHAT Location id. */
  locations: z.record(z.string(), satusehatId),
  /** Doctor code → the doctor's IHS number (Practitioner id). */
  practitioners: z.record(z.string(), satusehatId),
  /** A visit larger than this goes in several chained transactions (the server's own limit). */
  maxBundleEntries: z._default(z.number().check(z.int(), z.minimum(2), z.maximum(1000)), 100),
  timeoutMs,
});

const deliveryFileSchema = z.object({
  targets: z.array(z.discriminatedUnion('adapter', [simrsRestTargetSchema, fhirR4TargetSchema])),
  /**
   * Runs the SIMRS SIMULATOR inside the hub on this port (demo and rehearsals only). Remove it
   * when the hub delivers to a real SIMRS.
   */
  simulator: z.optional(
    z.object({
      port: z.number().check(z.int(), z.minimum(1), z.maximum(65535)),
      token: z.string().check(z.minLength(16)),
      /** Start it switched down: a rehearsal that begins in the outage. */
      down: z.optional(z.boolean()),
    }),
  ),
});

export type SimrsRestTarget = z.output<typeof simrsRestTargetSchema>;
export type FhirR4Target = z.output<typeof fhirR4TargetSchema>;
export type DeliveryTarget = SimrsRestTarget | FhirR4Target;
export type DeliveryFile = z.output<typeof deliveryFileSchema>;

/** The demo: one SIMRS REST target, the simulator the demo config's SIMRS health URL probes. */
export function demoDeliveryFile(): DeliveryFile {
  const token = newSimulatorToken();
  return {
    targets: [
      {
        name: 'simrs',
        adapter: 'simrs-rest',
        label: 'SIMRS (simulator)',
        baseUrl: 'http://127.0.0.1:8081',
        token,
        timeoutMs: 15_000,
      },
    ],
    simulator: { port: 8081, token },
  };
}

/** Creates `delivery.json` with the demo target when the hospital has not provided one yet. */
export function ensureDeliveryFile(path: string): 'existing' | 'created' {
  if (existsSync(path)) return 'existing';
  mkdirSync(dirname(path), { recursive: true });
  // Only the hub's own user may read the secrets in it.
  writeFileSync(path, `${JSON.stringify(demoDeliveryFile(), null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  return 'created';
}

export function parseDeliveryFile(text: string): Result<DeliveryFile, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return err(`delivery.json is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = deliveryFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`delivery.json: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}`);
  }
  const names = parsed.data.targets.map((target) => target.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) return err(`delivery.json: two targets are named "${repeated}"`);
  return ok(parsed.data);
}

export function readDeliveryFile(path: string): Result<DeliveryFile, string> {
  return parseDeliveryFile(readFileSync(path, 'utf8'));
}

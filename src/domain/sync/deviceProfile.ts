import * as z from 'zod/mini';
import type { RuntimeConfig } from '../config/runtimeConfigSchema';
import { ENTITY_KIND_OF_TYPE, type EntityKind, type OwnKindEventType } from '../events/entityKinds';
import { facilityDate } from '../time/facilityTime';

/**
 * What a device is for, decided by IT on the hub when it issues the device's enrollment code or
 * later in the device list [P45]. Never a claim of the device: the hub keeps it with the device
 * and filters every pull by it [P46].
 * - `full`: everything (IT, admin and recovery PCs; the default, and every device before P45).
 * - `desk`: registration — patients, visits with their queue tickets and slips of every poli.
 * - `records`: the records room — the same as a desk: it finds folders for every poli's visits.
 * - `clinic`: a poli's tablet — visits, tickets, slips and RM 1.2 of its polis only.
 */
export const DEVICE_PROFILE_KINDS = ['full', 'desk', 'records', 'clinic'] as const;
export type DeviceProfileKind = (typeof DEVICE_PROFILE_KINDS)[number];

/** A clinic tablet serves a few polis, never the hospital's whole list by another name. */
export const MAX_PROFILE_POLIS = 20;
const poliCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,20}$/));

export const deviceProfileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('full') }),
  z.strictObject({ kind: z.literal('desk') }),
  z.strictObject({ kind: z.literal('records') }),
  z.strictObject({
    kind: z.literal('clinic'),
    polis: z.array(poliCodeSchema).check(z.minLength(1), z.maxLength(MAX_PROFILE_POLIS)),
  }),
]);
export type DeviceProfile = z.output<typeof deviceProfileSchema>;

export const FULL_PROFILE: DeviceProfile = { kind: 'full' };

/**
 * How a profile receives the events of one kind of entity [P46]:
 * - `always`: every one (accounts, incidents, downtime logs; patients, the index of returning ones).
 * - `never`: none (RM 1.2 bodies on a desk; audit entries and delivery decisions off IT's PCs).
 * - `scoped`: those of a visit whose service date is in the pull window and, for a profile with
 *   polis, whose poli is one of them. An event whose visit the hub does not know yet is sent.
 */
export type PullRule = 'always' | 'never' | 'scoped';

/** What each kind of device keeps, by kind of entity: one table, read by the hub's filter and the docs. */
export const PULL_RULES: {
  readonly [P in DeviceProfileKind]: { readonly [K in EntityKind]: PullRule };
} = {
  full: {
    patient: 'always',
    visit: 'always',
    slip: 'always',
    assessment: 'always',
    account: 'always',
    incident: 'always',
    downtime_log: 'always',
    audit_entry: 'always',
    delivery_decision: 'always',
  },
  desk: {
    patient: 'always',
    visit: 'scoped',
    slip: 'scoped',
    assessment: 'never',
    account: 'always',
    incident: 'always',
    downtime_log: 'always',
    audit_entry: 'never',
    delivery_decision: 'never',
  },
  records: {
    patient: 'always',
    visit: 'scoped',
    slip: 'scoped',
    assessment: 'never',
    account: 'always',
    incident: 'always',
    downtime_log: 'always',
    audit_entry: 'never',
    delivery_decision: 'never',
  },
  clinic: {
    patient: 'always',
    visit: 'scoped',
    slip: 'scoped',
    assessment: 'scoped',
    account: 'always',
    incident: 'always',
    downtime_log: 'always',
    audit_entry: 'never',
    delivery_decision: 'never',
  },
};

/** The entity kinds, and the event types of those kinds, that a profile receives under one rule. */
export type PullSelection = { kinds: EntityKind[]; types: OwnKindEventType[] };

export function pullSelection(profile: DeviceProfileKind, rule: PullRule): PullSelection {
  const rules = PULL_RULES[profile];
  const kinds = (Object.keys(rules) as EntityKind[]).filter((kind) => rules[kind] === rule);
  const types = (Object.keys(ENTITY_KIND_OF_TYPE) as OwnKindEventType[]).filter((type) =>
    kinds.includes(ENTITY_KIND_OF_TYPE[type]),
  );
  return { kinds, types };
}

/** A week: Monday's tablet still has last Monday's visits for a returning patient's queue. */
export const DEFAULT_PULL_WINDOW_DAYS = 7;

export function pullWindowDays(config: Pick<RuntimeConfig, 'sync'> | undefined): number {
  return config?.sync?.pullWindowDays ?? DEFAULT_PULL_WINDOW_DAYS;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The oldest service date a scoped profile receives [P46]: today in the facility's zone minus the
 * window, as `YYYY-MM-DD` (service dates are facility dates, so text order is date order).
 */
export function pullWindowStart(
  now: Date,
  config: Pick<RuntimeConfig, 'sync' | 'facility'> | undefined,
): string {
  const today = facilityDate(now, config?.facility.timeZone ?? 'Asia/Jakarta');
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - pullWindowDays(config) * DAY_MS);
  return start.toISOString().slice(0, 10);
}

/** Whether a profile's polis are all in the hospital's configuration (a typo would pull nothing). */
export function unknownProfilePolis(profile: DeviceProfile, config: Pick<RuntimeConfig, 'polis'>): string[] {
  if (profile.kind !== 'clinic') return [];
  return profile.polis.filter((code) => !config.polis.some((poli) => poli.code === code));
}

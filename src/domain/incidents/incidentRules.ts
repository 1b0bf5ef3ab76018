import type { FacilityTimeZone } from '../config/runtimeConfigSchema';
import type { Incident } from '../projections/types';
import { facilityDate, toFacilityIso } from '../time/facilityTime';
import { DEFAULT_ON_TIME_THRESHOLD_MINUTES, isOnTime } from './onTime';

/** SOP: a server not repaired within this long is taken over by the backup server. */
export const FAILOVER_AFTER_MINUTES = 60;

const MINUTE_MS = 60_000;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The id of the incident opened automatically for an outage the hub reports (`hubId`, and the
 * SIMRS `since` of its health answer). Every device that opens it gets the same id, so their
 * openings land on one incident. A UUIDv7 shape (the envelope accepts nothing else): the 48-bit
 * timestamp is `since`, the other 74 bits come from SHA-256 of the hub id and `since` (as a UTC
 * instant, so two spellings of one instant agree).
 */
export async function automaticIncidentId(hubId: string, since: string): Promise<string> {
  const ms = Date.parse(since);
  if (!Number.isFinite(ms) || ms < 0) throw new Error('invalid outage start');
  const input = new TextEncoder().encode(`siaga-incident|${hubId}|${new Date(ms).toISOString()}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  const bytes = new Uint8Array(16);
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | (digest[0]! & 0x0f);
  bytes[7] = digest[1]!;
  bytes[8] = 0x80 | (digest[2]! & 0x3f);
  bytes.set(digest.subarray(3, 10), 9);
  const text = hex(bytes);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** `202611`: the incident's month in the facility zone. */
function monthOf(incident: Pick<Incident, 'detectedAt'>, zone: FacilityTimeZone): string {
  return facilityDate(incident.detectedAt, zone).slice(0, 7).replace('-', '');
}

function compareDetection(a: Incident, b: Incident): number {
  const time = Date.parse(a.detectedAt) - Date.parse(b.detectedAt);
  if (time !== 0) return time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const numberOf = (drill: boolean, month: string, rank: number) =>
  `${drill ? 'LATIHAN' : 'DT'}-${month}-${String(rank).padStart(3, '0')}`;

/**
 * Every incident's number at once (see {@link incidentNumber}): one sort per month, so a list or
 * a year's report of many incidents does not rank each one against all the others.
 */
export function incidentNumbers(
  incidents: readonly Incident[],
  zone?: FacilityTimeZone,
): Map<string, string> {
  const groups = new Map<string, Incident[]>();
  for (const incident of new Map(incidents.map((one) => [one.id, one])).values()) {
    const key = `${incident.drill ? 'L' : 'D'}${monthOf(incident, zone ?? incident.timeZone)}`;
    const group = groups.get(key);
    if (group) group.push(incident);
    else groups.set(key, [incident]);
  }
  const numbers = new Map<string, string>();
  for (const [key, group] of groups) {
    group.sort(compareDetection).forEach((incident, index) => {
      numbers.set(incident.id, numberOf(key.startsWith('L'), key.slice(1), index + 1));
    });
  }
  return numbers;
}

/**
 * `DT-202611-003`: the incident's rank by detection time (then id) among the month's non-drill
 * incidents in the facility zone; drills are `LATIHAN-202611-001`, ranked among drills. Derived,
 * never stored: devices holding the same incidents show the same numbers [P18], and an earlier
 * incident that arrives late moves the later ones up. `incidents` may hold other months; the
 * incident itself is counted whether or not it is among them.
 */
export function incidentNumber(
  incident: Incident,
  incidents: readonly Incident[],
  zone: FacilityTimeZone = incident.timeZone,
): string {
  const month = monthOf(incident, zone);
  const peers = new Map(
    incidents
      .filter((other) => other.drill === incident.drill && monthOf(other, zone) === month)
      .map((other) => [other.id, other]),
  );
  peers.set(incident.id, incident);
  const rank = [...peers.values()].sort(compareDetection).findIndex((other) => other.id === incident.id) + 1;
  return numberOf(incident.drill, month, rank);
}

/** Seconds from calling the technician to their response; undefined until both are known. */
export function responseSeconds(incident: Pick<Incident, 'requestedAt' | 'respondedAt'>): number | undefined {
  if (!incident.requestedAt || !incident.respondedAt) return undefined;
  return Math.floor((Date.parse(incident.respondedAt) - Date.parse(incident.requestedAt)) / 1000);
}

/** Durasi Respon in whole minutes (seconds dropped); undefined until both times are known. */
export function responseMinutes(incident: Pick<Incident, 'requestedAt' | 'respondedAt'>): number | undefined {
  const seconds = responseSeconds(incident);
  return seconds === undefined ? undefined : Math.floor(seconds / 60);
}

/** Ketepatan: the response came within the threshold (exactly at it is on time); undefined until known. */
export function onTime(
  incident: Pick<Incident, 'requestedAt' | 'respondedAt'>,
  thresholdMinutes = DEFAULT_ON_TIME_THRESHOLD_MINUTES,
): boolean | undefined {
  const seconds = responseSeconds(incident);
  return seconds === undefined ? undefined : isOnTime(seconds, thresholdMinutes);
}

/** When the SOP says to take over to the backup server: detection + 60 minutes, in the facility zone. */
export function failoverDueAt(incident: Pick<Incident, 'detectedAt' | 'timeZone'>): string {
  return toFacilityIso(
    new Date(Date.parse(incident.detectedAt) + FAILOVER_AFTER_MINUTES * MINUTE_MS),
    incident.timeZone,
  );
}

/** Whether the failover is due at `now` and has not happened, on an open incident. */
export function isFailoverOverdue(
  incident: Pick<Incident, 'detectedAt' | 'timeZone' | 'failoverAt' | 'status'>,
  now: Date,
): boolean {
  return (
    incident.status === 'open' && !incident.failoverAt && now.getTime() >= Date.parse(failoverDueAt(incident))
  );
}

/** Whole minutes from detection to restoration (seconds dropped); undefined while open. */
export function downtimeMinutes(incident: Pick<Incident, 'detectedAt' | 'restoredAt'>): number | undefined {
  if (!incident.restoredAt) return undefined;
  return Math.floor((Date.parse(incident.restoredAt) - Date.parse(incident.detectedAt)) / MINUTE_MS);
}

/**
 * The SOP's one-hour clock of an open incident: when failover is due and how long is left
 * (negative once overdue). Undefined once closed or failed over: nothing is counting down.
 */
export function failoverCountdown(
  incident: Pick<Incident, 'detectedAt' | 'timeZone' | 'failoverAt' | 'status'>,
  now: Date,
): { dueAt: string; remainingMs: number; overdue: boolean } | undefined {
  if (incident.status !== 'open' || incident.failoverAt) return undefined;
  const dueAt = failoverDueAt(incident);
  const remainingMs = Date.parse(dueAt) - now.getTime();
  return { dueAt, remainingMs, overdue: remainingMs <= 0 };
}

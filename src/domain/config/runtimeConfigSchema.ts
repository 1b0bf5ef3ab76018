import * as z from 'zod/mini';
import { IDENTITY_PROOFS } from '../identifiers/identityProofs';
import { DEVICE_CODE_PATTERN, SAMPLE_TEMP_NUMBER } from '../identifiers/tempNumber';

/** Indonesia's three time zones (WIB, WITA, WIT); every facility is in exactly one. */
export const FACILITY_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type FacilityTimeZone = (typeof FACILITY_TIME_ZONES)[number];

/** Reasons a configuration value is wrong beyond its shape; each has user text in `src/i18n`. */
export const ConfigRule = {
  HubUrl: 'hubUrl',
  Duplicate: 'duplicate',
  InvalidRegex: 'invalidRegex',
  ExampleMismatch: 'exampleMismatch',
  MatchesTempNumber: 'matchesTempNumber',
} as const;
export type ConfigRule = (typeof ConfigRule)[keyof typeof ConfigRule];

const name = z.string().check(z.trim(), z.minLength(2), z.maxLength(100));
const code = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_.-]{1,20}$/));

// A hub is either this app's own origin (a path such as "/") or an absolute http(s) URL.
const hubUrl = z.string().check(
  z.trim(),
  z.refine((value) => value.startsWith('/') || /^https?:\/\/[^\s/]+/.test(value), {
    params: { rule: ConfigRule.HubUrl },
  }),
);

const doctorSchema = z.strictObject({ code, name });

const poliSchema = z.strictObject({
  code,
  name,
  /** Letters before the number on a queue ticket, e.g. "A" in A-012. */
  queuePrefix: z.string().check(z.regex(/^[A-Z]{1,2}$/)),
  doctors: z.array(doctorSchema).check(z.minLength(1)),
});

/** A step of the hospital's downtime SOP checklist, by the id incidents record its ticks with. */
export const SOP_STEP_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const SOP_STEP_ROLES = ['it', 'unit'] as const;

const sopStepSchema = z.strictObject({
  id: z.string().check(z.regex(SOP_STEP_ID_PATTERN)),
  /** What the step says, in Bahasa Indonesia. */
  label: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  labelEn: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(200))),
  /** Whose step it is: the IT unit's, or every reporting unit's. */
  role: z.optional(z.enum(SOP_STEP_ROLES)),
});
export type SopStep = z.output<typeof sopStepSchema>;

// Unicode mode is strict: a typo such as `\d{6` is an error instead of matching "{6" literally.
function isCompilableRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false; // the caller reports the invalid pattern to the user
  }
}

/** Whole-string match against a configured pattern, whether or not the pattern is anchored. */
export function matchesPattern(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(value);
}

const mrnSchema = z
  .strictObject({
    /** Regular expression for the hospital's own medical-record numbers (no. RM). */
    pattern: z
      .string()
      .check(z.minLength(1), z.refine(isCompilableRegex, { params: { rule: ConfigRule.InvalidRegex } })),
    /** A sample number shown to users as a hint; must match `pattern`. */
    example: z.string().check(z.minLength(1)),
  })
  .check(
    z.superRefine((mrn, ctx) => {
      if (!isCompilableRegex(mrn.pattern)) return;
      if (!matchesPattern(mrn.pattern, mrn.example)) {
        ctx.issues.push({
          code: 'custom',
          path: ['example'],
          message: 'example does not match pattern',
          params: { rule: ConfigRule.ExampleMismatch },
          input: mrn.example,
        });
      }
      // A real MRN must never be mistaken for a downtime number, or the two could collide.
      if (matchesPattern(mrn.pattern, SAMPLE_TEMP_NUMBER)) {
        ctx.issues.push({
          code: 'custom',
          path: ['pattern'],
          message: 'pattern matches temporary numbers',
          params: { rule: ConfigRule.MatchesTempNumber },
          input: mrn.pattern,
        });
      }
    }),
  );

type IssueSink = { issues: z.core.$ZodRawIssue[] };

function reportDuplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  field: string,
  ctx: IssueSink,
  prefix: (string | number)[] = [],
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) {
      ctx.issues.push({
        code: 'custom',
        path: [...prefix, index, field],
        message: `duplicate ${field}`,
        params: { rule: ConfigRule.Duplicate, value },
        input: value,
      });
    }
    seen.add(value);
  });
}

export const MAX_DESK_SERIES = 9;

/** Two desks with one series would issue the same tickets: each series belongs to one desk. */
function reportDuplicateSeries(series: Record<string, number>, ctx: IssueSink): void {
  const ownerOf = new Map<number, string>();
  for (const [desk, value] of Object.entries(series)) {
    if (ownerOf.has(value)) {
      ctx.issues.push({
        code: 'custom',
        path: [desk],
        message: 'duplicate desk series',
        params: { rule: ConfigRule.Duplicate, value: String(value) },
        input: value,
      });
    }
    ownerOf.set(value, desk);
  }
}

/**
 * The hospital's runtime configuration, served as `config.json` next to the app so that IT can
 * change it without a rebuild. Unknown fields are errors: a typo must not silently fall back to
 * a default.
 */
export const runtimeConfigSchema = z.strictObject({
  configVersion: z.literal(1),
  facility: z.strictObject({
    name,
    /** The facility's own code (e.g. the Kemenkes hospital code). */
    code,
    timeZone: z.enum(FACILITY_TIME_ZONES),
  }),
  hub: z.strictObject({ primaryUrl: hubUrl, backupUrl: z.optional(hubUrl) }),
  simrs: z.strictObject({ healthUrl: z.url({ protocol: /^https?$/ }) }),
  mrn: mrnSchema,
  /** Device security; both optional, with the defaults Siaga recommends. */
  security: z.optional(
    z.strictObject({
      /** Lock a device after this long without input (default 5). */
      idleLockMinutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(60))),
      /** Keep acknowledged events' content on devices this long before purging it (default 7). */
      retentionDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(90))),
    }),
  ),
  /**
   * What devices pull from the hub [P46]; optional, with the defaults of `sync/deviceProfile.ts`.
   * `pullWindowDays`: a desk, records-room or clinic device receives the work of visits whose
   * service date is at most this many days before today (default 7); older work stays on the hub.
   */
  sync: z.optional(
    z.strictObject({
      pullWindowDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(90))),
    }),
  ),
  /** Downtime incidents; all optional, with the defaults of `incidents/incidentSettings.ts`. */
  incidents: z.optional(
    z.strictObject({
      /** Ketepatan: a response within this many minutes of the request is on time (default 15). */
      onTimeThresholdMinutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(240))),
      /**
       * Open an incident by itself once the hub has seen the SIMRS down this long (default 60):
       * a blip of a few seconds is not a downtime for the monthly log.
       */
      autoOpenAfterSeconds: z.optional(z.number().check(z.int(), z.gte(0), z.lte(3600))),
    }),
  ),
  /** The downtime SOP checklist of each incident; Siaga's default list when absent. */
  sop: z.optional(
    z.array(sopStepSchema).check(
      z.minLength(1),
      z.superRefine((steps, ctx) => reportDuplicates(steps, (step) => step.id, 'id', ctx)),
    ),
  ),
  /** The registration desk's defaults; all optional. */
  registration: z.optional(
    z.strictObject({
      /** The proof of identity the form starts with (default `ktp`; unidentified patients: `none`). */
      defaultIdentityProof: z.optional(z.enum(IDENTITY_PROOFS)),
    }),
  ),
  /**
   * Queue tickets (decision 0009). `deskSeries` gives each registration desk (device code) its own
   * block of numbers, 0–9: series s issues s×1000 + n, so tickets stay short ("A-012", "A-1012")
   * and two desks working apart never issue the same one. A desk not listed keeps the long label
   * with its device code ("A-PD1-012").
   */
  queue: z.optional(
    z.strictObject({
      deskSeries: z.optional(
        z
          .record(
            z.string().check(z.regex(DEVICE_CODE_PATTERN)),
            z.number().check(z.int(), z.gte(0), z.lte(MAX_DESK_SERIES)),
          )
          .check(z.superRefine((series, ctx) => reportDuplicateSeries(series, ctx))),
      ),
    }),
  ),
  polis: z.array(poliSchema).check(
    z.minLength(1),
    z.superRefine((polis, ctx) => {
      reportDuplicates(polis, (poli) => poli.code, 'code', ctx);
      reportDuplicates(polis, (poli) => poli.queuePrefix, 'queuePrefix', ctx);
      polis.forEach((poli, index) =>
        reportDuplicates(poli.doctors, (doctor) => doctor.code, 'code', ctx, [index, 'doctors']),
      );
    }),
  ),
});

export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;
export type Poli = RuntimeConfig['polis'][number];

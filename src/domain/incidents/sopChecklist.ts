import type { RuntimeConfig, SopStep } from '../config/runtimeConfigSchema';
import type { Incident, IncidentStepState } from '../projections/types';

/**
 * The hospital's downtime SOP as Siaga ships it, in the order the SOP gives. A hospital replaces
 * it with `sop` in `config.json`. `it` steps are the IT unit's, `unit` steps every unit's.
 */
export const DEFAULT_SOP_STEPS: readonly SopStep[] = [
  {
    id: 'contact-technician',
    label: 'Hubungi teknisi SIMRS',
    labelEn: 'Contact the SIMRS technician',
    role: 'unit',
  },
  {
    id: 'inform-patients',
    label: 'Informasikan kepada pasien yang menunggu',
    labelEn: 'Inform waiting patients',
    role: 'unit',
  },
  {
    id: 'manual-calling',
    label: 'Beralih ke pemanggilan manual',
    labelEn: 'Switch to manual calling',
    role: 'unit',
  },
  {
    id: 'receive-slips',
    label: 'Terima bon pencarian rekam medis',
    labelEn: 'Receive record-request slips',
    role: 'unit',
  },
  {
    id: 'find-last-resume',
    label: 'Cari resume soft copy terakhir / backup berkala',
    labelEn: 'Look for the last soft-copy resume / periodic backup',
    role: 'unit',
  },
  {
    id: 'issue-rm12',
    label: 'Bagikan formulir RM 1.2 ke setiap poli',
    labelEn: 'Issue RM 1.2 forms to each poli',
    role: 'unit',
  },
  {
    id: 'collect-records',
    label: 'Kumpulkan rekam medis yang sudah diisi dari setiap poli',
    labelEn: 'Collect completed records from every poli',
    role: 'unit',
  },
  {
    id: 'check-other-pcs',
    label: 'Periksa komputer lain (apakah mengalami masalah yang sama)',
    labelEn: 'Check other PCs (do they have the same problem)',
    role: 'it',
  },
  { id: 'repair', label: 'Lakukan perbaikan', labelEn: 'Repair', role: 'it' },
  {
    id: 'failover-backup',
    label: 'Setelah satu jam belum pulih: alihkan ke server cadangan',
    labelEn: 'After one hour without repair: take over to the backup server',
    role: 'it',
  },
  {
    id: 'enter-data',
    label: 'Setelah pulih: input data ke SIMRS sesuai urutan pelayanan',
    labelEn: 'When back: enter the data in the real service order',
    role: 'unit',
  },
];

/** The SOP steps of this hospital: its configured list, or Siaga's default. */
export function sopSteps(config: Pick<RuntimeConfig, 'sop'>): readonly SopStep[] {
  return config.sop ?? DEFAULT_SOP_STEPS;
}

/** Each step with its state for one unit (`undefined`: the incident as a whole). */
export function checklistOf(
  incident: Pick<Incident, 'steps'>,
  steps: readonly SopStep[],
  unit?: string,
): { step: SopStep; state: IncidentStepState | undefined }[] {
  return steps.map((step) => ({
    step,
    state: incident.steps.find((state) => state.stepId === step.id && state.unit === unit),
  }));
}

import type { Page } from '@playwright/test';

/** The findings RM 1.2 leaves unanswered until the nurse gives them (visible labels and options). */
export type Rm12Findings = {
  allergy: string;
  condition: string;
  consciousness: string;
  pain: string;
  fallRisk: string;
  functional: string;
  nutrition: string;
  followUp: string;
};

const FORM = {
  id: {
    allergy: 'Riwayat alergi',
    condition: 'Keadaan umum',
    consciousness: 'Kesadaran',
    pain: 'Skala nyeri (NRS 0–10)',
    fallRisk: 'Risiko jatuh',
    functional: 'Status fungsional',
    nutrition: 'Skrining gizi (MST 0–5)',
    followUp: 'Tindak lanjut',
  },
  en: {
    allergy: 'Allergy history',
    condition: 'General condition',
    consciousness: 'Consciousness',
    pain: 'Pain score (NRS 0–10)',
    fallRisk: 'Fall risk',
    functional: 'Functional status',
    nutrition: 'Nutrition screening (MST 0–5)',
    followUp: 'Follow-up',
  },
} as const satisfies Record<string, Rm12Findings>;

/** What a nurse answers for a well adult with no allergy and no pain. */
const UNREMARKABLE = {
  id: {
    allergy: 'Tidak ada',
    condition: 'Baik',
    consciousness: 'Compos mentis',
    pain: '0',
    fallRisk: 'Rendah',
    functional: 'Mandiri',
    nutrition: '0',
    followUp: 'Pulang',
  },
  en: {
    allergy: 'No',
    condition: 'Good',
    consciousness: 'Alert (compos mentis)',
    pain: '0',
    fallRisk: 'Low',
    functional: 'Independent',
    nutrition: '0',
    followUp: 'Home',
  },
} as const satisfies Record<string, Rm12Findings>;

/** The RM 1.2 form, by its visible labels. */
export class Rm12Page {
  constructor(
    readonly page: Page,
    readonly language: 'id' | 'en' = 'id',
  ) {}

  /** The form field of a finding, by its label (the allergy answer is a group of radio buttons). */
  field(finding: keyof Rm12Findings) {
    const label = FORM[this.language][finding];
    if (finding === 'allergy') return this.page.getByRole('group', { name: label, exact: true });
    if (finding === 'pain' || finding === 'nutrition') return this.page.getByLabel(label, { exact: true });
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  /** Answers each finding the form leaves open: an unremarkable patient's, unless told otherwise. */
  async answerFindings(answers: Partial<Rm12Findings> = {}): Promise<void> {
    const given = { ...UNREMARKABLE[this.language], ...answers };
    for (const finding of Object.keys(given) as (keyof Rm12Findings)[]) {
      const value = given[finding];
      if (finding === 'allergy')
        await this.field(finding).getByRole('radio', { name: value, exact: true }).check();
      else if (finding === 'pain' || finding === 'nutrition') await this.field(finding).fill(value);
      else await this.field(finding).selectOption({ label: value });
    }
  }
}

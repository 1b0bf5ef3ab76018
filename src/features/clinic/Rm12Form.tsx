import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, get, useFieldArray, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useStore } from 'zustand';
import {
  ALLERGY_CATEGORIES,
  BODY_SYSTEMS,
  CONDITIONS,
  CONSCIOUSNESS,
  EXAM_FINDINGS,
  FALL_RISK,
  FOLLOW_UPS,
  FUNCTIONAL_STATUS,
  VITAL_RANGES,
  type Assessment,
  type FacilityTimeZone,
  type Poli,
  type Visit,
} from '@/domain';
import { ROLE_LABEL } from '@/features/account';
import { formatFacilityTime, problemText, reasonText, WhenField } from '@/features/common';
import { useDecimal, useT, type MessageKey } from '@/i18n';
import { accessStore, getDb, saveDraft, signAssessment } from '@/storage';
import { Button } from '@/ui/Button';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { useUnsavedWork } from '@/ui/unsavedWork';
import { rm12SignOffSchema, type Rm12FormValues, type Rm12SignOff } from './rm12FormModel';

/** Saved this long after the last keystroke: a crash or a flat battery loses at most this much. */
const AUTOSAVE_DELAY_MS = 800;

const VITALS: { key: keyof typeof VITAL_RANGES; label: MessageKey; unit: string; decimal?: boolean }[] = [
  { key: 'systolic', label: 'rm12.systolic', unit: 'mmHg' },
  { key: 'diastolic', label: 'rm12.diastolic', unit: 'mmHg' },
  { key: 'pulse', label: 'rm12.pulse', unit: '/mnt' },
  { key: 'respiratoryRate', label: 'rm12.respiratoryRate', unit: '/mnt' },
  { key: 'temperature', label: 'rm12.temperature', unit: '°C', decimal: true },
  { key: 'spo2', label: 'rm12.spo2', unit: '%' },
  { key: 'weightKg', label: 'rm12.weight', unit: 'kg', decimal: true },
  { key: 'heightCm', label: 'rm12.height', unit: 'cm', decimal: true },
];

export function Rm12Form({
  visit,
  poli,
  existing,
  initial,
  zone,
  draftSavedAt,
  onSigned,
  onCancel,
}: {
  visit: Visit;
  poli: Poli | undefined;
  existing: Assessment | undefined;
  initial: Rm12FormValues;
  zone: FacilityTimeZone;
  draftSavedAt: string | undefined;
  onSigned: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const decimal = useDecimal();
  const signer = useStore(accessStore, (state) => state.actor);
  const form = useForm<Rm12FormValues, unknown, Rm12SignOff>({
    resolver: zodResolver(rm12SignOffSchema),
    defaultValues: initial,
    shouldFocusError: true,
  });
  const { register, control, formState, setError } = form;
  const allergens = useFieldArray({ control, name: 'content.allergy.allergens' });
  const diagnoses = useFieldArray({ control, name: 'content.diagnoses' });
  const [allergyStatus, informant, transcribed] = useWatch({
    control,
    name: ['content.allergy.status', 'content.anamnesis.informant', 'transcribed'],
  });
  const [savedAt, setSavedAt] = useState(draftSavedAt);
  useUnsavedWork(formState.isDirty && !formState.isSubmitSuccessful);

  // Autosave the draft a moment after each change.
  const values = useWatch({ control });
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return undefined;
    }
    const timer = window.setTimeout(() => {
      const now = new Date();
      void saveDraft(getDb(), visit.id, form.getValues(), now).then(() => setSavedAt(now.toISOString()));
    }, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [values, visit.id, form]);

  const errorAt = (path: FieldPath<Rm12FormValues>) => {
    const message = get<typeof formState.errors, { message?: string } | undefined>(
      formState.errors,
      path,
    )?.message;
    return message ? reasonText(t, message, {}, zone) : undefined;
  };
  /** Props of a closed clinical answer: starts on "choose…" and shows its error in place. */
  const answerSelect = (path: FieldPath<Rm12FormValues>) => ({
    placeholder: t('rm12.choose'),
    error: errorAt(path),
    ...register(path),
  });
  const range = (min: number, max: number) => t('rm12.range', { min: decimal(min), max: decimal(max) });
  const option = (prefix: string) => (value: string) => ({
    value,
    label: t(`${prefix}.${value}` as MessageKey),
  });

  const submit = form.handleSubmit(async (signOff) => {
    const doctor = poli?.doctors.find((candidate) => candidate.code === signOff.doctorCode);
    const result = await signAssessment(getDb(), visit.id, {
      content: signOff.content,
      startedAt: signOff.startedAt,
      completedAt: signOff.completedAt,
      clinician: doctor ? { doctorCode: doctor.code, name: doctor.name } : { name: signOff.doctorCode },
      source: signOff.transcribed ? 'transcribed_from_paper' : 'direct',
      attestation: signOff.attestation,
      ...(signOff.paperFormRef.trim() ? { paperFormRef: signOff.paperFormRef } : {}),
      ...(existing ? { reason: signOff.reason } : {}),
    });
    if (!result.ok) {
      for (const problem of result.error) {
        const field = (['startedAt', 'completedAt', 'attestation', 'reason'] as const).find(
          (name) => name === problem.field,
        );
        setError(field ?? 'root', { message: problemText(t, problem, zone) });
      }
      return;
    }
    onSigned();
  });

  return (
    <form
      className="rm12-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('assessment.title')}
    >
      <p className="rm12-form__autosave" role="status" aria-live="polite">
        {savedAt ? t('rm12.draftSaved', { time: formatFacilityTime(savedAt, zone) }) : t('rm12.draftNotYet')}
      </p>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionHeader')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('rm12.doctor')}
            options={(poli?.doctors ?? []).map((doctor) => ({ value: doctor.code, label: doctor.name }))}
            {...register('doctorCode')}
          />
          <CheckboxField
            label={t('capture.transcribed')}
            hint={t('rm12.transcribedHint')}
            {...register('transcribed')}
          />
          {transcribed ? (
            <TextField
              label={t('rm12.paperFormRef')}
              hint={t('visit.optional')}
              {...register('paperFormRef')}
            />
          ) : null}
          <Controller
            control={control}
            name="startedAt"
            render={({ field }) => (
              <WhenField
                label={t('rm12.startedAt')}
                value={field.value}
                onChange={field.onChange}
                zone={zone}
                error={errorAt('startedAt')}
              />
            )}
          />
          <Controller
            control={control}
            name="completedAt"
            render={({ field }) => (
              <WhenField
                label={t('rm12.completedAt')}
                value={field.value}
                onChange={field.onChange}
                zone={zone}
                error={errorAt('completedAt')}
              />
            )}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionAnamnesis')}</legend>
        <Controller
          control={control}
          name="content.anamnesis.informant"
          render={({ field }) => (
            <RadioGroup
              legend={t('rm12.informant')}
              name="informant"
              value={field.value}
              onChange={field.onChange}
              options={['auto', 'allo'].map(option('rm12.informant'))}
            />
          )}
        />
        {informant === 'allo' ? (
          <TextField
            label={t('rm12.informantRelation')}
            {...register('content.anamnesis.informantRelation')}
          />
        ) : null}
        <TextAreaField
          label={t('rm12.chiefComplaint')}
          error={errorAt('content.anamnesis.chiefComplaint')}
          {...register('content.anamnesis.chiefComplaint')}
        />
        <TextAreaField label={t('rm12.presentIllness')} {...register('content.anamnesis.presentIllness')} />
        <div className="form-grid">
          <TextAreaField label={t('rm12.pastIllness')} {...register('content.anamnesis.pastIllness')} />
          <TextAreaField label={t('rm12.familyHistory')} {...register('content.anamnesis.familyHistory')} />
          <TextAreaField
            label={t('rm12.medicationHistory')}
            {...register('content.anamnesis.medicationHistory')}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionAllergy')}</legend>
        <Controller
          control={control}
          name="content.allergy.status"
          render={({ field }) => (
            <RadioGroup
              legend={t('rm12.allergyStatus')}
              name="allergy-status"
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                if (value === 'ada' && allergens.fields.length === 0)
                  allergens.append({ substance: '', category: 'obat', reaction: '' });
              }}
              options={['ada', 'tidak_ada', 'tidak_diketahui'].map(option('rm12.allergy'))}
              error={errorAt('content.allergy.status') ?? errorAt('content.allergy.allergens')}
            />
          )}
        />
        {allergyStatus === 'ada'
          ? allergens.fields.map((allergen, index) => (
              <div key={allergen.id} className="form-grid form-grid--row">
                <TextField
                  label={t('rm12.allergen', { n: index + 1 })}
                  error={errorAt(`content.allergy.allergens.${index}.substance`)}
                  {...register(`content.allergy.allergens.${index}.substance`)}
                />
                <SelectField
                  label={t('rm12.allergenCategory', { n: index + 1 })}
                  options={ALLERGY_CATEGORIES.map(option('rm12.allergyCategory'))}
                  {...register(`content.allergy.allergens.${index}.category`)}
                />
                <TextField
                  label={t('rm12.allergenReaction', { n: index + 1 })}
                  {...register(`content.allergy.allergens.${index}.reaction`)}
                />
                <Button onClick={() => allergens.remove(index)}>{t('rm12.remove')}</Button>
              </div>
            ))
          : null}
        {allergyStatus === 'ada' ? (
          <Button onClick={() => allergens.append({ substance: '', category: 'obat', reaction: '' })}>
            {t('rm12.addAllergen')}
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionVitals')}</legend>
        <div className="form-grid form-grid--vitals">
          {VITALS.map((vital) => (
            <TextField
              key={vital.key}
              label={`${t(vital.label)} (${vital.unit})`}
              hint={range(VITAL_RANGES[vital.key][0], VITAL_RANGES[vital.key][1])}
              inputMode={vital.decimal ? 'decimal' : 'numeric'}
              error={errorAt(`content.vitals.${vital.key}`)}
              {...register(`content.vitals.${vital.key}`)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionGeneral')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('rm12.condition')}
            options={CONDITIONS.map(option('rm12.condition'))}
            {...answerSelect('content.general.condition')}
          />
          <SelectField
            label={t('rm12.consciousness')}
            options={CONSCIOUSNESS.map(option('rm12.consciousness'))}
            {...answerSelect('content.general.consciousness')}
          />
          <TextField
            label={t('rm12.gcsEye')}
            inputMode="numeric"
            error={errorAt('content.general.gcs.eye')}
            {...register('content.general.gcs.eye')}
          />
          <TextField
            label={t('rm12.gcsVerbal')}
            inputMode="numeric"
            error={errorAt('content.general.gcs.verbal')}
            {...register('content.general.gcs.verbal')}
          />
          <TextField
            label={t('rm12.gcsMotor')}
            inputMode="numeric"
            error={errorAt('content.general.gcs.motor')}
            {...register('content.general.gcs.motor')}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionScreening')}</legend>
        <div className="form-grid">
          <TextField
            label={t('rm12.painScore')}
            hint={range(0, 10)}
            inputMode="numeric"
            error={errorAt('content.screening.painScore')}
            {...register('content.screening.painScore')}
          />
          <TextField label={t('rm12.painLocation')} {...register('content.screening.painLocation')} />
          <SelectField
            label={t('rm12.fallRisk')}
            options={FALL_RISK.map(option('rm12.fallRisk'))}
            {...answerSelect('content.screening.fallRisk')}
          />
          <SelectField
            label={t('rm12.functionalStatus')}
            options={FUNCTIONAL_STATUS.map(option('rm12.functional'))}
            {...answerSelect('content.screening.functionalStatus')}
          />
          <TextField
            label={t('rm12.nutritionScore')}
            hint={range(0, 5)}
            inputMode="numeric"
            error={errorAt('content.screening.nutritionScore')}
            {...register('content.screening.nutritionScore')}
          />
          <TextAreaField label={t('rm12.psychosocial')} {...register('content.screening.psychosocial')} />
          <TextAreaField label={t('rm12.educationNeeds')} {...register('content.screening.educationNeeds')} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionExam')}</legend>
        <div className="exam-grid">
          {BODY_SYSTEMS.map((system) => (
            <div key={system} className="exam-grid__row">
              <SelectField
                label={t(`rm12.system.${system}` as MessageKey)}
                options={EXAM_FINDINGS.map(option('rm12.finding'))}
                {...register(`content.physicalExam.systems.${system}.finding`)}
              />
              <TextField
                label={t('rm12.findingNote', { system: t(`rm12.system.${system}` as MessageKey) })}
                {...register(`content.physicalExam.systems.${system}.note`)}
              />
            </div>
          ))}
        </div>
        <TextAreaField label={t('rm12.localStatus')} {...register('content.physicalExam.localStatus')} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionDiagnosis')}</legend>

        {diagnoses.fields.map((diagnosis, index) => (
          <div key={diagnosis.id} className="form-grid form-grid--row">
            <TextField
              label={t('rm12.icd10', { n: index + 1 })}
              hint={t('rm12.icd10Hint')}
              autoCapitalize="characters"
              error={errorAt(`content.diagnoses.${index}.code`)}
              {...register(`content.diagnoses.${index}.code`)}
            />
            <TextField
              label={t('rm12.diagnosisText', { n: index + 1 })}
              error={errorAt(`content.diagnoses.${index}.text`)}
              {...register(`content.diagnoses.${index}.text`)}
            />
            <SelectField
              label={t('rm12.diagnosisRank', { n: index + 1 })}
              options={['primary', 'secondary'].map(option('rm12.rank'))}
              error={errorAt(`content.diagnoses.${index}.rank`)}
              {...register(`content.diagnoses.${index}.rank`)}
            />
            {diagnoses.fields.length > 1 ? (
              <Button onClick={() => diagnoses.remove(index)}>{t('rm12.remove')}</Button>
            ) : null}
          </div>
        ))}
        <Button onClick={() => diagnoses.append({ code: '', text: '', rank: 'secondary' })}>
          {t('rm12.addDiagnosis')}
        </Button>
        <SelectField
          label={t('rm12.certainty')}
          options={['kerja', 'akhir'].map(option('rm12.certainty'))}
          {...register('content.diagnosisCertainty')}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionPlan')}</legend>
        <div className="form-grid">
          <TextAreaField label={t('rm12.investigations')} {...register('content.plan.investigations')} />
          <TextAreaField label={t('rm12.therapy')} {...register('content.plan.therapy')} />
          <TextAreaField label={t('rm12.procedures')} {...register('content.plan.procedures')} />
          <TextAreaField label={t('rm12.education')} {...register('content.plan.education')} />
          <SelectField
            label={t('rm12.followUp')}
            options={FOLLOW_UPS.map(option('rm12.followUp'))}
            {...answerSelect('content.plan.followUp')}
          />
          <TextField
            label={t('rm12.followUpDate')}
            type="date"
            error={errorAt('content.plan.followUpDate')}
            {...register('content.plan.followUpDate')}
          />
          <TextAreaField label={t('rm12.notes')} {...register('content.plan.notes')} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('rm12.sectionSignOff')}</legend>
        {existing ? (
          <TextAreaField
            label={t('rm12.amendReason')}
            hint={t('rm12.amendReasonHint')}
            error={errorAt('reason')}
            {...register('reason')}
          />
        ) : null}
        {signer ? (
          <p className="rm12-form__signer">
            {t('rm12.signingAs', { name: signer.name, role: t(ROLE_LABEL[signer.role]) })}
          </p>
        ) : null}
        <CheckboxField
          label={t('rm12.attestation')}
          error={errorAt('attestation')}
          {...register('attestation')}
        />
        <p className="field__hint">
          {t('rm12.signOffHint', { registered: formatFacilityTime(visit.registeredAt, zone) })}
        </p>
      </fieldset>

      {Object.keys(formState.errors).length > 0 && !formState.isSubmitting ? (
        <Notice tone="danger" role="alert" title={formState.errors.root?.message ?? t('rm12.fixErrors')} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {t(existing ? 'rm12.signAmendment' : 'rm12.sign')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('common.close')}</Button> : null}
      </div>
    </form>
  );
}

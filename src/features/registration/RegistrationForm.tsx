import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import {
  IDENTITY_PROOFS,
  registrationWarnings,
  Warning,
  type Patient,
  type PatientKind,
  type RegistrationPlan,
  type RuntimeConfig,
} from '@/domain';
import { PatientIdentityLine, problemText, reasonText, useFacilityNow, WhenField } from '@/features/common';
import { useT, type MessageKey } from '@/i18n';
import { getDb, registerVisit, useVisitsOfDay } from '@/storage';
import { Button } from '@/ui/Button';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { useUnsavedWork } from '@/ui/unsavedWork';
import {
  formFieldOf,
  identityOf,
  payerOf,
  registrationFormSchema,
  type RegistrationFormInput,
  type RegistrationFormOutput,
} from './registrationFormSchema';

const KIND_TITLE: Record<PatientKind, MessageKey> = {
  returning: 'registration.kindReturning',
  new: 'registration.kindNew',
  unidentified: 'registration.kindUnidentified',
};

const PROOF_LABEL: Record<(typeof IDENTITY_PROOFS)[number], MessageKey> = {
  ktp: 'patient.proofKtp',
  kib: 'patient.proofKib',
  bpjs_card: 'patient.proofBpjs',
  family: 'patient.proofFamily',
  none: 'patient.proofNone',
};

export type RegistrationStart =
  | { patient: Patient }
  | { kind: PatientKind; prefill: { mrn?: string; nik?: string; name?: string; birthDate?: string } };

/**
 * The registration itself: who (a found patient, or the identity typed from the card), where
 * (poli and doctor from the config), how they pay, and when it really happened. Saving stores
 * the patient, the visit with its ticket and, for a returning patient, the record-request slip
 * in one transaction.
 */
export function RegistrationForm({
  start,
  config,
  onSaved,
  onCancel,
}: {
  start: RegistrationStart;
  config: RuntimeConfig;
  onSaved: (plan: RegistrationPlan) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const zone = config.facility.timeZone;
  const [openedAt] = useState(() => new Date()); // the start of registration service: BPJS task 2
  const known = 'patient' in start ? start.patient : undefined;
  const prefill = 'prefill' in start ? start.prefill : {};
  const firstPoli = config.polis[0];
  const form = useForm<RegistrationFormInput, unknown, RegistrationFormOutput>({
    resolver: zodResolver(registrationFormSchema),
    defaultValues: {
      knownPatientId: known?.id ?? '',
      kind: known?.kind ?? ('kind' in start ? start.kind : 'new'),
      mrn: prefill.mrn ?? '',
      nik: prefill.nik ?? '',
      name: prefill.name ?? '',
      birthDate: prefill.birthDate ?? '',
      estimatedAge: '',
      sex: '',
      phone: '',
      address: '',
      identityVerifiedBy: 'kind' in start && start.kind === 'unidentified' ? 'none' : 'ktp',
      description: '',
      poliCode: firstPoli?.code ?? '',
      doctorCode: firstPoli?.doctors[0]?.code ?? '',
      payerType: known?.bpjsCardNo ? 'bpjs' : 'umum',
      bpjsCardNo: known?.bpjsCardNo ?? '',
      bookingCode: '',
      referralNo: '',
      insurerName: '',
      policyNo: '',
      transcribed: false,
      registeredAt: { mode: 'now' },
      arrivedAt: { mode: 'now' },
    },
  });
  const { register, control, formState, setError, setValue } = form;
  useUnsavedWork(formState.isDirty && !formState.isSubmitSuccessful);

  const [kind, poliCode, payerType, nik, name, birthDate, sex] = useWatch({
    control,
    name: ['kind', 'poliCode', 'payerType', 'nik', 'name', 'birthDate', 'sex'],
  });
  const poli = config.polis.find((candidate) => candidate.code === poliCode);
  const { date: today } = useFacilityNow(zone);
  const todaysVisits = useVisitsOfDay(today);
  const warnings = useMemo(() => {
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const person = known ?? {
      nik: text(nik),
      name,
      birthDate: text(birthDate),
      sex: sex === 'L' || sex === 'P' ? sex : undefined,
    };
    const list = registrationWarnings(
      person,
      todaysVisits?.flatMap((entry) =>
        entry.patient ? [{ visit: entry.visit, patient: entry.patient }] : [],
      ) ?? [],
      new Date(),
    );
    return known ? list.filter((warning) => warning.warning === Warning.OpenVisitToday) : list;
  }, [known, nik, name, birthDate, sex, todaysVisits]);

  const errorOf = (field: keyof RegistrationFormInput) => {
    const error = formState.errors[field];
    if (!error?.message) return undefined;
    const params = field === 'mrn' ? { example: config.mrn.example } : {};
    return reasonText(t, error.message, params, zone);
  };

  const submit = form.handleSubmit(async (values) => {
    const result = await registerVisit(getDb(), {
      patient: values.knownPatientId
        ? { patientId: values.knownPatientId }
        : { identity: identityOf(values) },
      poliCode: values.poliCode,
      doctorCode: values.doctorCode,
      payer: payerOf(values),
      source: values.transcribed ? 'transcribed_from_paper' : 'direct',
      registeredAt: values.registeredAt,
      ...(values.arrivedAt.mode === 'manual' ? { arrivedAt: values.arrivedAt } : {}),
      admissionStartedAt: openedAt,
    });
    if (!result.ok) {
      for (const problem of result.error) {
        const field = formFieldOf(problem.field);
        setError(field === 'root' ? 'root' : field, { message: problemText(t, problem, zone) });
      }
      return;
    }
    onSaved(result.value);
  });

  return (
    <form
      className="form-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="registration-form-title"
    >
      <h2 id="registration-form-title">{t(known ? 'registration.kindKnown' : KIND_TITLE[kind])}</h2>

      <fieldset className="form-section">
        <legend>{t('registration.sectionPatient')}</legend>
        {known ? (
          <PatientIdentityLine patient={known} />
        ) : (
          <div className="form-grid">
            {kind === 'returning' ? (
              <TextField
                label={t('patient.mrn')}
                hint={t('registration.mrnHint', { example: config.mrn.example })}
                error={errorOf('mrn')}
                autoComplete="off"
                {...register('mrn')}
              />
            ) : null}
            {kind !== 'unidentified' ? (
              <TextField
                label={t('patient.nik')}
                hint={t('registration.nikHint')}
                error={errorOf('nik')}
                inputMode="numeric"
                maxLength={16}
                autoComplete="off"
                {...register('nik')}
              />
            ) : null}
            <TextField
              label={t(kind === 'unidentified' ? 'registration.unidentifiedName' : 'patient.name')}
              hint={
                kind === 'unidentified' ? t('registration.unidentifiedNameHint') : t('registration.nameHint')
              }
              error={errorOf('name')}
              autoComplete="off"
              {...register('name')}
            />
            <TextField
              label={t('patient.birthDate')}
              type="date"
              error={errorOf('birthDate')}
              {...register('birthDate')}
            />
            <TextField
              label={t('patient.estimatedAge')}
              hint={t('registration.ageHint')}
              inputMode="numeric"
              error={errorOf('estimatedAge')}
              {...register('estimatedAge')}
            />
            <Controller
              control={control}
              name="sex"
              render={({ field }) => (
                <RadioGroup
                  legend={t('patient.sex')}
                  name="sex"
                  value={field.value}
                  onChange={field.onChange}
                  error={errorOf('sex')}
                  options={[
                    { value: 'L', label: t('patient.sexL') },
                    { value: 'P', label: t('patient.sexP') },
                  ]}
                />
              )}
            />
            <TextField
              label={t('patient.phone')}
              type="tel"
              error={errorOf('phone')}
              autoComplete="off"
              {...register('phone')}
            />
            <TextField
              label={t('patient.address')}
              error={errorOf('address')}
              autoComplete="off"
              {...register('address')}
            />
            <SelectField
              label={t('patient.identityProof')}
              options={IDENTITY_PROOFS.map((proof) => ({ value: proof, label: t(PROOF_LABEL[proof]) }))}
              {...register('identityVerifiedBy')}
            />
            {kind === 'unidentified' ? (
              <TextAreaField
                label={t('patient.description')}
                hint={t('registration.descriptionHint')}
                error={errorOf('description')}
                {...register('description')}
              />
            ) : null}
          </div>
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('registration.sectionVisit')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('visit.poli')}
            error={errorOf('poliCode')}
            options={config.polis.map((candidate) => ({ value: candidate.code, label: candidate.name }))}
            {...register('poliCode', {
              onChange: (event: { target: { value: string } }) => {
                const next = config.polis.find((candidate) => candidate.code === event.target.value);
                setValue('doctorCode', next?.doctors[0]?.code ?? '');
              },
            })}
          />
          <SelectField
            label={t('visit.doctor')}
            error={errorOf('doctorCode')}
            options={(poli?.doctors ?? []).map((doctor) => ({ value: doctor.code, label: doctor.name }))}
            {...register('doctorCode')}
          />
        </div>
        <Controller
          control={control}
          name="payerType"
          render={({ field }) => (
            <RadioGroup
              legend={t('visit.payer')}
              name="payer"
              value={field.value}
              onChange={field.onChange}
              options={[
                { value: 'umum', label: t('visit.payerUmum') },
                { value: 'bpjs', label: t('visit.payerBpjs') },
                { value: 'asuransi', label: t('visit.payerAsuransi') },
              ]}
            />
          )}
        />
        {payerType === 'bpjs' ? (
          <div className="form-grid">
            <TextField
              label={t('visit.bpjsCardNo')}
              inputMode="numeric"
              maxLength={13}
              error={errorOf('bpjsCardNo')}
              autoComplete="off"
              {...register('bpjsCardNo')}
            />
            <TextField
              label={t('visit.bookingCode')}
              hint={t('visit.optional')}
              error={errorOf('bookingCode')}
              autoComplete="off"
              {...register('bookingCode')}
            />
            <TextField
              label={t('visit.referralNo')}
              hint={t('visit.optional')}
              error={errorOf('referralNo')}
              autoComplete="off"
              {...register('referralNo')}
            />
          </div>
        ) : null}
        {payerType === 'asuransi' ? (
          <div className="form-grid">
            <TextField
              label={t('visit.insurerName')}
              error={errorOf('insurerName')}
              {...register('insurerName')}
            />
            <TextField
              label={t('visit.policyNo')}
              hint={t('visit.optional')}
              error={errorOf('policyNo')}
              {...register('policyNo')}
            />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('registration.sectionTime')}</legend>
        <CheckboxField
          label={t('capture.transcribed')}
          hint={t('capture.transcribedHint')}
          {...register('transcribed')}
        />
        <div className="form-grid">
          <Controller
            control={control}
            name="registeredAt"
            render={({ field }) => (
              <WhenField
                label={t('registration.registeredAt')}
                value={field.value}
                onChange={field.onChange}
                zone={zone}
                error={errorOf('registeredAt')}
              />
            )}
          />
          <Controller
            control={control}
            name="arrivedAt"
            render={({ field }) => (
              <WhenField
                label={t('registration.arrivedAt')}
                value={field.value}
                onChange={field.onChange}
                zone={zone}
                error={errorOf('arrivedAt')}
              />
            )}
          />
        </div>
      </fieldset>

      {warnings.length > 0 ? (
        <Notice tone="warning" title={t('registration.checkBeforeSaving')}>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>
                {warning.warning === Warning.OpenVisitToday
                  ? t('warning.openVisitToday', {
                      ticket: warning.visit.ticketLabel,
                      poli:
                        config.polis.find((candidate) => candidate.code === warning.visit.poliCode)?.name ??
                        warning.visit.poliCode,
                    })
                  : t(`warning.${warning.warning}`)}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {formState.errors.root?.message ? (
        <Notice tone="danger" role="alert" title={formState.errors.root.message} />
      ) : null}

      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {t('registration.save')}
        </Button>
        <Button onClick={onCancel}>{t('registration.back')}</Button>
      </div>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Controller, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import {
  IDENTITY_PROOFS,
  isOpenVisit,
  registrationWarnings,
  Warning,
  type FieldProblem,
  type Patient,
  type PatientKind,
  type RegistrationPlan,
  type RuntimeConfig,
} from '@/domain';
import { formatDate, PatientIdentityLine, reasonText, useFacilityNow, WhenField } from '@/features/common';
import { useT, type MessageKey } from '@/i18n';
import { useRegistrationT, type RegistrationMessageKey } from '@/i18n/registration';
import { getDb, registerVisit, useVisitsOfDay } from '@/storage';
import { Button } from '@/ui/Button';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { useUnsavedWork } from '@/ui/unsavedWork';
import { defaultValuesOf, firstFieldOf, payerFieldsOf } from './formDefaults';
import type { RegistrationStart } from './registrationStart';
import {
  FIELD_ORDER,
  formFieldOf,
  identityOf,
  payerOf,
  registrationFormSchema,
  type FormField,
  type RegistrationFormInput,
  type RegistrationFormOutput,
} from './registrationFormSchema';
import { useNikDerivedFields } from './useNikDerivedFields';
import { useNikHolder } from './useNikHolder';

const KIND_TITLE: Record<PatientKind, RegistrationMessageKey> = {
  returning: 'kindReturning',
  new: 'kindNew',
  unidentified: 'kindUnidentified',
};

const PROOF_LABEL: Record<(typeof IDENTITY_PROOFS)[number], MessageKey> = {
  ktp: 'patient.proofKtp',
  kib: 'patient.proofKib',
  bpjs_card: 'patient.proofBpjs',
  family: 'patient.proofFamily',
  none: 'patient.proofNone',
};

type ProblemParams = Partial<Record<FormField | 'root', FieldProblem['params']>>;

/**
 * The registration itself: who (a found patient, or the identity typed from the card), where
 * (poli and doctor from the config), how they pay, and when it really happened. Saving stores
 * the patient, the visit with its ticket and, for a returning patient, the record-request slip
 * in one transaction. Every refusal is said in words at its field, and focus goes to the first.
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
  const tr = useRegistrationT();
  const zone = config.facility.timeZone;
  const [openedAt] = useState(() => new Date()); // the start of registration service: BPJS task 2
  const [known, setKnown] = useState<Patient | undefined>('patient' in start ? start.patient : undefined);
  const lastVisit = 'patient' in start && known?.id === start.patient.id ? start.lastVisit : undefined;
  const [problemParams, setProblemParams] = useState<ProblemParams>({});
  const rootNotice = useRef<HTMLDivElement>(null);
  // Where focus goes once a refusal is on screen (some fields appear only with their error).
  const [focusRequest, setFocusRequest] = useState<{ target: FormField | 'root' } | undefined>();
  const form = useForm<RegistrationFormInput, unknown, RegistrationFormOutput>({
    resolver: zodResolver(registrationFormSchema),
    defaultValues: defaultValuesOf(start, config),
    // Focus moves explicitly, in screen order, for the schema's and the command's refusals alike.
    shouldFocusError: false,
  });
  const { register, control, formState, setError, setValue, setFocus, clearErrors } = form;
  useUnsavedWork(formState.isDirty && !formState.isSubmitSuccessful);

  const [kind, poliCode, payerType, nik, name, birthDate, sex] = useWatch({
    control,
    name: ['kind', 'poliCode', 'payerType', 'nik', 'name', 'birthDate', 'sex'],
  });
  const poli = config.polis.find((candidate) => candidate.code === poliCode);
  const typedNik = typeof nik === 'string' && !known ? nik : '';
  const fromNik = useNikDerivedFields(form, typedNik);
  const nikHolder = useNikHolder(typedNik, kind !== 'unidentified');
  const { date: today } = useFacilityNow(zone);
  const todaysVisits = useVisitsOfDay(today);
  const openHere = known
    ? todaysVisits?.find(
        ({ visit }) => visit.patientId === known.id && visit.poliCode === poliCode && isOpenVisit(visit),
      )?.visit
    : undefined;
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
    if (!known) return list;
    // A known patient's identity is settled; an open visit at the chosen poli has its own
    // question (the confirmation) under the poli, so only those elsewhere are listed here.
    return list.filter(
      (warning) => warning.warning === Warning.OpenVisitToday && warning.visit.poliCode !== poliCode,
    );
  }, [known, nik, name, birthDate, sex, todaysVisits, poliCode]);

  useEffect(() => setFocus(firstFieldOf(start)), [setFocus, start]);
  useEffect(() => {
    if (focusRequest?.target === 'root') rootNotice.current?.focus();
    else if (focusRequest) setFocus(focusRequest.target);
  }, [focusRequest, setFocus]);

  /** The words for a field's refusal: its reason code, translated here and only here. */
  const errorOf = (field: FormField | 'root') => {
    const reason = field === 'root' ? formState.errors.root?.message : formState.errors[field]?.message;
    if (!reason) return undefined;
    const params = problemParams[field] ?? (field === 'mrn' ? { example: config.mrn.example } : {});
    return reasonText(t, reason, params, zone);
  };
  const focusFirst = (fields: readonly (FormField | 'root')[]) => {
    const target =
      FIELD_ORDER.find((field) => fields.includes(field)) ?? (fields.includes('root') ? 'root' : undefined);
    if (target) setFocusRequest({ target });
  };
  const onInvalid = (errors: FieldErrors<RegistrationFormInput>) => {
    setProblemParams({});
    focusFirst(FIELD_ORDER.filter((field) => errors[field]));
  };

  const switchToKnown = (patient: Patient) => {
    setKnown(patient);
    setValue('knownPatientId', patient.id, { shouldDirty: true });
    setValue('kind', patient.kind);
    // The visit typed so far stays; a BPJS card the patient is known by fills an empty card field.
    if (!form.getValues('bpjsCardNo') && patient.bpjsCardNo)
      setValue('bpjsCardNo', payerFieldsOf(patient, undefined).bpjsCardNo);
    clearErrors();
    setProblemParams({});
    setFocusRequest({ target: 'poliCode' });
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
      confirmSecondVisit: values.confirmSecondVisit,
    });
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    const params: ProblemParams = {};
    const fields = result.error.map((problem) => {
      const field = formFieldOf(problem.field);
      setError(field, { type: 'command', message: problem.reason });
      if (problem.params) params[field] = problem.params;
      return field;
    });
    setProblemParams(params);
    focusFirst(fields);
  }, onInvalid);
  // One save at a time: a second Enter while the first is being stored must not register twice.
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (!formState.isSubmitting) void submit();
  };
  // Enter saves from a list box too, as it does from a text field: the clerk never leaves the keys.
  const enterSaves = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === 'Enter' && !event.altKey) save(event);
  };

  return (
    <form className="form-card" noValidate onSubmit={save} aria-labelledby="registration-form-title">
      <h2 id="registration-form-title">{tr(known ? 'kindKnown' : KIND_TITLE[kind])}</h2>

      <fieldset className="form-section">
        <legend>{tr('sectionPatient')}</legend>
        {known ? (
          <PatientIdentityLine patient={known} />
        ) : (
          <div className="form-grid">
            {kind === 'returning' ? (
              <TextField
                label={t('patient.mrn')}
                hint={tr('mrnHint', { example: config.mrn.example })}
                error={errorOf('mrn')}
                autoComplete="off"
                {...register('mrn')}
              />
            ) : null}
            {kind !== 'unidentified' ? (
              <TextField
                label={t('patient.nik')}
                hint={tr('nikHint')}
                error={errorOf('nik')}
                inputMode="numeric"
                maxLength={16}
                autoComplete="off"
                {...register('nik')}
              />
            ) : null}
            {nikHolder ? (
              <div className="form-grid__full">
                <Notice
                  tone="warning"
                  title={tr('nikKnownTitle')}
                  actions={
                    <Button variant="primary" onClick={() => switchToKnown(nikHolder)}>
                      {tr('useThisPatient')}
                    </Button>
                  }
                >
                  <PatientIdentityLine patient={nikHolder} />
                  <p>{tr('nikKnownBody')}</p>
                </Notice>
              </div>
            ) : null}
            <TextField
              label={kind === 'unidentified' ? tr('unidentifiedName') : t('patient.name')}
              hint={kind === 'unidentified' ? tr('unidentifiedNameHint') : tr('nameHint')}
              error={errorOf('name')}
              autoComplete="off"
              {...register('name')}
            />
            <TextField
              label={t('patient.birthDate')}
              type="date"
              hint={fromNik && birthDate === fromNik.birthDate ? tr('fromNik') : undefined}
              error={errorOf('birthDate')}
              {...register('birthDate')}
            />
            <TextField
              label={t('patient.estimatedAge')}
              hint={tr('ageHint')}
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
                  inputRef={field.ref}
                  hint={fromNik && field.value === fromNik.sex ? tr('fromNik') : undefined}
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
              onKeyDown={enterSaves}
              {...register('identityVerifiedBy')}
            />
            {kind === 'unidentified' ? (
              <TextAreaField
                label={t('patient.description')}
                hint={tr('descriptionHint')}
                error={errorOf('description')}
                {...register('description')}
              />
            ) : null}
          </div>
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>{tr('sectionVisit')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('visit.poli')}
            hint={
              lastVisit && lastVisit.poliCode === poliCode
                ? tr('poliFromLastVisit', { date: formatDate(lastVisit.serviceDate) })
                : undefined
            }
            error={errorOf('poliCode')}
            options={config.polis.map((candidate) => ({ value: candidate.code, label: candidate.name }))}
            onKeyDown={enterSaves}
            {...register('poliCode', {
              onChange: (event: { target: { value: string } }) => {
                const next = config.polis.find((candidate) => candidate.code === event.target.value);
                setValue('doctorCode', next?.doctors[0]?.code ?? '');
                setValue('confirmSecondVisit', false);
              },
            })}
          />
          <SelectField
            label={t('visit.doctor')}
            error={errorOf('doctorCode')}
            options={(poli?.doctors ?? []).map((doctor) => ({ value: doctor.code, label: doctor.name }))}
            onKeyDown={enterSaves}
            {...register('doctorCode')}
          />
        </div>
        {openHere || formState.errors.confirmSecondVisit ? (
          <Notice tone="warning" title={tr('secondVisitTitle')}>
            {openHere ? (
              <p>{tr('secondVisitBody', { poli: poli?.name ?? poliCode, ticket: openHere.ticketLabel })}</p>
            ) : null}
            <CheckboxField
              label={tr('confirmSecondVisit')}
              error={errorOf('confirmSecondVisit')}
              {...register('confirmSecondVisit')}
            />
          </Notice>
        ) : null}
        <Controller
          control={control}
          name="payerType"
          render={({ field }) => (
            <RadioGroup
              legend={t('visit.payer')}
              name="payer"
              value={field.value}
              onChange={field.onChange}
              inputRef={field.ref}
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
        <legend>{tr('sectionTime')}</legend>
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
                inputRef={field.ref}
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
                inputRef={field.ref}
                zone={zone}
                error={errorOf('arrivedAt')}
              />
            )}
          />
        </div>
      </fieldset>

      {warnings.length > 0 ? (
        <Notice tone="warning" title={tr('checkBeforeSaving')}>
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
        <div ref={rootNotice} tabIndex={-1}>
          <Notice tone="danger" role="alert" title={errorOf('root')} />
        </div>
      ) : null}

      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {tr('save')}
        </Button>
        <Button onClick={onCancel}>{tr('back')}</Button>
      </div>
    </form>
  );
}

import { useMemo, useState } from 'react';
import type { DomainEvent } from '@/domain';
import { formatFacilityDateTime, useRuntimeConfig } from '@/features/common';
import { ROLE_LABEL } from '@/features/account';
import { EVENT_LABEL } from '@/features/visits';
import { useT, type MessageKey, type Translate } from '@/i18n';
import { useAuditTrail } from '@/storage';
import { SelectField, TextField } from '@/ui/Field';

const ACTION_LABEL: Record<string, MessageKey> = {
  visit_viewed: 'audit.action.visit_viewed',
  assessment_viewed: 'audit.action.assessment_viewed',
  printed: 'audit.action.printed',
  backup_exported: 'audit.action.backup_exported',
  backup_imported: 'audit.action.backup_imported',
  signed_in: 'audit.action.signed_in',
  signed_out: 'audit.action.signed_out',
};

/** What an entry did, in words: the audit action, or the kind of correction. */
function describe(t: Translate, event: DomainEvent): string {
  if (event.type === 'audit.recorded') return t(ACTION_LABEL[event.payload.action] ?? 'event.audit.recorded');
  if (event.corrects) return t('audit.corrected', { type: t(EVENT_LABEL[event.type]) });
  return t(EVENT_LABEL[event.type]);
}

/** The subject without patient names: ids, documents and counts only. */
function subject(t: Translate, event: DomainEvent): string {
  if (event.type === 'audit.recorded') {
    const { visitId, document, count } = event.payload;
    return [
      visitId ? t('audit.visit', { id: visitId.slice(-8) }) : undefined,
      document ? t(`audit.document.${document}` as MessageKey) : undefined,
      count !== undefined ? t('audit.count', { count }) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (event.type === 'event.voided') return event.payload.reason;
  return t('audit.record', { id: event.entityId.slice(-8) });
}

const PAGE = 200;

/**
 * IT's audit screen (Permenkes 24/2022: who input, corrected or viewed what): every view, print,
 * export and sign-in entry, and every correction, filterable by person, action, device and date.
 */
export function AuditScreen() {
  const t = useT();
  const config = useRuntimeConfig();
  const trail = useAuditTrail();
  const [actor, setActor] = useState('');
  const [kind, setKind] = useState('');
  const [device, setDevice] = useState('');
  const [date, setDate] = useState('');
  const zone = config?.facility.timeZone ?? 'Asia/Jakarta';

  const actors = useMemo(
    () => [...new Map((trail ?? []).map((event) => [event.actor.userId, event.actor.name])).entries()],
    [trail],
  );
  const matching = (trail ?? []).filter(
    (event) =>
      (!actor || event.actor.userId === actor) &&
      (!kind ||
        (kind === 'correction'
          ? event.type !== 'audit.recorded'
          : event.type === 'audit.recorded' && event.payload.action === kind)) &&
      (!device || event.deviceCode === device.trim().toUpperCase()) &&
      (!date || event.occurredAt.startsWith(date)),
  );

  return (
    <>
      <h1>{t('nav.audit')}</h1>
      <p>{t('workspace.audit.purpose')}</p>
      <div className="form-card form-grid" role="search">
        <SelectField
          label={t('audit.filter.actor')}
          value={actor}
          onChange={(event) => setActor(event.target.value)}
          placeholder={t('audit.filter.all')}
          options={actors.map(([id, name]) => ({ value: id, label: name }))}
        />
        <SelectField
          label={t('audit.filter.action')}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          placeholder={t('audit.filter.all')}
          options={[
            ...Object.entries(ACTION_LABEL).map(([value, key]) => ({ value, label: t(key) })),
            { value: 'correction', label: t('audit.filter.corrections') },
          ]}
        />
        <TextField
          label={t('audit.filter.device')}
          value={device}
          maxLength={3}
          onChange={(event) => setDevice(event.target.value)}
        />
        <TextField
          label={t('audit.filter.date')}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
      </div>
      <p role="status">
        {t('audit.count.shown', { shown: Math.min(PAGE, matching.length), total: matching.length })}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">{t('nav.audit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.time')}</th>
            <th scope="col">{t('audit.col.who')}</th>
            <th scope="col">{t('audit.col.device')}</th>
            <th scope="col">{t('audit.col.what')}</th>
            <th scope="col">{t('audit.col.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {matching.slice(0, PAGE).map((event) => (
            <tr key={event.id}>
              <td>{formatFacilityDateTime(event.occurredAt, zone)}</td>
              <td>{t('audit.actor', { name: event.actor.name, role: t(ROLE_LABEL[event.actor.role]) })}</td>
              <td>{event.deviceCode}</td>
              <td>{describe(t, event)}</td>
              <td>{subject(t, event)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

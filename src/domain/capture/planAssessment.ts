import { err, type Result } from '@/lib/result';
import { assessmentRefusal } from '../assessment/assessmentRules';
import { RM12_TEMPLATE, type Rm12Content } from '../assessment/rm12Schema';
import type { DomainEvent } from '../events/domainEvent';
import type { EventSource } from '../events/envelope';
import type { Assessment, Visit } from '../projections/types';
import { Reason, type FieldProblem } from '../reasons';
import { collectEvents, makeEvent, resolveWhen, type CaptureContext, type When } from './captureContext';

export type AssessmentInput = {
  content: Rm12Content;
  startedAt: When;
  completedAt: When;
  clinician: { doctorCode?: string; name: string };
  source: EventSource;
  attestation: boolean;
  paperFormRef?: string;
  /** Required when amending a signed assessment. */
  reason?: string;
};

/**
 * Signs the RM 1.2 of a visit, or — when it is already signed — amends it as a new version with
 * a reason. Started ≥ registration, completed ≥ started; neither in the future. A cancelled or
 * no-show visit gets no first signature (`assessmentRefusal`); an existing one may be amended.
 */
export function planAssessment(
  visit: Visit,
  existing: Assessment | undefined,
  input: AssessmentInput,
  context: CaptureContext,
): Result<{ events: DomainEvent[]; assessmentId: string }, FieldProblem[]> {
  const refusal = existing ? undefined : assessmentRefusal(visit);
  if (refusal) return err([{ field: '', reason: refusal }]);
  const problems: FieldProblem[] = [];
  const started = resolveWhen(input.startedAt, context, 'startedAt');
  const completed = resolveWhen(input.completedAt, context, 'completedAt');
  if (!started.ok) problems.push(started.error);
  if (!completed.ok) problems.push(completed.error);
  if (!input.attestation) problems.push({ field: 'attestation', reason: Reason.AttestationRequired });
  if (existing && !input.reason?.trim()) problems.push({ field: 'reason', reason: Reason.ReasonRequired });
  if (!started.ok || !completed.ok || problems.length > 0) return err(problems);
  if (started.value.at.getTime() < Date.parse(visit.registeredAt)) {
    problems.push({ field: 'startedAt', reason: Reason.TimeOrder, params: { previous: visit.registeredAt } });
  }
  if (completed.value.at < started.value.at) {
    problems.push({
      field: 'completedAt',
      reason: Reason.TimeOrder,
      params: { previous: started.value.occurredAt },
    });
  }
  if (problems.length > 0) return err(problems);

  const assessmentId = existing?.id ?? context.newId();
  const version = {
    visitId: visit.id,
    template: RM12_TEMPLATE,
    version: (existing?.current.version ?? 0) + 1,
    content: input.content,
    startedAt: started.value.occurredAt,
    completedAt: completed.value.occurredAt,
    clinician: input.clinician.doctorCode
      ? { doctorCode: input.clinician.doctorCode, name: input.clinician.name.trim() }
      : { name: input.clinician.name.trim() },
    attestation: true as const,
    ...(input.paperFormRef?.trim() ? { paperFormRef: input.paperFormRef.trim() } : {}),
  };
  const common = { entityId: assessmentId, time: completed.value, source: input.source };
  const built = existing
    ? makeEvent(context, {
        ...common,
        type: 'assessment.amended',
        payload: { ...version, reason: input.reason!.trim() },
      })
    : makeEvent(context, { ...common, type: 'assessment.signed', payload: version });
  const events = collectEvents([built]);
  return events.ok ? { ok: true, value: { events: events.value, assessmentId } } : events;
}

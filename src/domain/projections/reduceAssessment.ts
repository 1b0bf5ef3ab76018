import type { EventOf } from '../events/domainEvent';
import type { Assessment, AssessmentVersion } from './types';

type AssessmentEvent = EventOf<'assessment.signed'> | EventOf<'assessment.amended'>;

function versionOf(event: AssessmentEvent): AssessmentVersion {
  const { payload } = event;
  return {
    eventId: event.id,
    version: payload.version,
    content: payload.content,
    startedAt: payload.startedAt,
    completedAt: payload.completedAt,
    clinician: payload.clinician,
    signedBy: event.actor,
    source: event.source,
    recordedAt: event.recordedAt,
    ...(payload.paperFormRef ? { paperFormRef: payload.paperFormRef } : {}),
    ...(event.type === 'assessment.amended' ? { reason: event.payload.reason } : {}),
  };
}

/**
 * A signed RM 1.2 and its amendments. The highest version is current; earlier ones stay in
 * `history`. Two signatures of one assessment (two tablets, apart) are both kept and flagged.
 */
export function reduceAssessment(
  current: Assessment | undefined,
  event: AssessmentEvent,
): Assessment | undefined {
  const incoming = versionOf(event);
  if (!current) {
    return {
      id: event.entityId,
      visitId: event.payload.visitId,
      current: incoming,
      history: [],
      anomalies: [],
    };
  }
  const all = [...current.history, current.current];
  if (all.some((version) => version.eventId === event.id)) return current;
  const anomalies = all.some((version) => version.version === incoming.version)
    ? [...current.anomalies, { eventId: event.id, rule: 'duplicateSignature' as const }]
    : current.anomalies;
  const versions = [...all, incoming].sort(
    (a, b) => a.version - b.version || Date.parse(a.completedAt) - Date.parse(b.completedAt),
  );
  return { ...current, current: versions.at(-1)!, history: versions.slice(0, -1), anomalies };
}

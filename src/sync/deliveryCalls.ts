import type {
  DeliveryStatus,
  PatientCandidates,
  ReconciliationAnswer,
  WaitingPatient,
  WorklistAnswer,
} from '@/domain/delivery/deliveryStatus';
import { err, ok, type Result } from '@/lib/result';
import { hubTokens, type SiagaDb } from '@/storage';
import type * as HubClient from './hubClient';
import type { HubCall, HubFailure } from './hubClient';
import { browserRuntime } from './runtime';

/** Why a delivery question got no answer: no hub in reach or not signed in, or the hub's failure. */
export type DeliveryFailure = { kind: 'notConnected' } | HubFailure;
type Answer<T> = Promise<Result<T, DeliveryFailure>>;

/** The recovery console's calls to the hub [P27, P28], with the signed-in device's full token. */
export type DeliveryCalls = {
  status: () => Answer<DeliveryStatus>;
  waitingPatients: (target: string) => Answer<WaitingPatient[]>;
  candidates: (target: string, patientId: string) => Answer<PatientCandidates>;
  createPatient: (target: string, patientId: string) => Answer<{ mrn: string }>;
  reconciliation: (target: string, from: string, to: string) => Answer<ReconciliationAnswer>;
  worklist: (from: string, to: string) => Answer<WorklistAnswer>;
};

/** Loaded with the recovery workspace: neither the schemas nor the client are start-up code. */
export function createDeliveryCalls(db: SiagaDb, hubUrl: () => string | undefined): DeliveryCalls {
  async function withHub<T>(
    ask: (client: typeof HubClient, deps: HubCall, token: string) => Promise<Result<{ body: T }, HubFailure>>,
  ): Answer<T> {
    const url = hubUrl();
    const token = (await hubTokens(db))?.pull;
    if (!url || !token) return err({ kind: 'notConnected' });
    const answer = await ask(await import('./hubClient'), { hubUrl: url, ...browserRuntime() }, token);
    return answer.ok ? ok(answer.value.body) : answer;
  }
  const schemas = () => import('@/domain/delivery/deliveryStatus');
  return {
    status: () => withHub((client, deps, token) => client.deliveryStatusFromHub(deps, token)),
    waitingPatients: async (target) => {
      const { waitingPatientsAnswerSchema } = await schemas();
      const answer = await withHub((client, deps, token) =>
        client.deliveryPostToHub(
          deps,
          token,
          '/api/v1/delivery/waiting-patients',
          { target },
          waitingPatientsAnswerSchema,
        ),
      );
      return answer.ok ? ok(answer.value.patients) : answer;
    },
    candidates: async (target, patientId) => {
      const { patientCandidatesAnswerSchema } = await schemas();
      return withHub((client, deps, token) =>
        client.deliveryPostToHub(
          deps,
          token,
          '/api/v1/delivery/patient-candidates',
          { target, patientId },
          patientCandidatesAnswerSchema,
        ),
      );
    },
    createPatient: async (target, patientId) => {
      const { createdPatientAnswerSchema } = await schemas();
      return withHub((client, deps, token) =>
        client.deliveryPostToHub(
          deps,
          token,
          '/api/v1/delivery/patients',
          { target, patientId },
          createdPatientAnswerSchema,
        ),
      );
    },
    reconciliation: async (target, from, to) => {
      const { reconciliationAnswerSchema } = await schemas();
      return withHub((client, deps, token) =>
        client.deliveryPostToHub(
          deps,
          token,
          '/api/v1/delivery/reconciliation',
          { target, from, to },
          reconciliationAnswerSchema,
        ),
      );
    },
    worklist: async (from, to) => {
      const { worklistAnswerSchema } = await schemas();
      return withHub((client, deps, token) =>
        client.deliveryPostToHub(
          deps,
          token,
          '/api/v1/delivery/worklist',
          { from, to },
          worklistAnswerSchema,
        ),
      );
    },
  };
}

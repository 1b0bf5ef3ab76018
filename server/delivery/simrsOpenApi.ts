import * as z from 'zod/mini';
import {
  simrsErrorSchema,
  simrsPatientAnswerSchema,
  simrsPatientBodySchema,
  simrsPatientSearchAnswerSchema,
  simrsPatientSearchBodySchema,
  simrsVisitAnswerSchema,
  simrsVisitBodySchema,
} from '@/domain/delivery/simrsContract';

/**
 * `docs/simrs-api.openapi.json`, made from the same schemas the hub and the simulator check, so
 * the file a SIMRS vendor implements cannot drift from the code (`npm run docs:openapi` writes
 * it; a unit test fails when it is stale).
 */
export function simrsOpenApiDocument(): Record<string, unknown> {
  const schema = (value: z.core.$ZodType) => {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(value, { unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    return rest;
  };
  const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
  const error = (description: string) => ({ description, content: json('Error') });
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description:
      'The same key with the same body must get the first answer again without doing anything twice; the same key with another body is refused (422 idempotency_key_reused). Keep keys at least 24 hours.',
    schema: { type: 'string', minLength: 8, maxLength: 200 },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Siaga → SIMRS delivery contract',
      version: '1',
      description:
        'What the Siaga hub sends a SIMRS after a downtime. See docs/simrs-api.md for the rules in words.',
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/visits/{localId}': {
        put: {
          summary: 'File or update one visit (upsert by Siaga’s visit id)',
          parameters: [
            { name: 'localId', in: 'path', required: true, schema: { type: 'string' } },
            idempotencyKey,
          ],
          requestBody: { required: true, content: json('VisitDocument') },
          responses: {
            '201': { description: 'Filed: the SIMRS’s visit number', content: json('VisitAnswer') },
            '200': { description: 'Updated in place: same visit number', content: json('VisitAnswer') },
            '400': error('No Idempotency-Key'),
            '401': error('Missing or wrong bearer token'),
            '422': error('Refused: invalid_document, unknown_patient, idempotency_key_reused…'),
            '503': error('Busy or down: the hub retries with backoff'),
          },
        },
      },
      '/api/patients': {
        post: {
          summary: 'Register a new patient and give them a medical-record number',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json('PatientBody') },
          responses: {
            '201': { description: 'Created', content: json('PatientAnswer') },
            '200': { description: 'This local patient already has an MRN', content: json('PatientAnswer') },
            '422': error('Refused'),
          },
        },
      },
      '/api/patients/search': {
        post: {
          summary:
            'Find patients by NIK or by birth date (duplicate candidates); POST keeps NIKs out of URLs',
          requestBody: { required: true, content: json('PatientSearch') },
          responses: {
            '200': { description: 'Matches (at most 50)', content: json('PatientSearchAnswer') },
            '422': error('Neither nik nor birthDate'),
          },
        },
      },
      '/health': {
        get: {
          summary: 'Up or not (the hub’s probe)',
          security: [],
          responses: { '200': { description: 'Up' } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        VisitDocument: schema(simrsVisitBodySchema),
        VisitAnswer: schema(simrsVisitAnswerSchema),
        PatientBody: schema(simrsPatientBodySchema),
        PatientAnswer: schema(simrsPatientAnswerSchema),
        PatientSearch: schema(simrsPatientSearchBodySchema),
        PatientSearchAnswer: schema(simrsPatientSearchAnswerSchema),
        Error: schema(simrsErrorSchema),
      },
    },
  };
}

export const simrsOpenApiText = () => `${JSON.stringify(simrsOpenApiDocument(), null, 2)}\n`;

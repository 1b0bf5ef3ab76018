import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { simrsVisitBodySchema } from '@/domain/delivery/simrsContract';
import type { SimrsVisitDocument } from '@/domain/delivery/simrsDocument';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { DEMO_CONFIG } from '../../../../server/demoConfig';
import { simrsOpenApiText } from '../../../../server/delivery/simrsOpenApi';
import { uuidv7 } from '@/lib/ids';
import { outageDay } from '../../../fixtures/outageEvents';
import { eventAt } from '../eventFactory';
import { RM12_SAMPLE } from '../rm12Sample';

describe('the SIMRS REST contract', () => {
  it('accepts every document the hub builds', () => {
    expectTypeOf<SimrsVisitDocument>().toExtend<z.input<typeof simrsVisitBodySchema>>();
    const day = outageDay({ visits: 20, seed: 4 });
    const signed = eventAt('assessment.signed', uuidv7(), '10:00', {
      visitId: day.arrivalOrder[0]!,
      template: 'rm12@1',
      version: 1,
      content: RM12_SAMPLE,
      startedAt: '2026-11-23T09:40:00.000+07:00',
      completedAt: '2026-11-23T10:00:00.000+07:00',
      clinician: { doctorCode: 'D001', name: 'dr. Ratna Sari' },
      attestation: true,
    });
    const planned = planVisitDeliveries({
      events: [...day.events, signed],
      facility: { code: DEMO_CONFIG.facility.code, timeZone: 'Asia/Jayapura' },
    });
    expect(planned[0]!.document.assessment?.content).toEqual(RM12_SAMPLE);
    for (const { document } of planned)
      expect(simrsVisitBodySchema.safeParse(document).error).toBeUndefined();
  });

  it('is published as docs/simrs-api.openapi.json, generated from these schemas (npm run docs:openapi)', () => {
    const published = readFileSync(
      new URL('../../../../docs/simrs-api.openapi.json', import.meta.url),
      'utf8',
    );
    expect(published).toBe(simrsOpenApiText());
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  counterKeysOf,
  planRegistration,
  reduceRow,
  ticketLabel,
  type RuntimeConfig,
  type Visit,
} from '@/domain';
import { registration } from '../../../fixtures/outageEvents';
import { testContext, visitRegistered } from '../eventFactory';
import { NEW_PATIENT } from '../../storage/captureFixture';

/** A desk working on its own: only the numbers it issued itself count. */
function deskIssuing(deviceCode: string, config: RuntimeConfig) {
  const counters = new Map<string, number>();
  return (poliCode: string, doctorCode: string, at: string): string => {
    const context = { ...testContext(at, deviceCode), config };
    const plan = planRegistration(
      registration(
        { ...NEW_PATIENT, nik: undefined, name: `Pasien ${deviceCode}` },
        { poliCode, doctorCode },
      ),
      { counterValue: (key) => counters.get(key) ?? 0 },
      context,
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    for (const { key, value } of plan.value.events.flatMap(counterKeysOf))
      counters.set(key, Math.max(value, counters.get(key) ?? 0));
    return plan.value.ticketLabel;
  };
}

const withSeries = (config: RuntimeConfig, deskSeries: Record<string, number>): RuntimeConfig => ({
  ...config,
  queue: { deskSeries },
});

describe('short queue tickets (decision 0009)', () => {
  const base = testContext().config;

  it('labels a ticket with the poli letter and the number in the desk block', () => {
    const config = withSeries(base, { PD1: 0, PD2: 1 });
    expect(deskIssuing('PD1', config)('UMU', 'D001', '2026-11-22T08:00:00+07:00')).toBe('A-001');
    expect(deskIssuing('PD2', config)('UMU', 'D001', '2026-11-22T08:00:00+07:00')).toBe('A-1001');
    expect(ticketLabel({ prefix: 'A', deviceCode: 'PD2', series: 1, sequence: 12 })).toBe('A-1012');
    expect(ticketLabel({ prefix: 'A', deviceCode: 'PD1', series: 0, sequence: 12 })).toBe('A-012');
  });

  it('keeps the long label with the device code for a desk without a block, and for old tickets', () => {
    const config = withSeries(base, { PD1: 0 });
    expect(deskIssuing('PD9', config)('ANA', 'D010', '2026-11-22T08:00:00+07:00')).toBe('B-PD9-001');
    const old = reduceRow(
      undefined,
      visitRegistered('0190f1e2-7c3a-7d4e-8f00-0000000000a1', '08:00'),
    ) as Visit;
    expect(old.ticketLabel).toBe('A-PD1-001');
  });

  it('never gives two desks working apart the same label for one poli on one day', () => {
    const desks = ['PD1', 'PD2', 'PD3', 'PD4', 'RM1'];
    fc.assert(
      fc.property(
        // Some desks get a distinct block 0–9, the others none.
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 0, maxLength: desks.length }),
        fc.array(fc.record({ desk: fc.integer({ min: 0, max: desks.length - 1 }), poli: fc.boolean() }), {
          maxLength: 120,
        }),
        (blocks, registrations) => {
          const config = withSeries(
            base,
            Object.fromEntries(blocks.map((block, index): [string, number] => [desks[index]!, block])),
          );
          const issue = desks.map((desk) => deskIssuing(desk, config));
          const labels = registrations.map(({ desk, poli }, index) =>
            issue[desk]!(
              poli ? 'UMU' : 'ANA',
              poli ? 'D001' : 'D010',
              new Date(Date.parse('2026-11-22T07:00:00+07:00') + index * 60_000).toISOString(),
            ),
          );
          expect(new Set(labels).size).toBe(labels.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('continues a block after the numbers a desk has seen from the desk that held it before', () => {
    const config = withSeries(base, { PD1: 1 });
    const counters = new Map<string, number>();
    const plan = (deviceCode: string) => {
      const result = planRegistration(
        registration({ ...NEW_PATIENT, nik: undefined }),
        { counterValue: (key) => counters.get(key) ?? 0 },
        {
          ...testContext('2026-11-22T09:00:00+07:00', deviceCode),
          config: withSeries(config, { [deviceCode]: 1 }),
        },
      );
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      for (const { key, value } of result.value.events.flatMap(counterKeysOf)) counters.set(key, value);
      return result.value.ticketLabel;
    };
    expect(plan('PD1')).toBe('A-1001');
    // PD1 broke down; its replacement PD4 took over block 1 and has synced PD1's events.
    expect(plan('PD4')).toBe('A-1002');
  });
});

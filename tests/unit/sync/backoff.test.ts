import { describe, expect, it } from 'vitest';
import { backoffDelayMs, type BackoffPolicy } from '@/sync';

const FULL: BackoffPolicy = { baseMs: 1_000, capMs: 30_000, jitter: 'full' };
const EQUAL: BackoffPolicy = { baseMs: 1_000, capMs: 15_000, jitter: 'equal' };

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each attempt up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelayMs(attempt, FULL, () => 1));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('spreads full jitter over [0, ceiling]', () => {
    expect(backoffDelayMs(3, FULL, () => 0)).toBe(0);
    expect(backoffDelayMs(3, FULL, () => 0.5)).toBe(2_000);
  });

  it('keeps equal jitter within [ceiling / 2, ceiling]', () => {
    expect(backoffDelayMs(3, EQUAL, () => 0)).toBe(2_000);
    expect(backoffDelayMs(3, EQUAL, () => 1)).toBe(4_000);
    expect(backoffDelayMs(50, EQUAL, () => 0)).toBe(7_500);
  });

  it('stays finite after a very long outage', () => {
    expect(backoffDelayMs(10_000, FULL, () => 1)).toBe(30_000);
  });

  it('treats attempt 0 like the first retry', () => {
    expect(backoffDelayMs(0, FULL, () => 1)).toBe(1_000);
  });
});

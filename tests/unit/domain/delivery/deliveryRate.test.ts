import { describe, expect, it } from 'vitest';
import {
  DELIVERY_RATE_MIN_SPAN_MS,
  deliveryRatePerMinute,
  secondsLeftAt,
} from '@/domain/delivery/deliveryRate';

const now = new Date('2026-11-22T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('deliveryRatePerMinute', () => {
  it('reads eleven visits delivered in two seconds as hundreds per minute, not one', () => {
    const rate = deliveryRatePerMinute({ count: 11, earliestAt: ago(2_000) }, now);
    expect(rate).toBe(330);
    expect(Math.round(rate)).not.toBe(1);
  });

  it('measures a steady pace over the window', () => {
    // One visit every two seconds for the whole last minute.
    expect(deliveryRatePerMinute({ count: 30, earliestAt: ago(59_000) }, now)).toBeCloseTo(30.5, 1);
  });

  it('falls away once nothing more is delivered', () => {
    const flowing = deliveryRatePerMinute({ count: 11, earliestAt: ago(2_000) }, now);
    const stalled = deliveryRatePerMinute({ count: 11, earliestAt: ago(50_000) }, now);
    expect(stalled).toBeLessThan(flowing / 10);
  });

  it('does not read a burst of milliseconds as thousands per minute', () => {
    expect(deliveryRatePerMinute({ count: 3, earliestAt: ago(5) }, now)).toBe(
      (3 * 60_000) / DELIVERY_RATE_MIN_SPAN_MS,
    );
  });

  it('is 0 when nothing was delivered in the window', () => {
    expect(deliveryRatePerMinute({ count: 0, earliestAt: null }, now)).toBe(0);
  });
});

describe('secondsLeftAt', () => {
  it('is the time the due visits take at the rate, 0 when none is due, unknown when nothing moves', () => {
    expect(secondsLeftAt(330, 55)).toBe(10);
    expect(secondsLeftAt(0, 0)).toBe(0);
    expect(secondsLeftAt(0, 4)).toBeNull();
  });
});

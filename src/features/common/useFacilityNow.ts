import { useEffect, useState } from 'react';
import { facilityClock, facilityDate, type FacilityTimeZone } from '@/domain';

/** Today's date and the current time in the facility zone, refreshed every 30 seconds. */
export function useFacilityNow(zone: FacilityTimeZone | undefined): {
  date: string;
  time: string;
  now: Date;
} {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const effectiveZone = zone ?? 'Asia/Jakarta';
  return { date: facilityDate(now, effectiveZone), time: facilityClock(now, effectiveZone), now };
}

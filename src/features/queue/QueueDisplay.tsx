import { useEffect, useMemo, useRef, useState } from 'react';
import type { RuntimeConfig } from '@/domain';
import { formatFacilityTime, useFacilityNow } from '@/features/common';
import { useLanguage, useT } from '@/i18n';
import { useTickets, type TicketRow } from '@/storage';
import { Button } from '@/ui/Button';
import { announce, announcementText } from './announce';

const RECENT_CALLS_SHOWN = 5;

/**
 * The waiting-room screen of one poli: the number being called, the last few calls and how many
 * are waiting. It reads queue tickets only — no patient names ever appear on it — and
 * announces each new call aloud once sound is switched on (browsers need one tap for audio).
 */
export function QueueDisplay({ config, poliCode }: { config: RuntimeConfig; poliCode: string }) {
  const t = useT();
  const language = useLanguage();
  const zone = config.facility.timeZone;
  const { date, time } = useFacilityNow(zone);
  const tickets = useTickets(poliCode, date);
  const poli = config.polis.find((candidate) => candidate.code === poliCode);
  const [soundOn, setSoundOn] = useState(false);
  const called = useMemo(
    () =>
      (tickets ?? [])
        .filter((ticket): ticket is TicketRow & { lastCalledAt: string } => ticket.lastCalledAt !== undefined)
        .sort((a, b) => b.lastCalledAt.localeCompare(a.lastCalledAt)),
    [tickets],
  );
  const current = called[0];
  const waiting = (tickets ?? []).filter((ticket) => ticket.status === 'waiting').length;

  // Announce calls made after this screen opened, once each (a recall counts as a new call).
  // `undefined`: the queue is not loaded yet; `null`: loaded, nobody called before we opened.
  const announced = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (tickets === undefined) return;
    const key = current ? `${current.id}@${current.lastCalledAt}#${current.callCount}` : null;
    if (announced.current === undefined) {
      announced.current = key;
      return;
    }
    if (!current || key === announced.current) return;
    announced.current = key;
    if (soundOn && poli) {
      announce(
        announcementText(
          t,
          language,
          {
            prefix: current.prefix,
            deviceCode: current.deviceCode,
            sequence: current.sequence,
            ...(current.series === undefined ? {} : { series: current.series }),
          },
          poli.name,
        ),
        language,
      );
    }
  }, [tickets, current, soundOn, poli, t, language]);

  if (!poli) return <p>{t('reason.unknownPoli')}</p>;
  return (
    <main className="queue-display" aria-labelledby="display-title">
      <header className="queue-display__header">
        <p>{config.facility.name}</p>
        <h1 id="display-title">{poli.name}</h1>
        <p className="queue-display__clock">{time}</p>
      </header>
      <section className="queue-display__current" aria-live="assertive" aria-atomic="true">
        <p className="queue-display__label">{t('display.nowCalling')}</p>
        <p className="queue-display__number">{current?.label ?? '—'}</p>
        {current ? <p>{t('display.goTo', { poli: poli.name })}</p> : null}
      </section>
      <section className="queue-display__recent" aria-label={t('display.recent')}>
        <h2>{t('display.recent')}</h2>
        <ol>
          {called.slice(1, RECENT_CALLS_SHOWN + 1).map((ticket) => (
            <li key={ticket.id}>
              <span>{ticket.label}</span> <span>{formatFacilityTime(ticket.lastCalledAt, zone)}</span>
            </li>
          ))}
        </ol>
        <p>{t('display.waiting', { count: waiting })}</p>
      </section>
      <footer className="queue-display__controls">
        <Button onClick={() => setSoundOn(!soundOn)} aria-pressed={soundOn}>
          {t(soundOn ? 'display.soundOff' : 'display.soundOn')}
        </Button>
        <Button onClick={() => void document.documentElement.requestFullscreen?.()}>
          {t('display.fullscreen')}
        </Button>
      </footer>
    </main>
  );
}

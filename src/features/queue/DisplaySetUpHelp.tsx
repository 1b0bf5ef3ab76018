import { paths } from '@/features/common';
import { useQueueDisplayT } from '@/i18n/queueDisplay';

/**
 * The waiting-room screen on a device that cannot show calls yet: what is missing and, in plain
 * steps, who sets it up and where. A blank or technical screen on a TV helps nobody.
 */
export function DisplaySetUpHelp({ missing }: { missing: 'setUp' | 'config' }) {
  const tq = useQueueDisplayT();
  return (
    <main className="queue-display queue-display--help" aria-labelledby="display-help-title">
      <h1 id="display-help-title">{tq('notReadyTitle')}</h1>
      <p>{tq(missing === 'setUp' ? 'notSetUp' : 'noConfig')}</p>
      <h2>{tq('howTitle')}</h2>
      <ol className="queue-display__steps">
        <li>{tq('stepSetUp')}</li>
        <li>{tq('stepOpen')}</li>
        <li>{tq('stepScreen')}</li>
      </ol>
      {/* A full page load: the screen leaves the display route for the set-up screen. */}
      <p>
        <a className="button button--secondary" href={paths.home}>
          {tq('setUpNow')}
        </a>
      </p>
    </main>
  );
}

import { LanguageSetting } from '@/features/language';
import { useInsecureT } from '@/i18n/insecure';
import { Notice } from '@/ui/Notice';

/**
 * Shown instead of the app where the browser withholds WebCrypto and service workers (a plain
 * `http://` address that is not this machine): without them nothing could be stored safely, and
 * the set-up would wait forever for a key. Says what to do instead, before anything is typed.
 */
export function InsecureContextScreen() {
  const t = useInsecureT();
  const secureUrl = `https://${location.host}${location.pathname}`;
  return (
    <main className="gate-page" id="main">
      <section className="gate" aria-labelledby="insecure-title">
        <h1 id="insecure-title">{t('title')}</h1>
        <Notice tone="danger" role="alert" title={t('body', { address: location.origin })} />
        <h2>{t('whatToDo')}</h2>
        <ol>
          <li>
            {t('stepOpen')}{' '}
            <a className="button button--primary" href={secureUrl}>
              {t('openSecure', { url: secureUrl })}
            </a>
          </li>
          <li>{t('stepCertificate')}</li>
          <li>{t('stepIt')}</li>
        </ol>
      </section>
      <LanguageSetting />
    </main>
  );
}

import { useStore } from 'zustand';
import { describeConfigIssue, formatDateTime, useLanguage, useT } from '@/i18n';
import type { StoredRuntimeConfig } from '@/storage';
import { runtimeConfigStatusStore } from '@/sync';
import { Button } from '@/ui/Button';
import { Notice } from '@/ui/Notice';
import { useAppServices } from './AppServicesContext';

/**
 * Explains a configuration problem: the wrong fields when the served file is invalid (the last
 * valid configuration stays in use); a blocking notice when the device has never received a valid
 * configuration. Loaded only when there is one (`ConfigNotice`).
 */
export function ConfigProblemNotice({ stored }: { stored: StoredRuntimeConfig | null }) {
  const t = useT();
  const language = useLanguage();
  const status = useStore(runtimeConfigStatusStore);
  const { refreshConfig } = useAppServices();
  const retry = <Button onClick={() => void refreshConfig()}>{t('config.retry')}</Button>;

  if (status.state === 'invalid') {
    return (
      <Notice tone="danger" role="alert" title={t('config.invalid.title')} actions={retry}>
        <p>
          {stored
            ? t('config.invalid.keepingLast', {
                fetchedAt: formatDateTime(
                  new Date(stored.fetchedAt),
                  language,
                  stored.config.facility.timeZone,
                ),
              })
            : t('config.invalid.noFallback')}
        </p>
        <ul className="config-issues">
          {status.issues.map((issue, index) => {
            const { field, problem } = describeConfigIssue(t, issue);
            return (
              <li key={`${issue.field}-${index}`}>
                <code>{field}</code> — {problem}
              </li>
            );
          })}
        </ul>
      </Notice>
    );
  }
  if (stored === null && status.state !== 'loading') {
    return (
      <Notice tone="danger" role="alert" title={t('config.missing.title')} actions={retry}>
        <p>{t('config.missing.body')}</p>
      </Notice>
    );
  }
  return null;
}

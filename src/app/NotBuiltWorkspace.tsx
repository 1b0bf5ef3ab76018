import { useT, type MessageKey } from '@/i18n';
import { Notice } from '@/ui/Notice';

/** A workspace whose feature has not been built yet says so plainly instead of pretending. */
export function NotBuiltWorkspace({ title, purpose }: { title: MessageKey; purpose: MessageKey }) {
  const t = useT();
  return (
    <>
      <h1>{t(title)}</h1>
      <p className="lead">{t(purpose)}</p>
      <Notice tone="warning" title={t('workspace.notBuilt.title')}>
        <p>{t('workspace.notBuilt.body')}</p>
      </Notice>
    </>
  );
}

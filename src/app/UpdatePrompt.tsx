import { useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '@/i18n';
import { Button } from '@/ui/Button';
import { Notice } from '@/ui/Notice';
import { useHasUnsavedWork } from '@/ui/unsavedWork';
import { useAppServices } from './AppServicesContext';
import { serviceWorkerStore } from './serviceWorker';

/**
 * Offers a waiting release. Applying it reloads the page, so it is refused while any form holds
 * unsaved input; "later" keeps the current release running and leaves a badge in the status bar.
 */
export function UpdatePrompt() {
  const t = useT();
  const { serviceWorker } = useAppServices();
  const { updateWaiting, updateDeferred } = useStore(serviceWorkerStore);
  const hasUnsavedWork = useHasUnsavedWork();
  const [applying, setApplying] = useState(false);

  if (!updateWaiting || updateDeferred) return null;
  return (
    <Notice
      tone="info"
      title={t('update.available')}
      actions={
        <>
          <Button
            variant="primary"
            disabled={hasUnsavedWork || applying}
            onClick={() => {
              setApplying(true);
              void serviceWorker.applyUpdate();
            }}
          >
            {t('update.apply')}
          </Button>
          <Button onClick={serviceWorker.deferUpdate}>{t('update.later')}</Button>
        </>
      }
    >
      {hasUnsavedWork ? <p>{t('update.blockedByUnsavedWork')}</p> : null}
    </Notice>
  );
}

import { useStore } from 'zustand';
import { useT } from '@/i18n';
import { databaseStatusStore } from '@/storage';
import { Button } from '@/ui/Button';
import { Notice } from '@/ui/Notice';

/** Another tab upgraded the database; this tab's connection is closed until the user reloads. */
export function DatabaseUpgradeNotice() {
  const t = useT();
  const closedForUpgrade = useStore(databaseStatusStore, (state) => state.closedForUpgrade);
  if (!closedForUpgrade) return null;
  return (
    <Notice
      tone="warning"
      role="alert"
      title={t('db.closedForUpgrade')}
      actions={<Button onClick={() => window.location.reload()}>{t('db.reload')}</Button>}
    />
  );
}

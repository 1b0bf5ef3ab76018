import { useT } from '@/i18n';
import type { Role } from '@/domain';
import { onLinkClick } from '@/ui/navigation';
import { routedScreens } from './lazyScreens';

/** The brand, the facility and, for a signed-in person, the workspace navigation. */
export function AppHeader({
  facilityName,
  role,
}: {
  facilityName: string | undefined;
  role: Role | undefined;
}) {
  const t = useT();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <a href="/" className="app-header__logo" onClick={onLinkClick}>
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </a>
        {facilityName ? <span className="app-header__facility">{facilityName}</span> : null}
      </div>
      {role ? <Navigation role={role} /> : null}
    </header>
  );
}

/** From the signed-in screens' chunk, like the routes (loaded ahead, once the first screen is shown). */
function Navigation({ role }: { role: Role }) {
  const screens = routedScreens.useModule();
  return screens ? <screens.WorkspaceNav role={role} /> : null;
}

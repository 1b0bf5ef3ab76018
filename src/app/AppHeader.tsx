import { useT } from '@/i18n';
import type { Role } from '@/domain';
import { matchRoute, mayOpen, workspaceOf } from '@/features/common';
import { onLinkClick, usePathname } from '@/ui/navigation';
import { WORKSPACES } from './router';

/** The brand, the facility and the workspace navigation (a plain list of links: keyboard-friendly). */
export function AppHeader({
  facilityName,
  role,
}: {
  facilityName: string | undefined;
  role: Role | undefined;
}) {
  const t = useT();
  const current = workspaceOf(matchRoute(usePathname()));
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <a href="/" className="app-header__logo" onClick={onLinkClick}>
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </a>
        {facilityName ? <span className="app-header__facility">{facilityName}</span> : null}
      </div>
      {role ? (
        <nav aria-label={t('nav.label')}>
          <ul className="app-nav">
            {WORKSPACES.filter((workspace) => mayOpen({ name: workspace.name }, role)).map((workspace) => (
              <li key={workspace.name}>
                <a
                  href={workspace.path}
                  className="app-nav__link"
                  aria-current={current === workspace.name ? 'page' : undefined}
                  onClick={onLinkClick}
                >
                  {t(workspace.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

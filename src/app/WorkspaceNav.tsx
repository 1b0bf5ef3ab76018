import type { Role } from '@/domain';
import { matchRoute, mayOpen, workspaceOf } from '@/features/common';
import { useT } from '@/i18n';
import { onLinkClick, usePathname } from '@/ui/navigation';
import { WORKSPACES } from './router';

/** The workspaces this role may open: a plain list of links (keyboard-friendly). */
export function WorkspaceNav({ role }: { role: Role }) {
  const t = useT();
  const current = workspaceOf(matchRoute(usePathname()));
  return (
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
  );
}

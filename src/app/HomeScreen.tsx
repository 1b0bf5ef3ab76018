import type { Role } from '@/domain';
import { mayOpen } from '@/features/common';
import { useT } from '@/i18n';
import { onLinkClick } from '@/ui/navigation';
import { WORKSPACES } from './router';
import { WORKSPACE_PURPOSE } from './workspacePurpose';

/** The workspaces this role may open, each with what it is for (settings stay in the navigation). */
export function HomeScreen({ role }: { role: Role }) {
  const t = useT();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="workspace-cards">
        {WORKSPACES.filter(
          (workspace) => workspace.name !== 'settings' && mayOpen({ name: workspace.name }, role),
        ).map((workspace) => (
          <li key={workspace.name}>
            <a href={workspace.path} className="workspace-card" onClick={onLinkClick}>
              <span className="workspace-card__title">{t(workspace.label)}</span>
              <span className="workspace-card__body">{t(WORKSPACE_PURPOSE[workspace.name])}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

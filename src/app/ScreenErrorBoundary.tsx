import { Component, type ReactNode } from 'react';
import { IntegrityError } from '@/lib/crypto/errors';
import { errorName, logger } from '@/lib/logger';
import { useT } from '@/i18n';
import { Notice } from '@/ui/Notice';

type Props = { children: ReactNode };
type State = { failure?: 'integrity' | 'unexpected' };

/**
 * A screen that fails to render shows why, in the user's language, instead of a blank page; the
 * rest of the app (navigation, status bar, sync) keeps working. Stored data that fails its
 * integrity check is named as such: it was changed or damaged, it is not shown as garbage. The
 * log says where (table and record id), never what.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { failure: error instanceof IntegrityError ? 'integrity' : 'unexpected' };
  }

  override componentDidCatch(error: unknown): void {
    logger.error('screen.failed', {
      error: errorName(error),
      ...(error instanceof IntegrityError ? { where: error.where } : {}),
    });
  }

  override render(): ReactNode {
    return this.state.failure ? <ScreenFailure failure={this.state.failure} /> : this.props.children;
  }
}

function ScreenFailure({ failure }: { failure: 'integrity' | 'unexpected' }) {
  const t = useT();
  return (
    <Notice
      tone="danger"
      role="alert"
      title={failure === 'integrity' ? t('error.integrity.title') : t('error.unexpected.title')}
    >
      <p>{failure === 'integrity' ? t('error.integrity.body') : t('error.unexpected.body')}</p>
    </Notice>
  );
}

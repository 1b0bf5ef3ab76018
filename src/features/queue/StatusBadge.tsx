import type { QueueStatus } from '@/domain';
import { useT, type MessageKey } from '@/i18n';

export const STATUS_LABEL: Record<QueueStatus, MessageKey> = {
  waiting: 'queue.status.waiting',
  called: 'queue.status.called',
  skipped: 'queue.status.skipped',
  serving: 'queue.status.serving',
  done: 'queue.status.done',
  no_show: 'queue.status.no_show',
  cancelled: 'queue.status.cancelled',
};

export function StatusBadge({ status }: { status: QueueStatus }) {
  const t = useT();
  return <span className={`badge badge--${status}`}>{t(STATUS_LABEL[status])}</span>;
}

import type { ReactNode } from 'react';

type NoticeProps = {
  tone: 'info' | 'warning' | 'danger' | 'success';
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** `alert` interrupts screen readers; use it only for what needs attention now. */
  role?: 'status' | 'alert';
};

/** A banner that explains a state of the app, optionally with actions. */
export function Notice({ tone, title, children, actions, role = 'status' }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={role}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children ? <div className="notice__body">{children}</div> : null}
      {actions ? <div className="notice__actions">{actions}</div> : null}
    </div>
  );
}

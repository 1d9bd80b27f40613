// A whole-page message (connecting, refused, not found…): large, centred, never a blank window.
import type { ReactNode } from 'react';

interface StatusPageProps {
  icon?: ReactNode;
  title: string;
  tone?: 'info' | 'warning' | 'error';
  children?: ReactNode;
}

export function StatusPage({ icon, title, tone = 'info', children }: StatusPageProps): ReactNode {
  return (
    <main className={`status-page status-page--${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <h1 className="status-page__title">
        {icon}
        <span>{title}</span>
      </h1>
      {children && <div className="status-page__body">{children}</div>}
    </main>
  );
}

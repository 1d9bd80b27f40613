// Last line of defence: an error no tile caught still leaves a readable page with a way to reload.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { StatusPage } from '../ui/StatusPage';
import { WarningIcon } from '../ui/icons';
import { i18n } from './i18n';

export class PageBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[ioc-wall] page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <StatusPage tone="error" icon={<WarningIcon />} title={i18n.t('error.pageCrashed')}>
        <pre>{this.state.error.message}</pre>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {i18n.t('error.reload')}
        </button>
      </StatusPage>
    );
  }
}

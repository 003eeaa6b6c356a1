import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from '../i18n';

// Shows a friendly message instead of a blank page when a component throws while rendering.
// Plain markup (no antd) so it still works if the failure is in a provider.

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Shopdesk UI error', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <div role="alert" data-testid="error-boundary" style={{ maxWidth: 560, margin: '12vh auto', padding: 24, textAlign: 'center', fontFamily: 'inherit' }}>
        <div style={{ fontSize: 20, fontWeight: 600, marginBottom: 12 }}>{t('errorBoundary.title')}</div>
        <div style={{ color: 'rgba(0,0,0,0.65)', marginBottom: 20, lineHeight: 1.7 }}>{t('errorBoundary.body')}</div>
        <div style={{ display: 'flex', gap: 12, justifyContent: 'center', marginBottom: 20 }}>
          <button type="button" onClick={() => this.setState({ error: null })} style={buttonStyle}>
            {t('errorBoundary.tryAgain')}
          </button>
          <button type="button" onClick={() => window.location.reload()} style={{ ...buttonStyle, background: '#1677ff', color: '#fff', borderColor: '#1677ff' }}>
            {t('errorBoundary.reload')}
          </button>
        </div>
        <details style={{ textAlign: 'left', color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
          <summary>{t('errorBoundary.details')}</summary>
          <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{String(error.stack || error.message)}</pre>
        </details>
      </div>
    );
  }
}

const buttonStyle = {
  padding: '6px 16px',
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  background: '#fff',
  cursor: 'pointer',
  fontSize: 14,
} as const;

/*
 * A print view: the document to print, shown over the app as paper (A4, portrait or
 * landscape) with a toolbar (打印 / 关闭). While it is open it alone is printed (print.css),
 * with its title, page numbers and the print date in the page footer (pageStyle.ts).
 * Esc closes it.
 *
 * data-testid: print-view (the overlay; data-orientation), print-go (打印), print-close (关闭)
 *
 * Usage:
 *   {open && (
 *     <PrintView title="2026年11月排班表" orientation="landscape" onClose={() => setOpen(false)}>
 *       <PrintHeader title="2026年11月排班表" meta={['小米粒母婴旗舰店']} />
 *       <table>…</table>
 *     </PrintView>
 *   )}
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Button } from 'antd';
import { CloseOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { pageCSS, printStamp, setPageStyle, type Orientation } from './pageStyle';

interface PrintViewProps {
  /** The footer's title on every page, and the toolbar's. */
  title: string;
  orientation?: Orientation;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

export function PrintView({ title, orientation = 'portrait', onClose, children, testId = 'print-view' }: PrintViewProps) {
  const { t } = useTranslation();
  const stamp = useMemo(() => printStamp(new Date()), []);

  useEffect(() => {
    document.body.classList.add('sd-print-open');
    const remove = setPageStyle(
      'sd-print-view-page',
      pageCSS({ title, orientation, printed: t('print.printedAt', { time: stamp }), pageLabel: t('print.pageLabel') }),
    );
    return () => {
      document.body.classList.remove('sd-print-open');
      remove();
    };
  }, [title, orientation, stamp, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return createPortal(
    <div className="sd-print-overlay" data-testid={testId} data-orientation={orientation} role="dialog" aria-label={title}>
      <div className="sd-print-toolbar">
        <span className="sd-print-toolbar-title">
          {title} · {t(orientation === 'landscape' ? 'print.landscape' : 'print.portrait')}
        </span>
        <Button type="primary" icon={<PrinterOutlined />} data-testid="print-go" autoFocus onClick={() => window.print()}>
          {t('print.print')}
        </Button>
        <Button icon={<CloseOutlined />} data-testid="print-close" onClick={onClose}>
          {t('print.close')}
        </Button>
      </div>
      <div className={`sd-print-sheet${orientation === 'landscape' ? ' sd-landscape' : ''}`}>
        <div className="sd-print-doc">{children}</div>
      </div>
    </div>,
    document.body,
  );
}

/** The heading of a printed document: its title, and what it is of (shop, period) with the print date. */
export function PrintHeader({ title, meta }: { title: string; meta: string[] }) {
  const { t } = useTranslation();
  const stamp = useMemo(() => printStamp(new Date()), []);
  return (
    <div className="sd-print-header">
      <h1>{title}</h1>
      <div className="sd-print-meta">
        {meta.filter(Boolean).map((m) => (
          <div key={m}>{m}</div>
        ))}
        <div>{t('print.printedAt', { time: stamp })}</div>
      </div>
    </div>
  );
}

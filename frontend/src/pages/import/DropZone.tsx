import { useRef, useState, type DragEvent } from 'react';
import { theme, Typography } from 'antd';
import { InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isBrowser } from '../../api/mode';

export const ACCEPT = '.csv,.xlsx,.xls';

interface Props {
  busy: boolean;
  /** Browser mode: File objects from the input or a drop. */
  onFiles: (files: File[]) => void;
  /** Desktop mode: open the native dialog. */
  onPick: () => void;
}

/**
 * Looks like antd's Upload.Dragger. Browser: click opens the hidden <input type=file>, drops
 * hand over File objects. Desktop: click opens the native dialog (paths); drops are caught
 * window-wide by the Wails runtime, so this zone only highlights.
 */
export function DropZone({ busy, onFiles, onPick }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const browser = isBrowser();

  const open = () => {
    if (busy) return;
    if (browser) input.current?.click();
    else onPick();
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setOver(false);
    if (!browser) return; // the Wails runtime delivers the paths
    e.preventDefault();
    e.stopPropagation();
    if (busy) return;
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 0) onFiles(files);
  };

  return (
    <>
      <div
        data-testid="import-dropzone"
        data-busy={busy ? 'true' : 'false'}
        role="button"
        tabIndex={0}
        aria-disabled={busy}
        className="sd-dropzone"
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open();
          }
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (!over) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{
          border: `1px dashed ${over ? token.colorPrimary : token.colorBorder}`,
          background: over ? token.colorPrimaryBg : token.colorFillAlter,
          borderRadius: token.borderRadiusLG,
          padding: '28px 16px',
          textAlign: 'center',
          opacity: busy ? 0.6 : 1,
          cursor: busy ? 'not-allowed' : 'pointer',
        }}
      >
        <div style={{ fontSize: 48, lineHeight: 1, color: token.colorPrimary, marginBottom: 12 }}>
          {busy ? <LoadingOutlined /> : <InboxOutlined />}
        </div>
        <div style={{ fontSize: 16, color: token.colorText, marginBottom: 6 }}>{busy ? t('import.zone.busy') : t('import.zone.title')}</div>
        <Typography.Text type="secondary">{t('import.zone.hint')}</Typography.Text>
      </div>
      <input
        ref={input}
        data-testid="import-file-input"
        type="file"
        multiple
        accept={ACCEPT}
        style={{ display: 'none' }}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

/*
 * One cell of the entry grid: a plain input with a type-ahead list under it, driven by the
 * keyboard as in Excel. Enter and Tab commit (taking the highlighted suggestion, if any)
 * and move on; Shift+Tab / Shift+Enter move back; ↑↓ walk the suggestions; Esc closes them.
 * The list is drawn in a portal (fixed position) so that the grid's horizontal scroll does
 * not cut it off.
 *
 * data-testid: grid-<cell> the input; grid-suggestion each suggestion (data-value).
 */
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { theme } from 'antd';
import type { Cell } from './logic';

export interface GridCellProps {
  cell: Cell;
  value: string;
  onChange: (v: string) => void;
  /** The suggestions for the text typed (sync or async). */
  source?: (text: string) => string[] | Promise<string[]>;
  /** List cells: the first suggestion is highlighted as soon as something is typed. */
  autoPick?: boolean;
  renderItem?: (item: string) => ReactNode;
  /** Enter / Tab: move by dir, with the suggestion taken (undefined: the text as typed). */
  onCommit: (dir: 1 | -1, picked?: string) => void;
  onSaveRow: () => void;
  onPasteBlock?: (text: string) => boolean;
  onFocusCell?: () => void;
  inputRef: (el: HTMLInputElement | null) => void;
  width: number;
  placeholder?: string;
  error?: boolean;
}

export function GridCell(p: GridCellProps) {
  const { token } = theme.useToken();
  const [focused, setFocused] = useState(false);
  const [items, setItems] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const [box, setBox] = useState<DOMRect | null>(null);
  const el = useRef<HTMLInputElement | null>(null);
  const seq = useRef(0);
  const { source, autoPick, value } = p;

  // Suggestions follow the text while the cell has focus.
  useEffect(() => {
    if (!focused || !source) {
      setItems([]);
      return;
    }
    const n = ++seq.current;
    void Promise.resolve(source(value)).then((list) => {
      if (n !== seq.current) return;
      setItems(list);
      const exact = list.indexOf(value);
      setActive(exact >= 0 ? exact : autoPick && value.trim() && list.length ? 0 : -1);
      if (el.current) setBox(el.current.getBoundingClientRect());
    });
  }, [focused, source, value, autoPick]);

  const open = focused && items.length > 0;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // an IME is composing Chinese: its Enter is not ours
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      p.onSaveRow();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const picked = open && active >= 0 ? items[active] : undefined;
      p.onCommit(e.shiftKey ? -1 : 1, picked);
    } else if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, items.length - 1));
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, -1));
    } else if (e.key === 'Escape') {
      setItems([]);
      setActive(-1);
    }
  };

  const inputStyle: CSSProperties = {
    width: p.width,
    height: 30,
    border: 'none',
    outline: 'none',
    padding: '0 6px',
    background: p.error ? token.colorErrorBg : focused ? token.colorPrimaryBg : 'transparent',
    boxShadow: focused ? `inset 0 0 0 2px ${token.colorPrimary}` : undefined,
    font: 'inherit',
    fontSize: 13,
    color: token.colorText,
  };

  return (
    <>
      <input
        ref={(x) => {
          el.current = x;
          p.inputRef(x);
        }}
        data-testid={`grid-${p.cell}`}
        className="sd-grid-input"
        style={inputStyle}
        value={value}
        placeholder={p.placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => p.onChange(e.target.value)}
        onFocus={(e) => {
          setFocused(true);
          e.target.select();
          e.target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          p.onFocusCell?.();
        }}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text/plain');
          if (p.onPasteBlock?.(text)) e.preventDefault();
        }}
      />
      {open &&
        box &&
        createPortal(
          <div
            data-testid="grid-suggestions"
            style={{
              position: 'fixed',
              top: box.bottom + 2,
              left: box.left,
              minWidth: Math.max(box.width, 160),
              maxWidth: 420,
              maxHeight: 280,
              overflowY: 'auto',
              zIndex: 1100,
              background: token.colorBgElevated,
              boxShadow: token.boxShadowSecondary,
              borderRadius: token.borderRadius,
              padding: 4,
              fontSize: 13,
            }}
          >
            {items.map((it, i) => (
              <div
                key={it}
                data-testid="grid-suggestion"
                data-value={it}
                onMouseDown={(e) => {
                  e.preventDefault(); // keep the focus in the cell
                  p.onCommit(1, it);
                }}
                onMouseEnter={() => setActive(i)}
                style={{
                  padding: '4px 8px',
                  borderRadius: token.borderRadiusSM,
                  cursor: 'pointer',
                  background: i === active ? token.controlItemBgActive : undefined,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {p.renderItem ? p.renderItem(it) : it}
              </div>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}

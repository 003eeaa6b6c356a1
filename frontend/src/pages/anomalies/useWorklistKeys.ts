// The worklist's keyboard (J/K, Enter, Space, P, R, I, Esc) works as soon as the page is
// open: it listens on the document, not on a list that had to be reached with Tab first
// (and that scrolled the filters away when it took the focus). It leaves alone keys typed
// into a field, keys with Ctrl/Alt/Cmd, and keys while a dialog, drawer, dropdown or print
// view is open.
import { useEffect, useRef } from 'react';

/** The worklist's keys and what they do (lower case; the arrows as well as J/K). */
export const WORKLIST_KEYS: Record<string, 'down' | 'up' | 'open' | 'toggle' | 'clear' | 'in_progress' | 'resolved' | 'ignored'> = {
  j: 'down',
  arrowdown: 'down',
  k: 'up',
  arrowup: 'up',
  enter: 'open',
  o: 'open',
  ' ': 'toggle',
  x: 'toggle',
  escape: 'clear',
  p: 'in_progress',
  r: 'resolved',
  i: 'ignored',
};
export type WorklistAction = (typeof WORKLIST_KEYS)[string];

/** Whether a key pressed on target belongs to the page (not to a field or a control). */
export function forWorklist(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented'>, target: Element | null): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
  if (!target) return true;
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"], .ant-select, .ant-picker, .ant-pagination')) return false;
  const input = target.closest('input');
  if (input && !['checkbox', 'radio'].includes(input.type)) return false;
  // Enter and Space on a button, link or checkbox press it, as they always do.
  if ((e.key === 'Enter' || e.key === ' ') && target.closest('button, a, input, [role="button"]')) return false;
  return true;
}

/** Something over the page takes the keys: a dialog, a drawer, an open dropdown, a print view. */
function overlayOpen(): boolean {
  const shown = (sel: string) =>
    [...document.querySelectorAll<HTMLElement>(sel)].some((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
  return shown('.ant-modal-wrap, .ant-drawer-open, .ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-dropdown:not(.ant-dropdown-hidden), .sd-print-overlay');
}

/** Calls onAction for the worklist's keys while enabled; the handler said whether it acted. */
export function useWorklistKeys(enabled: boolean, onAction: (a: WorklistAction) => boolean) {
  const handler = useRef(onAction);
  handler.current = onAction;
  // The sidebar item clicked to come here keeps the focus, and the menu would take Enter
  // and the arrows: the page has them from the start.
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('.ant-menu')) active.blur();
  }, []);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const action = WORKLIST_KEYS[e.key.toLowerCase()];
      if (!action || !forWorklist(e, e.target instanceof Element ? e.target : null) || overlayOpen()) return;
      if (handler.current(action)) e.preventDefault(); // Space would scroll the page
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

// Which shell runs the UI. `shopdesk serve` injects a shim that sets
// window.shopdesk = { browser: true } before the bundle loads; the Wails window does not.

declare global {
  interface Window {
    shopdesk?: { browser?: boolean };
  }
}

export function isBrowser(): boolean {
  return typeof window !== 'undefined' && window.shopdesk?.browser === true;
}

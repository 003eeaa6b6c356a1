import type { app } from '../../wailsjs/go/models';

/**
 * A file the Go side made (an Excel export): in the window it was saved by a native dialog
 * (path, "" when canceled); in the browser it answers a URL, which this downloads.
 */
export function download(f: app.SavedFile): app.SavedFile {
  if (f?.url) {
    const a = document.createElement('a');
    a.href = f.url;
    a.download = f.name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  return f;
}

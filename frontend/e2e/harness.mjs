// Shared helpers of the end-to-end tests: one `shopdesk serve` on a fresh temp database and
// one headless Debian chromium per test, with console errors and failed requests collected
// and turned into a test failure.
//
// Run: cd frontend && SHOPDESK_BIN=/work/main/build/bin/shopdesk-cli node --test e2e/
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const EXPORTS = path.join(REPO, 'testdata', 'exports');
export const TAOBAO_CSV = path.join(EXPORTS, 'ExportOrderList202611211800.csv');
export const CUSTOMERS_CSV = path.join(EXPORTS, '客户名单.csv');
export const SHOT_DIR = path.join(REPO, 'build', 'bin', 'e2e');

/** Default wait of every expect-style poll. */
export const WAIT = 15_000;

function binary() {
  const bin = process.env.SHOPDESK_BIN;
  if (!bin) {
    throw new Error(
      'SHOPDESK_BIN is not set: build the CLI (make cli) and run\n' +
        '  cd frontend && SHOPDESK_BIN=/work/main/build/bin/shopdesk-cli node --test e2e/',
    );
  }
  return path.resolve(bin);
}

/**
 * The line `shopdesk serve` prints: "店务台 serving on http://127.0.0.1:PORT/?token=HEX (database …)".
 * The token is this run's secret: opening the URL with it sets a cookie every later request
 * carries (pages, /api/call, /api/events, uploads, downloads); without it the server answers 401.
 */
export const SERVING_LINE = /serving on (http:\/\/127\.0\.0\.1:\d+\/)\?token=([0-9a-f]+)/;

/**
 * Starts `$SHOPDESK_BIN --db <fresh temp db> [--demo] serve --addr 127.0.0.1:0` and resolves
 * once it has printed its "serving on" line with { url, base, token, db, stop }: url is the
 * printed address with the token (open it first, or append '#/route' to it: the server sets
 * the cookie and redirects to base), base the bare http://127.0.0.1:PORT/.
 */
export async function startServer({ demo = false, env = {} } = {}) {
  const bin = binary();
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-'));
  const db = path.join(dir, 'shopdesk.db');
  const args = ['--db', db, ...(demo ? ['--demo'] : []), 'serve', '--addr', '127.0.0.1:0'];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: dir, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));

  const { url, base, token } = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${bin} printed no "serving on" line within ${WAIT} ms`)), WAIT);
    function fail(err) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
    }
    child.on('error', fail);
    child.on('exit', (code, sig) => fail(new Error(`${bin} exited early (code ${code}, signal ${sig})`)));
    child.stdout.setEncoding('utf8').on('data', (s) => {
      stdout += s;
      const m = stdout.match(SERVING_LINE);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ url: `${m[1]}?token=${m[2]}`, base: m[1], token: m[2] });
      }
    });
  });

  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT'); // main.go shuts down gracefully on os.Interrupt
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, base, token, db, stop, stderr: () => stderr };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * One server + one browser page for a test. Returns helpers; call `close()` in a finally
 * (it also asserts that no console error or failed request was seen).
 */
export async function openApp(t, { demo = false, env = {}, timezoneId } = {}) {
  // env: extra environment of the server (TZ: the PC's zone); timezoneId: the browser's.
  const server = await startServer({ demo, env });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    await server.stop();
    throw err;
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', ...(timezoneId ? { timezoneId } : {}) });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();

  const problems = [];
  let closing = false;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url || ''})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // The shim's EventSource on /api/events is a request that never finishes: when the page
    // goes away (close, reload) chromium reports it as net::ERR_ABORTED. That is not a fault.
    if (closing || (r.url().endsWith('/api/events') && why.includes('ERR_ABORTED'))) return;
    problems.push(`request failed: ${r.method()} ${r.url()} ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });

  mkdirSync(SHOT_DIR, { recursive: true });
  const shot = async (name) => {
    const file = path.join(SHOT_DIR, `${name}.png`);
    // animations: 'disabled' ends CSS transitions (antd fades buttons and tags) so a
    // screenshot shows the final state, not a frame of a fade.
    await page.screenshot({ path: file, animations: 'disabled' });
    t.diagnostic(`screenshot ${path.relative(REPO, file)}`);
    return file;
  };

  const shutdown = async () => {
    closing = true;
    try {
      await browser.close();
    } finally {
      await server.stop();
    }
  };

  try {
    await page.goto(server.url + '#/orders');
  } catch (err) {
    await shutdown();
    throw err;
  }
  // The first visit traded the token for a cookie and landed on the bare address: tests get
  // that address, so that goto(url + '#/route') changes the route in the page (as the seller's
  // clicks do) instead of loading the page again and cutting its calls short. tokenUrl is the
  // printed address, for a browser context without the cookie.
  return { page, url: server.base, tokenUrl: server.url, base: server.base, token: server.token, context, shot, shutdown, problems, serverStderr: server.stderr };
}

/**
 * Runs body(app) with a fresh server, database and browser, then shuts them down. Fails the
 * test on the body's own error (with a FAILED-<name>.png screenshot and any console errors
 * added to its message) or, if the body passed, on any console error or failed request.
 */
export async function withApp(t, opts, body) {
  const app = await openApp(t, opts);
  let error;
  try {
    await body(app);
  } catch (err) {
    error = err;
    try {
      await app.shot(`FAILED-${t.name.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 60)}`);
    } catch {
      // the page may be gone
    }
  }
  await app.shutdown();
  const problems = app.problems.join('\n');
  if (error) {
    if (problems && error instanceof Error) error.message += `\n(console errors / failed requests seen too:\n${problems})`;
    throw error;
  }
  assert.equal(problems, '', `console errors / failed requests:\n${problems}\nserver stderr:\n${app.serverStderr()}`);
}

/**
 * Calls a bound service method from the page, as the UI's bindings do (POST /api/call with a
 * JSON body and the page's token cookie): resolves with the result, rejects with the
 * server's Chinese error. For a test's setup or checks that have no button; `page` must
 * have opened the app (openApp/withApp did).
 */
export async function callService(page, name, ...args) {
  const body = await page.evaluate(
    async ([n, a]) => {
      const r = await fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: n, args: a }) });
      return r.json();
    },
    [name, args],
  );
  if (body.error) throw new Error(`${name}: ${body.error}`);
  return body.result;
}

/** Polls fn until it returns a truthy value (or stops throwing); fails after timeout. */
export async function until(fn, what, timeout = WAIT) {
  const end = Date.now() + timeout;
  let last;
  let lastErr;
  for (let delay = 50; ; delay = Math.min(delay * 2, 250)) {
    try {
      last = await fn();
      lastErr = undefined;
      if (last) return last;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value ${JSON.stringify(last)}${lastErr ? `; last error ${lastErr.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/** "共 30 条 · 第 1 / 1 页" / "30 orders · ..." → 30 */
export async function totalOf(page) {
  const text = (await byTestId(page, 'orders-total').textContent()) ?? '';
  const m = text.match(/(\d+)/);
  return m ? Number(m[1]) : NaN;
}

/** Order numbers of the visible rows, as shown. */
export function orderNumbers(page) {
  return page.locator('[data-testid="order-row"] [data-testid="order-no"]').allTextContents();
}

/**
 * Runs action (a click that makes the orders page load a page) and waits until the table
 * shows exactly the rows of the app.OrderService.List answer it caused. This does not rely on
 * spinners (antd shows them a tick after loading starts) and checks that the UI shows what
 * the server sent. Resolves with the answer ({ rows, total, nextCursor }).
 */
export async function listedBy(page, action) {
  const response = page.waitForResponse(
    (r) => r.url().endsWith('/api/call') && (r.request().postData() ?? '').includes('"app.OrderService.List"'),
  );
  await action();
  const body = await (await response).json();
  const result = body.result;
  assert.ok(result && Array.isArray(result.rows), `OrderService.List answered ${JSON.stringify(body).slice(0, 300)}`);
  for (const o of result.rows) assert.equal(typeof o.orderNo, 'string', `orderNo travels as a string: ${o.orderNo}`);
  const want = JSON.stringify(result.rows.map((o) => o.orderNo));
  let shown = [];
  await until(async () => JSON.stringify((shown = await orderNumbers(page))) === want, `the table to show the ${result.rows.length} listed orders (shows ${shown.length})`);
  // 下一页 is disabled while loading and on the last page: enabled again iff there is a next page
  await until(async () => (await byTestId(page, 'orders-next').isDisabled()) === !result.nextCursor, 'the pager to leave loading');
  return result;
}

/**
 * Opens an antd Select by its data-testid and picks the option with this label, once the
 * dropdown has finished opening: a click during its opening animation can miss on a busy
 * machine, so a pick that did not take is tried again (up to three times).
 */
export async function pickOption(page, testId, label) {
  const select = byTestId(page, testId);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ visible: true });
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) await select.click();
    await open.first().waitFor({ timeout: WAIT });
    await settled(open.first());
    await open.first().locator('.ant-select-item-option', { hasText: label }).first().click();
    try {
      await until(async () => (await select.textContent())?.includes(label), `${testId} to show ${label}`, 3_000);
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  // let the dropdown's closing animation end so it does not cover the next screenshot
  await until(async () => (await page.locator('.ant-select-dropdown').filter({ visible: true }).count()) === 0, 'the dropdown to close');
}

/** Waits until a locator's box stops moving (drawers and modals slide in). */
export async function settled(locator) {
  let prev = '';
  await until(async () => {
    const box = JSON.stringify(await locator.boundingBox());
    const same = box !== 'null' && box === prev;
    prev = box;
    return same;
  }, 'an animation to settle');
}

/**
 * Uploads files through the hidden file input and waits for the preview (every import is
 * previewed first); returns the preview rows.
 */
export async function previewUpload(page, files) {
  const run = byTestId(page, 'import-run');
  // A previous run's panel may still say done/preview: wait for this upload's preview.
  await page.evaluate(() => document.querySelector('[data-testid="import-run"]')?.setAttribute('data-phase', 'stale'));
  await byTestId(page, 'import-file-input').setInputFiles(files);
  await until(async () => (await run.getAttribute('data-phase')) === 'preview', 'the preview');
  return byTestId(page, 'import-preview-row');
}

/** Presses 确认导入 and waits for the import to finish; returns the result rows. */
export async function confirmImport(page) {
  await byTestId(page, 'import-confirm').click();
  await until(async () => (await byTestId(page, 'import-run').getAttribute('data-phase')) === 'done', 'the import to finish');
  return byTestId(page, 'import-result-row');
}

/** A zip of stored (uncompressed) entries: [name, Buffer|string] pairs. */
function zipStored(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A minimal xlsx of the given sheets ({ name, rows: string[][] }), every cell an inline
 * string, written to file: what some ERPs and back offices write.
 */
export function writeXLSX(file, sheets) {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const esc = (v) => String(v).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const col = (i) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
  const sheetXML = (rows) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>` +
    rows
      .map((r, ri) => `<row r="${ri + 1}">` + r.map((v, ci) => (v === '' ? '' : `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('') + '</row>')
      .join('') +
    '</sheetData></worksheet>';
  const rel = (i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
  writeFileSync(
    file,
    zipStored([
      ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'],
      ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
      [
        'xl/workbook.xml',
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
          sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          '</sheets></workbook>',
      ],
      ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => rel(i)).join('')}</Relationships>`],
      ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXML(s.rows)]),
    ]),
  );
  return file;
}

// One writer at a time (issue 15 §3): a settings save made while a big import writes waits
// for it instead of failing with "database is locked", and the app says what it waits for
// ("等待另一个导入完成：正在导入“…”"); then both are done, the import whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, callService, TAOBAO_CSV } from './harness.mjs';

/** The sample Taobao report with n orders: its first order again and again under new
 *  numbers (ASCII edits keep its GBK bytes). */
function bigTaobao(dir, n) {
  const lines = readFileSync(TAOBAO_CSV).toString('latin1').split('\n');
  const [header, first] = [lines[0], lines[1]];
  const out = [header];
  for (let i = 0; i < n; i++) out.push(first.replace(/^="\d+"/, `="3${String(i).padStart(18, '0')}"`));
  const file = path.join(dir, 'ExportOrderList202611230800.csv');
  writeFileSync(file, Buffer.from(out.join('\n') + '\n', 'latin1'));
  return file;
}

test('a settings save during an import waits for it and says so', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-writers-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const big = bigTaobao(dir, 150_000);
  await withApp(t, {}, async ({ page, url, shot }) => {
    await page.goto(url + '#/import');
    await byTestId(page, 'import-page').waitFor();
    // The preview (a dry run of 150,000 rows) takes a while on a busy machine.
    await byTestId(page, 'import-file-input').setInputFiles([big]);
    await until(async () => (await byTestId(page, 'import-run').getAttribute('data-phase')) === 'preview', 'the preview', 180_000);
    await byTestId(page, 'import-confirm').click();
    // The import is inside its transaction once its row counts rows.
    await until(async () => /已读取 [1-9]/.test(await byTestId(page, 'import-progress-row').first().innerText()), 'the import writing', 60_000);

    // Meanwhile, 设置: change a threshold and save.
    await byTestId(page, 'nav-settings').click();
    const ship = byTestId(page, 'setting-ship_hours');
    const shipInput = (await ship.evaluate((e) => e.tagName)) === 'INPUT' ? ship : ship.locator('input');
    await shipInput.fill('72');
    await byTestId(page, 'settings-save').click();
    const notice = byTestId(page, 'write-waiting');
    await notice.waitFor();
    assert.match(await notice.innerText(), /^等待另一个导入完成：正在导入“ExportOrderList202611230800\.csv”，\d\d:\d\d:\d\d 开始$/);
    await shot('95-save-waits-for-import');

    // The save goes through once the import is done; the notice goes away.
    await until(async () => (await notice.count()) === 0, 'the notice to close', 120_000);
    await page.getByText('已保存，订单异常已按新设置重新检查').first().waitFor();
    const saved = await callService(page, 'app.SettingsService.List');
    assert.equal(saved.find((x) => x.key === 'ship_hours').value, 72);

    // The import, whole.
    await byTestId(page, 'nav-import').click();
    const history = byTestId(page, 'import-history-table').locator('tbody tr.ant-table-row');
    await until(async () => (await history.count()) === 1, 'the import in the history', 60_000);
    assert.match(await history.first().innerText(), /ExportOrderList202611230800\.csv/);
    assert.match(await history.first().innerText(), /150000|150,000/);
  });
});

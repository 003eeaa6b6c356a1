// 9. The locked-down browser mode (issue 15 §1, §5): the printed address carries this
//    run's token, which becomes an HttpOnly cookie and leaves the address bar; without it
//    the server answers a Chinese refusal; 设置 has the privacy card (buyers hidden in
//    exports, on by default; the upload size limit), a file over the limit is refused with
//    a message before it is sent, and the anomaly export hides buyers unless turned off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, previewUpload, callService, SHOT_DIR } from './harness.mjs';

test('serve: the token opens the app and stays out of reach; without it a Chinese refusal', async (t) => {
  await withApp(t, {}, async ({ page, context, base, tokenUrl: url, problems }) => {
    await byTestId(page, 'page-title').waitFor();
    assert.ok(!page.url().includes('token='), `the token left the address bar: ${page.url()}`);
    assert.equal(await page.evaluate(() => document.cookie), '', 'the token cookie is HttpOnly: scripts cannot read it');
    const cookies = await context.cookies();
    const token = cookies.find((c) => c.name.startsWith('shopdesk_token_'));
    assert.ok(token && token.httpOnly && token.sameSite === 'Strict', `token cookie ${JSON.stringify(cookies)}`);
    assert.ok(url.startsWith(base) && url.includes('?token='));
    const info = await callService(page, 'app.SystemService.Info');
    assert.equal(info.mode, 'browser', 'the page itself calls the services');
    // a path on the PC instead of an upload's handle: refused (HTTP 403, which chromium logs)
    await assert.rejects(callService(page, 'app.ImportService.PreviewFiles', ['/etc/passwd'], 0), /只能导入从页面上传的文件/);
    await until(() => problems.some((p) => p.includes('403')), 'chromium to log the refusal');
    for (let i = problems.length - 1; i >= 0; i--) if (/403.*\/api\/call/.test(problems[i])) problems.splice(i, 1);

    // Another browser (no cookie) opening the bare address gets a refusal, in Chinese.
    const other = await context.browser().newContext({ locale: 'zh-CN' });
    try {
      const p = await other.newPage();
      const resp = await p.goto(base);
      assert.equal(resp.status(), 401);
      assert.match(await p.locator('body').innerText(), /需要访问令牌：请用 shopdesk serve 打印的完整地址/);
      await p.screenshot({ path: path.join(SHOT_DIR, '90-serve-no-token.png') });
      t.diagnostic('screenshot build/bin/e2e/90-serve-no-token.png');
      const call = await p.evaluate(async () => {
        const r = await fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"app.OrderService.List","args":[{}]}' });
        return { status: r.status, body: await r.text() };
      });
      assert.equal(call.status, 401, `a call without the token: ${JSON.stringify(call)}`);
    } finally {
      await other.close();
    }
  });
});

test('serve: 设置 holds the privacy card; a file over the upload limit is refused with a message', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withApp(t, {}, async ({ page, shot, url }) => {
    await page.goto(url + '#/settings');
    const card = byTestId(page, 'settings-privacy');
    await card.waitFor();
    assert.equal(await byTestId(page, 'setting-export_mask_buyers').getAttribute('aria-checked'), 'true', 'buyers hidden by default');
    const field = byTestId(page, 'setting-upload_max_mb');
    const limit = (await field.evaluate((e) => e.tagName)) === 'INPUT' ? field : field.locator('input');
    assert.equal(await limit.inputValue(), '200');
    await card.scrollIntoViewIfNeeded();
    await shot('91-settings-privacy');

    await limit.fill('1');
    await byTestId(page, 'settings-privacy-save').click();
    await page.locator('.ant-message').filter({ hasText: '已保存' }).waitFor();

    const big = path.join(dir, 'ExportOrderList202611221800.csv');
    writeFileSync(big, '订单编号,买家会员名\n' + 'x'.repeat(2 * 1024 * 1024));
    await page.goto(url + '#/import');
    await byTestId(page, 'import-file-input').setInputFiles([big]);
    const error = byTestId(page, 'import-run-error');
    await error.waitFor();
    assert.match(await error.innerText(), /“ExportOrderList202611221800\.csv”（2\.0 MB）超过了上传大小上限 1 MB/);
    await shot('92-upload-too-big');

    // the limit raised again, the same page imports a file of the right size
    await page.goto(url + '#/settings');
    await limit.fill('200');
    await byTestId(page, 'settings-privacy-save').click();
    await page.locator('.ant-message').filter({ hasText: '已保存' }).waitFor();
    await page.goto(url + '#/import');
    const small = path.join(dir, 'small.csv');
    writeFileSync(small, '订单编号,买家会员名\n1,张三\n');
    await previewUpload(page, [small]);
  });
});

/** Column K (买家) of the anomaly export's first sheet, read with the system's unzip. */
function buyerColumn(file) {
  const read = (entry) => {
    try {
      return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
  const out = [];
  for (const m of read('xl/worksheets/sheet1.xml').matchAll(/<c r="K(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    if (m[1] === '1') continue; // the header
    const body = m[3] ?? '';
    out.push(/t="s"/.test(m[2]) ? shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] : body.replace(/<[^>]+>/g, ''));
  }
  return out;
}

test('serve: the anomaly export hides buyers unless 设置 says otherwise', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-mask-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withApp(t, { demo: true }, async ({ page, url }) => {
    const exportBuyers = async (name) => {
      await page.goto(url + '#/anomalies');
      await until(async () => !(await byTestId(page, 'anomalies-export').isDisabled()), 'anomalies to export');
      const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'anomalies-export').click()]);
      const file = path.join(dir, name);
      await download.saveAs(file);
      return buyerColumn(file).filter((b) => b);
    };
    const hidden = await exportBuyers('hidden.xlsx');
    assert.ok(hidden.length > 0, 'the demo anomalies name buyers');
    for (const b of hidden) assert.match(b, /^.\*\*$|^\*$/, `buyer ${b} in an export with buyers hidden`);

    await page.goto(url + '#/settings');
    await byTestId(page, 'setting-export_mask_buyers').click();
    await page.locator('.ant-message').filter({ hasText: '导出时会包含买家的完整信息' }).waitFor();
    const shown = await exportBuyers('shown.xlsx');
    assert.equal(shown.length, hidden.length);
    assert.ok(shown.some((b) => !b.endsWith('**')), `buyers whole once turned off: ${shown.join(', ')}`);
    for (let i = 0; i < shown.length; i++) assert.equal([...shown[i]][0], [...hidden[i]][0], 'the same rows, first characters kept');
  });
});

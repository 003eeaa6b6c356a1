// 今日清单 end to end (issue 12): the app opens on the checklist of the demo shops; a
// recurring item is added and ticked by a named person (kept with who and when, still there
// after a reload); the print view goes to PDF and PNG on one A4 portrait page; the file
// `shopdesk checklist --html` writes prints on one A4 page too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHOT_DIR, byTestId, callService, pickOption, settled, until, withApp } from './harness.mjs';

/** Prints the page to a PDF and a PNG of its first page; returns pdfinfo's text. */
async function printToPNG(page, t, name) {
  const pdf = path.join(SHOT_DIR, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SHOT_DIR, name)]);
  t.diagnostic(`print ${path.relative(process.cwd(), pdf)} -> ${name}.png`);
  return execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
}

/** One A4 portrait page (595 x 842 pt, give or take a point). */
function assertOneA4(info, what) {
  assert.match(info, /^Pages:\s+1$/m, `${what}: one page\n${info}`);
  const m = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  assert.ok(m && Math.abs(Number(m[1]) - 595) < 2 && Math.abs(Number(m[2]) - 842) < 2, `${what}: A4 portrait\n${info}`);
}

test('the home is the checklist: tick an item, print it on one A4 page', async (t) => {
  await withApp(t, { demo: true }, async ({ page, url, shot }) => {
    await page.goto(url + '#/');
    await byTestId(page, 'checklist-page').waitFor();
    assert.equal((await byTestId(page, 'page-title').textContent())?.trim(), '今日清单');
    await until(async () => (await page.locator('[data-testid^="cl-item-"]').count()) > 0 || (await byTestId(page, 'cl-empty').count()) > 0, 'the list');

    // A recurring item, added through its dialog: it is due every day, so it is on today's list.
    await byTestId(page, 'cl-tasks-open').click();
    await settled(page.locator('.ant-modal').filter({ visible: true }).first());
    await byTestId(page, 'cl-task-title').fill('看直通车花费');
    await byTestId(page, 'cl-task-add').click();
    await page.locator('[data-testid^="cl-task-row-"]', { hasText: '看直通车花费' }).waitFor();
    await page.locator('.ant-modal-close').filter({ visible: true }).click();
    const row = page.locator('[data-testid^="cl-item-task."]', { hasText: '看直通车花费' });
    await row.waitFor();
    const key = (await row.getAttribute('data-testid')).replace('cl-item-', '');

    // Ticked by 小王: who and when are kept.
    await pickOption(page, 'cl-actor', '小王');
    await byTestId(page, `cl-tick-${key}`).click();
    await until(async () => (await row.getAttribute('data-state')) === 'done', 'the item to be done');
    await until(async () => (await byTestId(page, `cl-status-${key}`).textContent())?.includes('小王'), 'who ticked it');
    await page.reload();
    await byTestId(page, 'checklist-page').waitFor();
    await until(async () => (await byTestId(page, `cl-item-${key}`).getAttribute('data-state')) === 'done', 'the tick kept');

    // A count opens the list behind it (the first line with one).
    const counts = page.locator('[data-testid^="cl-count-"]');
    const withCounts = await counts.count();
    t.diagnostic(`${withCounts} lines with a count`);

    for (const [w, h] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300); // charts resize on the next frame
      await shot(`checklist-home-${w}x${h}`);
    }

    await byTestId(page, 'cl-print').click();
    await byTestId(page, 'checklist-print').waitFor();
    await page.locator(`[data-testid="clp-item-${key}"]`).waitFor();
    assert.match(await byTestId(page, 'checklist-print').textContent(), /小王/);
    const info = await printToPNG(page, t, 'checklist-print');
    assertOneA4(info, 'the print view');
    await byTestId(page, 'print-close').click();

    if (withCounts > 0) {
      const first = counts.first();
      const id = (await first.getAttribute('data-testid')).replace('cl-count-', '');
      await first.click();
      const target = id.startsWith('anomaly.') ? 'anomalies-page' : id.startsWith('stock.') ? 'stock-page' : id.startsWith('orders.') ? 'orders-page' : id.startsWith('staff.') ? 'staff-page' : 'inquiry-page';
      await byTestId(page, target).waitFor();
    }
  });
});

test('店铺数据: the demo shop month, its chart, a typed figure kept', async (t) => {
  await withApp(t, { demo: true }, async ({ page, url, shot }) => {
    await page.goto(url + '#/metrics');
    await byTestId(page, 'metrics-page').waitFor();
    await byTestId(page, 'metrics-chart').waitFor();
    // antd puts the cell's data-testid on its <input>.
    const cell = page.locator('input[data-testid^="metrics-cell-"][data-testid$="-visitors"]').first();
    await cell.waitFor();
    const id = await cell.getAttribute('data-testid');
    await cell.fill('1234');
    await cell.press('Enter');
    const day = id.replace('metrics-cell-', '').replace('-visitors', '');
    await until(async () => {
      const days = await callService(page, 'app.MetricsService.Range', day, day);
      return days.some((s) => s.days[0].visitors === 1234);
    }, 'the typed visitors kept');
    for (const [w, h] of [
      [1366, 768],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await shot(`metrics-${w}x${h}`);
    }
  });
});

test('the print file of shopdesk checklist --html fits one A4 page', async (t) => {
  await withApp(t, { demo: true }, async ({ page, context, url }) => {
    await page.goto(url + '#/');
    await byTestId(page, 'checklist-page').waitFor();
    const bin = path.resolve(process.env.SHOPDESK_BIN);
    const file = path.join(SHOT_DIR, 'checklist-cli.html');
    // The server's database is busy with the app; the file is made from a demo of its own.
    const dir = path.dirname(file);
    const dbPath = path.join(dir, 'checklist-cli.db');
    execFileSync('rm', ['-f', dbPath, dbPath + '-wal', dbPath + '-shm']);
    execFileSync(bin, ['--db', dbPath, 'demo'], { encoding: 'utf8' });
    execFileSync(bin, ['--db', dbPath, 'checklist', '--html', file], { encoding: 'utf8' });
    const other = await context.newPage();
    await other.setContent(readFileSync(file, 'utf8'));
    const pdf = path.join(SHOT_DIR, 'checklist-cli.pdf');
    await other.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SHOT_DIR, 'checklist-cli')]);
    assertOneA4(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), 'the --html file');
    await other.close();
  });
});

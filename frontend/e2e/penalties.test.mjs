// Chat statistics (客服考核, 千牛 客服数据 CSV: one row per agent per day, 旺旺 sub-account names,
// '-' placeholders, a 合计 line) dropped on the import page: the preview names the layout and
// what importing would deduct, the import's penalties show in the month's 客服考核 list and
// on the payslip, and undo from the import history takes them back. At 1366x768 and 1920x1080.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withApp, until, byTestId, previewUpload, confirmImport, callService } from './harness.mjs';

/** This month, shop-local (Asia/Shanghai): the pages open on it. */
function thisMonth() {
  const now = new Date(Date.now() + 8 * 3600_000);
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
]) {
  test(`chat statistics at ${width}x${height}: previewed, imported, on the payslip, undone`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shopdesk-e2e-penalties-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const m = thisMonth();
    const file = path.join(dir, '客服数据.csv');
    writeFileSync(
      file,
      '\ufeff日期,旺旺,咨询人数,未及时回复数,30分钟未回复,2小时未回复,离开时长超2小时\n' +
        `${m}-01,暖暖家居:小李,35,2,-,0,\n` +
        `${m}-01,小新,41,0,1,-,1\n` +
        `合计,,76,2,1,0,1\n`,
    );
    await withApp(t, {}, async ({ page, shot }) => {
      await page.setViewportSize({ width, height });
      const levels = await callService(page, 'app.StaffService.Levels');
      for (const [name, accounts] of [
        ['小李', ['暖暖家居:小李']],
        ['小新', []],
      ])
        await callService(page, 'app.StaffService.Save', { id: 0, name, role: 'cs_presale', active: true, levelId: levels[0].id, accounts }, '');
      await byTestId(page, 'nav-import').click();

      const rows = await previewUpload(page, [file]);
      await until(async () => (await rows.count()) === 1, 'the preview row');
      const preview = await rows.first().innerText();
      assert.match(preview, /客服考核统计（千牛 客服数据）/);
      assert.match(preview, /客服考核：将新增 3 条（2 分钟未回复 2 次，30 分钟未回复 1 次，挂机离开 2 小时以上 1 次）/);
      await shot(`97-penalties-preview-${width}`);

      const done = await confirmImport(page);
      const result = await done.first().innerText();
      assert.match(result, /客服考核（行）：新增 2/);
      await shot(`97-penalties-imported-${width}`);

      // The payroll: the month's 客服考核 list has the file's three penalties.
      await byTestId(page, 'nav-staff').click();
      await byTestId(page, 'staff-tab-payroll').click();
      const tab = byTestId(page, 'payroll-tab');
      await until(async () => /小新/.test(await tab.innerText()), 'the payroll');
      await byTestId(page, 'payroll-incidents').click();
      const modal = byTestId(page, 'incidents-modal');
      await until(async () => (await byTestId(page, 'incident-row').count()) === 3, 'three penalties listed');
      assert.match(await modal.innerText(), /小李/);
      await shot(`97-penalties-list-${width}`);
      await page.keyboard.press('Escape');

      // Undo from the import history: the penalties are gone.
      await byTestId(page, 'nav-import').click();
      const history = byTestId(page, 'import-history-table');
      await until(async () => /客服数据/.test(await history.innerText()), 'the history');
      await history.locator('[data-testid^="import-undo-"]').first().click();
      await byTestId(page, 'import-undo-confirm').click();
      await until(async () => !/客服数据/.test(await history.innerText()), 'the import undone');
      const list = await callService(page, 'app.StaffService.Incidents', m);
      assert.equal(list.length, 0, 'no penalties after the undo');
    });
  });
}

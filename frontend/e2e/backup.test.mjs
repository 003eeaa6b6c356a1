// 设置 → 备份 (issue 15 §4): the day's automatic backup is listed, 立即备份 adds one, a
// restore asks first, then the app shows the data of the backup (a shop made after it is
// gone) and lists the data it replaced as a "恢复前" backup, which restores it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { withApp, until, byTestId, callService, settled, WAIT } from './harness.mjs';

const rows = (page) => byTestId(page, 'backup-row');
const kinds = (page) => rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-kind')));

async function openBackups(page) {
  await page.goto(page.url().replace(/#.*$/, '') + '#/settings');
  const card = byTestId(page, 'settings-backup');
  await card.waitFor();
  await card.scrollIntoViewIfNeeded();
  return card;
}

async function shopNames(page) {
  return (await callService(page, 'app.ShopService.List')).map((s) => s.name);
}

test('backups: back up now, see it listed, restore with confirmation', async (t) => {
  await withApp(t, { demo: true }, async ({ page, shot }) => {
    const card = await openBackups(page);
    // The demo database has shops: the app made the day's backup when it started.
    await until(async () => (await kinds(page)).includes('daily'), 'the daily backup listed');
    const folder = (await byTestId(page, 'backup-folder').innerText()).trim();
    assert.match(folder, /backups$/);
    // The browser cannot choose a folder of the PC: the card says where to change it.
    assert.equal(await byTestId(page, 'backup-folder-change').count(), 0);
    assert.match(await card.innerText(), /桌面窗口里更改/);

    // 立即备份: a manual backup on top of the list, a private file in the folder.
    await byTestId(page, 'backup-now').click();
    await until(async () => (await kinds(page))[0] === 'manual', 'the manual backup first in the list');
    const manual = rows(page).first();
    const name = await manual.getAttribute('data-name');
    assert.match(name, /^shopdesk-\d{8}-\d{6}-manual\.db$/);
    const mode = statSync(`${folder}/${name}`).mode & 0o777;
    assert.equal(mode, 0o600, `backup file mode ${mode.toString(8)}`);
    assert.match(await manual.innerText(), /手动/);
    await settled(card);
    await shot('90-backups-listed');

    // A change after the backup: a new shop.
    await callService(page, 'app.ShopService.Create', 'pdd', '备份之后开的店');
    assert.ok((await shopNames(page)).includes('备份之后开的店'));

    // Restore asks first, and says what happens to the current data.
    await manual.locator('[data-testid="backup-restore"]').click();
    const dialog = page.locator('.ant-modal').filter({ visible: true }).last();
    await dialog.waitFor();
    await settled(dialog);
    assert.match(await dialog.innerText(), /恢复到 .* 的数据？/);
    assert.match(await dialog.innerText(), /另存为一份“恢复前”的备份/);
    await shot('91-backup-restore-confirm');
    let reloaded = page.waitForEvent('load', { timeout: WAIT });
    await byTestId(page, 'backup-restore-confirm').click();

    // The page reloads with the restored data.
    await reloaded;
    assert.ok(!(await shopNames(page)).includes('备份之后开的店'), 'the shop made after the backup is gone');
    await openBackups(page);
    await until(async () => (await kinds(page))[0] === 'restore', 'the data before the restore listed as 恢复前');
    assert.match(await rows(page).first().innerText(), /恢复前/);
    await settled(byTestId(page, 'settings-backup'));
    await shot('92-backup-restored');

    // The data before the restore restores in turn: the shop is back.
    await rows(page).first().locator('[data-testid="backup-restore"]').click();
    reloaded = page.waitForEvent('load', { timeout: WAIT });
    await byTestId(page, 'backup-restore-confirm').click();
    await reloaded;
    assert.ok((await shopNames(page)).includes('备份之后开的店'), 'the shop is back after restoring 恢复前');
  });
});

// Live deadline alerts in the desk's header, against the real motcuad on its test clock
// (see playwright.config.ts): with the officer signed in, the clock moves past one
// dossier's appointment and another's apology-due moment, and the badge and the list
// change without a reload, pushed by the server's event stream (which the session
// cookie opens; the page would fall back to polling every 10 seconds, and the test
// asserts it did not). Then the apology, from the dossier the alert
// opens, with the letter (Mẫu 04) opening to print. The clock only moves forward: the
// tests after this one run at the later time.

import { expect, test, type Page } from '@playwright/test';
import { fetchDossier, receive, setClock, signIn, unique, vietnamTime, watchForErrors } from './support';

const SHOTS = 'screenshots';

const toggle = (page: Page) => page.locator('header.topbar .alerts-toggle');
const items = (page: Page) => page.locator('#alerts-list li.alert-item');
const shownCount = async (page: Page) => Number(await page.locator('header.topbar .alerts').getAttribute('data-count'));

/** The same Vietnam wall time on the next working day (Monday to Friday; December 2026 has no holiday). */
function nextWorkingDay(instant: Date): Date {
  let d = new Date(instant.getTime() + 24 * 3600_000);
  const weekday = (x: Date) => new Date(x.getTime() + 7 * 3600_000).getUTCDay(); // Vietnam is UTC+7
  while (weekday(d) === 0 || weekday(d) === 6) d = new Date(d.getTime() + 24 * 3600_000);
  return d;
}

test('the header counts open alerts and lists them live, most urgent first; the apology prints Mẫu 04', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  // Two dossiers one working day apart: the first falls due at the moment the second's
  // apology is due (one working day before its appointment), so one small move of the
  // clock raises both while the officer is signed in. (A web session lasts 30 minutes
  // idle, 10 hours at most, on the server's clock: the big moves come before signing in.)
  const earlier = await receive(request, unique('Võ Thị Quá Hạn'));
  await setClock(request, nextWorkingDay(new Date(earlier.received_at)));
  const mine = await receive(request, unique('Võ Thị Cảnh Báo'));
  const dueFirst = new Date(earlier.appointment_at);
  expect(new Date(mine.appointment_at).getTime(), 'one working day apart').toBe(nextWorkingDay(dueFirst).getTime());
  await setClock(request, new Date(dueFirst.getTime() - 5 * 60_000));

  await signIn(page);
  await expect(page.locator('header.topbar .alerts')).toHaveAttribute('data-count', /^\d+$/);
  const before = await shownCount(page);
  const ours = items(page).filter({ hasText: mine.code });
  const theirs = items(page).filter({ hasText: earlier.code });
  await toggle(page).click();
  await expect(theirs).toHaveAttribute('data-kind', 'ALERT_KIND_APOLOGY_DUE'); // raised before signing in
  await expect(ours).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page)).toBeFocused();
  await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));

  // A minute past: the first is overdue, the second's apology is due; the page learns it by itself.
  await setClock(request, new Date(dueFirst.getTime() + 60_000));
  await expect(async () => expect(await shownCount(page)).toBeGreaterThanOrEqual(before + 2)).toPass({ timeout: 30_000 });
  await expect(toggle(page)).toHaveClass(/has-overdue/);
  await expect(page.locator('header.topbar .alerts')).toHaveAttribute('data-source', 'stream');
  await expect(toggle(page)).toHaveAccessibleName(/^Cảnh báo: \d+ đang mở, \d+ quá hạn$/);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(ours).toHaveCount(1);
  await expect(ours).toHaveAttribute('data-kind', 'ALERT_KIND_APOLOGY_DUE');
  await expect(ours).toContainText('Cần xin lỗi, hẹn lại');
  await expect(ours).toContainText(`Hẹn trả: ${vietnamTime(mine.appointment_at)}`);
  await expect(theirs.first()).toHaveAttribute('data-kind', 'ALERT_KIND_OVERDUE');
  await expect(theirs.first()).toContainText(`Hạn trả: ${vietnamTime(earlier.appointment_at)}`);
  // Overdue before apology-due.
  const kinds = await items(page).evaluateAll((li) => li.map((x) => x.getAttribute('data-kind')));
  expect(kinds.indexOf('ALERT_KIND_APOLOGY_DUE')).toBeGreaterThan(kinds.lastIndexOf('ALERT_KIND_OVERDUE'));
  await page.screenshot({ path: `${SHOTS}/alerts-open.png` });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // The alert opens its dossier; the apology is made there, and Mẫu 04 opens to print.
  await ours.getByRole('button').click();
  await expect(page.locator('#alerts-list')).toBeHidden();
  await expect(page.locator('section.detail')).toHaveAttribute('data-code', mine.code);
  await page.getByRole('button', { name: 'Xin lỗi, hẹn lại', exact: true }).click();
  await page.getByLabel('Lý do chậm trễ').fill('Chờ xác minh thông tin hộ tịch tại nơi cư trú trước đây');
  await page.getByLabel('Ngày hẹn trả mới').fill('12/13/2026 16:00'); // month and day swapped: refused by the page
  await page.getByRole('button', { name: 'Xác nhận xin lỗi, hẹn lại' }).click();
  await expect(page.locator('#action-error')).toHaveText('Nhập ngày giờ hẹn trả mới theo dạng dd/mm/yyyy HH:mm, ví dụ 15/12/2026 16:00.');
  const typed = vietnamTime(new Date(new Date(mine.appointment_at).getTime() + 3 * 24 * 3600_000).toISOString());
  await page.getByLabel('Ngày hẹn trả mới').fill(typed);
  await page.screenshot({ path: `${SHOTS}/apology-form.png` });
  const letterTab = context.waitForEvent('page');
  const sent = page.waitForRequest((r) => new URL(r.url()).pathname === '/v1/commands/apologize');
  await page.getByRole('button', { name: 'Xác nhận xin lỗi, hẹn lại' }).click();
  const body = (await sent).postDataJSON() as { new_appointment_at: string };
  expect(vietnamTime(body.new_appointment_at)).toBe(typed);
  const letter = await letterTab;
  await letter.waitForLoadState();
  expect(new URL(letter.url()).pathname).toBe(`/v1/dossiers/${encodeURIComponent(mine.code)}/apology`);
  await expect(letter.locator('body')).toContainText(mine.code);
  await letter.close();
  await expect(page.locator('.done-notice')).toContainText(`Đã xin lỗi và hẹn lại ngày trả: ${typed}.`);
  await expect(page.locator('section.detail .fact[data-field="appointment"]')).toContainText(`Hẹn lại (thư xin lỗi): ${typed}`);
  await expect(page.getByRole('button', { name: 'Xin lỗi, hẹn lại', exact: true })).toHaveCount(0); // once per dossier
  await expect(page.locator('section.detail .fact[data-field="letters"]').getByRole('button', { name: 'In thư xin lỗi, hẹn lại (Mẫu 04)' })).toBeVisible();
  expect((await fetchDossier(request, mine.code)).history.some((e) => 'apology_issued' in e)).toBe(true);
  expect(problems).toEqual([]);
});

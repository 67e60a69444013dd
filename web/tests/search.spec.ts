// Finding work, against the real motcuad (see playwright.config.ts): the specialist's
// "Hồ sơ của tôi" (what falls due first, the working time left in words, a state badge
// in words); the search any officer has (diacritics-free name, phone digits) with its
// filters and paging; the intake form's appointment shown before confirming, equal to
// the one the receipt prints. Every dossier carries an applicant name no other test or
// run uses.

import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';
import {
  RECEPTION_TOKEN, SPECIALIST_PASSWORD, SPECIALIST_TOKEN, SPECIALIST_USER,
  bearer, command, handOverToSpecialist, receive, signIn, unique, vietnamTime, watchForErrors,
} from './support';

const SHOTS = 'screenshots';

interface SummaryJson {
  code: string;
  applicant_name?: string;
  urgency?: string;
  working_seconds_left?: string;
  deadline_at?: string;
}

/** The page's words for a working time (a working day is 8 hours), written out again here. */
function span(seconds: number): string {
  const s = Math.abs(seconds);
  const [d, h, m] = [Math.floor(s / 28800), Math.floor((s % 28800) / 3600), Math.floor((s % 3600) / 60)];
  const parts = [d > 0 && `${d} ngày`, h > 0 && `${h} giờ`, d === 0 && m > 0 && `${m} phút`].filter(Boolean);
  return parts.length === 0 ? 'dưới 1 phút' : parts.join(' ');
}

async function listed(request: APIRequestContext, token: string, query: string): Promise<SummaryJson[]> {
  const reply = await request.get(`/v1/dossiers?${query}`, { headers: bearer(token) });
  expect(reply.status(), await reply.text()).toBe(200);
  return ((await reply.json()) as { dossiers?: SummaryJson[] }).dossiers ?? [];
}

function isList(check: (p: URLSearchParams) => boolean) {
  return (r: Response) => new URL(r.url()).pathname === '/v1/dossiers' && check(new URL(r.url()).searchParams);
}

const rows = (page: Page) => page.locator('table.dossier-table tbody tr');

test("the specialist's own queue: what falls due first, with the working time left in words", async ({ page, request }) => {
  const problems = watchForErrors(page);
  const working = await receive(request, unique('Nguyễn Thị Đang Làm'));
  await handOverToSpecialist(request, working.code);
  const paused = await receive(request, unique('Phạm Văn Chờ Giấy'));
  await handOverToSpecialist(request, paused.code);
  await command(request, SPECIALIST_TOKEN, 'request-supplement', { dossier_code: paused.code, reason: 'Thiếu tờ khai', documents: ['Tờ khai'] });

  const mineReply = page.waitForResponse(isList((p) => p.get('holder') === SPECIALIST_USER && p.get('limit') !== '100'));
  await signIn(page, SPECIALIST_USER, SPECIALIST_PASSWORD);
  const asked = new URL((await mineReply).url()).searchParams;
  expect((await mineReply).status()).toBe(200);
  expect(asked.get('open'), 'one’s work is what still runs').toBe('1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ của tôi');
  await expect(page.locator('nav.queue-tabs .queue-tab[aria-current="page"]')).toContainText('Hồ sơ của tôi');

  // Exactly the server's rows, in its order (the office's deadline, soonest first), every
  // one still running: the finished ones are not one's work any more.
  const running = await listed(request, SPECIALIST_TOKEN, `holder=${SPECIALIST_USER}&open=1&limit=50`);
  expect(running.every((d) => d.urgency !== undefined)).toBe(true);
  await expect(rows(page).and(page.locator('[data-code]'))).toHaveCount(running.length);
  expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(running.map((d) => d.code));
  const server = running;
  await expect(page.locator('nav.queue-tabs .queue-tab[aria-current="page"] .queue-count')).toHaveText(running.length === 0 ? '' : String(running.length));
  const deadlines = running.map((d) => Date.parse(d.deadline_at ?? ''));
  expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);

  // Each row's badge says its state in words, with a mark; the time left in working days and hours.
  const one = server.find((d) => d.code === working.code);
  expect(one?.urgency).toBe('URGENCY_ON_TRACK');
  const left = Number(one?.working_seconds_left);
  expect(left).toBeGreaterThan(0);
  const row = rows(page).filter({ hasText: working.code });
  await expect(row.locator('.urgency')).toHaveText('✓Đúng hạn');
  await expect(row.locator('.time-left')).toHaveText(`còn ${span(left)} làm việc`);
  await expect(row.locator('.time-left')).toHaveText(/^còn (\d+ ngày)?( ?\d+ giờ)?( ?\d+ phút)? làm việc$/);

  const waiting = server.find((d) => d.code === paused.code);
  expect(waiting?.urgency).toBe('URGENCY_PAUSED');
  const pausedRow = rows(page).filter({ hasText: paused.code });
  await expect(pausedRow.locator('.urgency')).toHaveText('‖Tạm dừng chờ bổ sung');
  await expect(pausedRow.locator('.time-left')).toHaveText(`còn ${span(Number(waiting?.working_seconds_left))} làm việc khi tính tiếp`);
  // Not by colour alone: every badge has words.
  for (const badge of await rows(page).locator('.urgency').all()) {
    await expect(badge).toHaveText(/(Đúng hạn|Sắp đến hạn|Quá hạn|Tạm dừng chờ (bổ sung|nộp phí))$/);
  }
  // Anything the server counts as overdue reads "quá hạn … làm việc".
  for (const d of server.filter((x) => x.urgency === 'URGENCY_OVERDUE')) {
    await expect(rows(page).filter({ hasText: d.code }).locator('.time-left')).toHaveText(`quá hạn ${span(Number(d.working_seconds_left))} làm việc`);
  }
  await page.screenshot({ path: `${SHOTS}/my-queue.png` });
  expect(problems).toEqual([]);
});

test('search by a name without diacritics or by phone digits, filters, and paging', async ({ page, request }) => {
  test.setTimeout(90_000); // 51 dossiers received through the API first
  const problems = watchForErrors(page);
  const tag = unique('').trim();
  const name = `Đặng Thị Ánh Tuyết ${tag}`;
  const phone = `09${String(Date.now()).slice(-8)}`;
  const found = await receive(request, name, { phone });
  const handed = await receive(request, `Đặng Thị Ánh Tuyết ${tag} Hai`);
  await handOverToSpecialist(request, handed.code);
  await signIn(page);

  // Without diacritics, lower case: "dang thi anh tuyet <tag>".
  const box = page.getByLabel('Tìm hồ sơ', { exact: true });
  const folded = `dang thi anh tuyet ${tag.toLowerCase()}`;
  let reply = page.waitForResponse(isList((p) => p.get('q') === folded));
  await box.fill(folded);
  await box.press('Enter');
  expect((await reply).status()).toBe(200);
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: found.code })).toContainText(name);
  await expect(page.locator('.list-summary')).toHaveText(/^2 hồ sơ khớp tìm kiếm/);
  await page.screenshot({ path: `${SHOTS}/search-name.png` });

  // A filter narrows the search: the holder (the specialist) leaves the handed-over one.
  await page.locator('details.filter-box > summary').click();
  reply = page.waitForResponse(isList((p) => p.get('holder') === SPECIALIST_USER && p.get('q') === folded));
  await page.getByLabel('Người xử lý').selectOption(SPECIALIST_USER);
  expect((await reply).status()).toBe(200);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(handed.code);
  await expect(page.locator('details.filter-box > summary')).toContainText('Bộ lọc (1)');
  // A due date typed the Vietnamese way; a wrong one is the page's own refusal.
  await page.getByLabel('Hạn trả đến hết ngày').fill('31/02/2026');
  await page.getByLabel('Hạn trả đến hết ngày').press('Enter');
  await expect(page.locator('section.dossiers .form-error')).toHaveText('Ngày trong “Hạn trả đến hết ngày” phải theo dạng dd/mm/yyyy, ví dụ 09/12/2026.');
  const dueDay = vietnamTime(handed.appointment_at).slice(0, 10);
  reply = page.waitForResponse(isList((p) => p.get('due_before') !== null));
  await page.getByLabel('Hạn trả đến hết ngày').fill(dueDay);
  await page.getByLabel('Hạn trả đến hết ngày').press('Enter');
  const [d, m, y] = dueDay.split('/').map(Number) as [number, number, number];
  expect(new URL((await reply).url()).searchParams.get('due_before')).toBe(`${new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)}T00:00`);
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(box).toBeFocused();
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');

  // By phone: the digits.
  reply = page.waitForResponse(isList((p) => p.get('q') === phone.slice(2)));
  await box.fill(phone.slice(2));
  await box.press('Enter');
  expect((await reply).status()).toBe(200);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(found.code);

  // Paging: 51 more under one word; 50 a page, the server saying more follow.
  const word = `Trang${tag}`;
  for (let i = 0; i < 51; i++) await receive(request, `Lê Văn ${word} ${i}`);
  reply = page.waitForResponse(isList((p) => p.get('q') === word.toLowerCase() && p.get('offset') === null));
  await box.fill(word.toLowerCase());
  await box.press('Enter');
  const first = (await (await reply).json()) as { dossiers: SummaryJson[]; truncated?: boolean };
  expect(first.dossiers).toHaveLength(50);
  expect(first.truncated).toBe(true);
  await expect(rows(page)).toHaveCount(50);
  await expect(page.locator('.list-summary')).toHaveText(/^Hồ sơ 1–50 khớp tìm kiếm \(trang 1\)/);
  await expect(page.getByRole('button', { name: '← Trang trước' })).toBeDisabled();
  reply = page.waitForResponse(isList((p) => p.get('offset') === '50'));
  await page.getByRole('button', { name: 'Trang sau →' }).click();
  const second = (await (await reply).json()) as { dossiers: SummaryJson[]; truncated?: boolean };
  expect(second.dossiers).toHaveLength(1);
  expect(second.truncated ?? false).toBe(false);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('.pager .page-number')).toHaveText('Trang 2');
  await expect(page.getByRole('button', { name: 'Trang sau →' })).toBeDisabled();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const all = new Set([...first.dossiers, ...second.dossiers].map((x) => x.code));
  expect(all.size).toBe(51); // no row twice, none missed
  await page.getByRole('button', { name: '← Trang trước' }).click();
  await expect(rows(page)).toHaveCount(50);
  expect(problems).toEqual([]);
});

test('the intake form shows the appointment before confirming, and the receipt prints the same', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  const applicant = unique('Hồ Thị Xem Trước Ngày Hẹn');
  await signIn(page);
  await page.locator('header.topbar').getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  const picker = page.getByRole('combobox', { name: 'Tìm thủ tục theo mã hoặc tên' });
  const preview = page.locator('[data-field="appointment-preview"]');

  // A first procedure (5 working days), then the one received (3): the preview follows.
  let asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/appointment' && new URL(r.url()).searchParams.get('procedure') === '1.004884');
  await picker.fill('1.004884');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const five = (await (await asked).json()) as { appointment_at: string };
  await expect(preview).toHaveAttribute('data-at', five.appointment_at);
  await expect(preview).toContainText(`Ngày hẹn trả: ${vietnamTime(five.appointment_at).slice(11)} ngày ${vietnamTime(five.appointment_at).slice(0, 10)}`);

  asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/appointment' && new URL(r.url()).searchParams.get('procedure') === '1.004873');
  await picker.fill('xac nhan tinh trang hon nhan');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const three = (await (await asked).json()) as { appointment_at: string };
  expect(Date.parse(three.appointment_at)).toBeLessThan(Date.parse(five.appointment_at));
  await expect(preview).toHaveAttribute('data-at', three.appointment_at);
  const [date, clock] = [vietnamTime(three.appointment_at).slice(0, 10), vietnamTime(three.appointment_at).slice(11)];
  await expect(preview).toContainText(`Ngày hẹn trả: ${clock} ngày ${date}`);
  await page.getByLabel('Họ và tên người nộp').fill(applicant);
  await page.screenshot({ path: `${SHOTS}/intake-preview.png` });

  // Confirmed: the appointment given is the one previewed, on the panel and on the receipt.
  const received = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/commands/receive');
  await page.getByLabel('Họ và tên người nộp').press('Enter');
  const reply = (await (await received).json()) as { dossier: { code: string; appointment_at: string } };
  expect(reply.dossier.appointment_at).toBe(three.appointment_at);
  await expect(page.locator('section.intake-done [data-field="appointment"]')).toHaveText(vietnamTime(three.appointment_at));
  const tab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'In giấy tiếp nhận' }).click();
  const receipt = await tab;
  await receipt.waitForLoadState();
  const [d, m, y] = date.split('/');
  await expect(receipt.locator('body')).toContainText(`${clock}, ngày ${d} tháng ${m} năm ${y}`);
  await receipt.close();
  expect((await listed(request, RECEPTION_TOKEN, `q=${encodeURIComponent(reply.dossier.code)}`)).map((x) => x.code)).toEqual([reply.dossier.code]);
  expect(problems).toEqual([]);
});

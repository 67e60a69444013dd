// The web desk against the real motcuad (see playwright.config.ts: started on a fresh
// database, or MOTCUA_URL). Tests make their own dossiers through the API with the demo
// reception token, each with an applicant name no other test uses, so they hold in any
// order and on a server that already has data.
// MOTCUA_DEMO_USER / MOTCUA_DEMO_PASSWORD name the demo reception officer.
// Each run makes two failed sign-ins (motcuad throttles after 10 a minute).

import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';
import {
  PROCEDURE, RECEPTION_PASSWORD as PASSWORD, RECEPTION_TOKEN, RECEPTION_USER as USER, SPECIALIST_TOKEN,
  bearer, command, isSession, openSignIn, receive, signIn, submitSignIn, unique, vietnamTime, watchForErrors,
  type DossierJson, type SessionReply,
} from './support';

const SHOTS = 'screenshots';
/** The phone and sets every dossier received here carries. */
const AT_COUNTER = { phone: '0912345678', sets: 1 };

interface ListReply {
  dossiers?: { code: string; appointment_at?: string }[];
}

/** The reception officer hands the dossier to the demo justice specialist: "Đang xử lý". */
async function handOver(request: APIRequestContext, code: string): Promise<DossierJson> {
  return command(request, RECEPTION_TOKEN, 'hand-over', {
    dossier_code: code,
    to_unit: 'Tư pháp - Hộ tịch',
    to_user: 'tuphap01',
    electronic: true,
    note: 'Chuyển công chức Tư pháp - Hộ tịch thẩm định',
  });
}

/** GET /v1/officers: user name -> display name. */
async function officersOf(request: APIRequestContext): Promise<Map<string, string>> {
  const reply = await request.get('/v1/officers', { headers: bearer(RECEPTION_TOKEN) });
  expect(reply.status(), await reply.text()).toBe(200);
  const list = ((await reply.json()) as { officers?: { user: string; display_name?: string }[] }).officers ?? [];
  return new Map(list.map((o) => [o.user, o.display_name ?? '']));
}

function isList(r: Response): boolean {
  return new URL(r.url()).pathname === '/v1/dossiers' && r.request().method() === 'GET';
}

test('the sign-in page is in Vietnamese and loads only its own files', async ({ page, baseURL }) => {
  const problems = watchForErrors(page);
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(baseURL ?? '').origin) foreign.push(r.url());
  });
  await openSignIn(page);
  await expect(page).toHaveTitle(/Bộ phận Một cửa/);
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await expect(page.getByLabel('Mật khẩu')).toHaveAttribute('type', 'password');
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/sign-in.png` });
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});

test('the demo officer signs in and sees the dossier list', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  // A long name, as many are: it must wrap inside its column.
  const mine = await receive(request, unique('Công Tôn Nữ Thị Hoàng Phương Thảo Nguyễn Ngọc Bảo Châu'), AT_COUNTER);
  await openSignIn(page);
  const listReply = page.waitForResponse(isList);
  const reply = await submitSignIn(page, USER, PASSWORD);
  expect(reply.status()).toBe(200);
  const session = (await reply.json()) as SessionReply;
  expect(session.user).toBe(USER);
  expect(session.csrf_token).toMatch(/^[0-9a-f]+$/i);

  // The header bar: who is signed in, the unit, the sign-out button.
  const header = page.locator('header.topbar');
  await expect(header).toContainText(session.display_name || session.user);
  if (session.unit) await expect(header).toContainText(session.unit);
  await expect(header.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();

  // The list: its heading, columns, and rows (there is at least ours).
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ' })).toBeVisible();
  await expect(page.getByLabel('Tìm theo mã hồ sơ')).toBeVisible();
  const list = await listReply;
  expect(list.status()).toBe(200);
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  const dossiers = ((await list.json()) as ListReply).dossiers ?? [];
  expect(dossiers.length).toBeGreaterThan(0);
  for (const name of ['Mã hồ sơ', 'Người nộp', 'Thủ tục', 'Trạng thái', 'Ngày hẹn trả', 'Người đang xử lý']) {
    await expect(page.getByRole('columnheader', { name })).toBeVisible();
  }
  const rows = page.locator('table.dossier-table tbody tr');
  await expect(rows).toHaveCount(dossiers.length);
  const first = dossiers[0]!;
  await expect(rows.first()).toContainText(first.code);
  // dd/mm/yyyy HH:mm in Vietnam time, although the browser runs in UTC.
  if (first.appointment_at) await expect(rows.first()).toContainText(vietnamTime(first.appointment_at));
  // Ours, unless a busy server's list is cut before it (sorted by appointment).
  if (dossiers.some((d) => d.code === mine.code)) {
    const row = rows.filter({ hasText: mine.code });
    await expect(row).toContainText(mine.applicant.name);
    await expect(row).toContainText(vietnamTime(mine.appointment_at));
    await expect(row.locator('.badge')).toHaveText('Được tiếp nhận');
  }

  // The session cookie is out of the page's reach and stays on this site.
  const cookies = await context.cookies();
  expect(cookies.length).toBeGreaterThan(0);
  for (const c of cookies) {
    expect(c.httpOnly, `${c.name} HttpOnly`).toBe(true);
    expect(c.sameSite, `${c.name} SameSite`).toBe('Strict');
  }
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await page.screenshot({ path: `${SHOTS}/dossier-list.png`, fullPage: true });

  // A reload keeps the officer signed in (GET /v1/session).
  await page.reload();
  await expect(page.locator('header.topbar')).toContainText(session.display_name || session.user);
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  expect(problems).toEqual([]);
});

test('the status filter asks the server for that status', async ({ page, request }) => {
  const mine = await receive(request, unique('Lê Văn Lọc'), AT_COUNTER);
  await handOver(request, mine.code);
  await signIn(page);
  const filtered = page.waitForResponse((r) => isList(r) && new URL(r.url()).searchParams.get('status') === '4');
  await page.getByRole('group').filter({ hasText: 'Bộ lọc' }).locator('summary').click(); // the filters fold away until wanted
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đang xử lý' });
  const reply = await filtered;
  expect(reply.status()).toBe(200);
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  const dossiers = ((await reply.json()) as ListReply).dossiers ?? [];
  expect(dossiers.length).toBeGreaterThan(0); // ours at least
  const rows = page.locator('table.dossier-table tbody tr');
  await expect(rows).toHaveCount(dossiers.length);
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i).locator('.badge')).toHaveText('Đang xử lý');
});

for (const [what, user] of [
  ['the demo user', USER],
  ['a user name full of markup', `<img src=x onerror="window.__injected=1"><b id="injected">${USER}</b>`],
] as const) {
  test(`a wrong password shows the server's message as text (${what})`, async ({ page }) => {
    const problems = watchForErrors(page);
    await openSignIn(page);
    const reply = await submitSignIn(page, user, `${PASSWORD}-sai`);
    expect(reply.status()).toBe(401);
    const { message } = (await reply.json()) as { message: string };
    expect(message.length).toBeGreaterThan(0);

    const alert = page.locator('#signin-error');
    await expect(alert).toHaveAttribute('role', 'alert');
    const shown = `${message} (mã yêu cầu ${reply.headers()['x-request-id'] ?? ''})`;
    await expect(alert).toHaveText(shown);
    expect(await alert.evaluate((n) => n.textContent)).toBe(shown);
    expect(await alert.evaluate((n) => n.childElementCount)).toBe(0);
    expect(await page.locator('#injected, img:not([src^="/assets/"])').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    // Still on the sign-in page, ready for another try.
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeEnabled();
    if (what === 'the demo user') await page.screenshot({ path: `${SHOTS}/sign-in-wrong-password.png` });
    expect(problems).toEqual([]);
  });
}

test('sign-out returns to the sign-in page and ends the session', async ({ page }) => {
  const session = await signIn(page);
  const reply = page.waitForResponse(isSession('DELETE'));
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  const signedOut = await reply;
  expect(signedOut.request().headers()['x-csrf-token']).toBe(session.csrf_token);
  expect(signedOut.status()).toBe(204);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Đã đăng xuất.');

  // The server forgot the session: a reload stays on sign-in, and the API refuses.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  const after = await page.request.get('/v1/dossiers', { headers: { Accept: 'application/json' } });
  expect(after.status()).toBe(401);
});

function detailTitle(page: Page) {
  return page.locator('section.detail').getByRole('heading', { level: 1 });
}

/** The detail panel's value for one fact (data-field of its row). */
function fact(page: Page, name: string) {
  return page.locator(`section.detail .fact[data-field="${name}"] dd`);
}

async function searchCode(page: Page, code: string): Promise<Response> {
  await page.getByLabel('Tìm theo mã hồ sơ').fill(code);
  const reply = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/v1/dossiers/'));
  await page.getByLabel('Tìm theo mã hồ sơ').press('Enter');
  return reply;
}

test('an officer finds a dossier by its code and sees its detail', async ({ page, request }) => {
  const problems = watchForErrors(page);
  const mine = await receive(request, unique('Trần Thị Tìm'), { ...AT_COUNTER, phone: '0987654321' });
  const session = await signIn(page);
  const me = session.display_name || USER;

  const reply = await searchCode(page, mine.code);
  expect(reply.status()).toBe(200);
  expect(new URL(reply.url()).pathname).toBe(`/v1/dossiers/${encodeURIComponent(mine.code)}`);
  const detail = page.locator('section.detail');
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText(`Hồ sơ ${mine.code}`);
  await expect(detail.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('section.dossiers')).toBeHidden();

  await expect(detail).toHaveAttribute('data-code', mine.code);
  await expect(fact(page, 'applicant')).toContainText(mine.applicant.name);
  await expect(fact(page, 'applicant')).toContainText('0987654321');
  await expect(fact(page, 'procedure')).toContainText(PROCEDURE);
  if (mine.procedure_name) await expect(fact(page, 'procedure')).toContainText(mine.procedure_name);
  await expect(fact(page, 'status')).toContainText('Được tiếp nhận');
  await expect(fact(page, 'received')).toContainText(vietnamTime(mine.received_at));
  // Exactly the appointment the API gave, in Vietnam time (the browser runs in UTC).
  await expect(fact(page, 'appointment').locator('.fact-main')).toHaveText(vietnamTime(mine.appointment_at));
  // The holder by display name, the user name in the tooltip.
  expect(mine.holder_user).toBe(USER);
  await expect(fact(page, 'holder').locator('.officer-ref')).toHaveText(me);

  // The history: the receipt, when, and by whom.
  const events = detail.locator('ol.timeline > li');
  await expect(events).toHaveCount(1);
  const received = events.first();
  await expect(received).toHaveAttribute('data-kind', 'received');
  await expect(received.locator('.event-title')).toHaveText('Tiếp nhận hồ sơ');
  await expect(received.locator('time')).toHaveText(vietnamTime(mine.received_at));
  await expect(received).toContainText(`Hẹn trả: ${vietnamTime(mine.appointment_at)}`);
  await expect(received.locator('.event-actor')).toHaveText(`Người thực hiện: ${me}`);

  // Back to the list, the filter and list as they were.
  await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
  await expect(page.locator('section.detail')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ' })).toBeFocused();
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  expect(problems).toEqual([]);
});

test('clicking a row opens the same detail, officers named as people; Back and reload behave', async ({ page, request }) => {
  const problems = watchForErrors(page);
  // The names the server gives the officers (GET /v1/officers, from the users file).
  const officers = await officersOf(request);
  const specialist = officers.get('tuphap01') ?? '';
  const receptionist = officers.get(USER) ?? '';
  expect(specialist, 'tuphap01 has a display name').not.toBe('');
  expect(specialist).not.toBe('tuphap01');
  const name = unique('Tôn Thất Hoàng Minh Khôi Nguyễn Phước Bảo Long');
  const mine = await receive(request, name, AT_COUNTER);
  await handOver(request, mine.code);
  await command(request, SPECIALIST_TOKEN, 'request-supplement', {
    dossier_code: mine.code,
    reason: 'Thiếu bản sao Căn cước công dân của người yêu cầu',
    documents: ['Bản sao Căn cước công dân'],
  });
  await signIn(page);

  const row = page.locator('table.dossier-table tbody tr', { hasText: name });
  await expect(row).toHaveCount(1);
  // "Người đang xử lý": the specialist by name, the user name only in the tooltip.
  const holder = row.locator('td.col-holder');
  await expect(holder.locator('.officer-ref')).toHaveText(specialist);
  await expect(holder.locator('.officer-ref')).toHaveAttribute('title', 'tuphap01');
  await expect(holder).toContainText('Tư pháp - Hộ tịch');
  await expect(holder).not.toContainText('tuphap01');
  await page.screenshot({ path: `${SHOTS}/list-holder-names.png` });
  const reply = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/v1/dossiers/'));
  await row.locator('td').first().click(); // anywhere on the row
  expect((await reply).status()).toBe(200);
  await expect(detailTitle(page)).toHaveText(`Hồ sơ ${mine.code}`);
  await expect(fact(page, 'applicant')).toContainText(name);
  await expect(fact(page, 'status')).toContainText('Yêu cầu bổ sung');
  await expect(fact(page, 'holder').locator('.officer-ref')).toHaveText(specialist);
  await expect(fact(page, 'holder').locator('.officer-ref')).toHaveAttribute('title', 'tuphap01');
  const kinds = await page.locator('ol.timeline > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
  expect(kinds).toEqual(['received', 'handed_over', 'supplement_requested']);
  // The hand-over record and every actor by name, each with the user name as its tooltip.
  const handed = page.locator('ol.timeline > li').nth(1);
  await expect(handed).toContainText(`Từ: ${receptionist || USER}`);
  await expect(handed).toContainText(`Đến: ${specialist}, Tư pháp - Hộ tịch`);
  await expect(handed.locator('.event-detail .officer-ref[title="tuphap01"]')).toHaveText(specialist);
  await expect(page.locator('ol.timeline > li').nth(0).locator('.event-actor')).toHaveText(`Người thực hiện: ${receptionist || USER}`);
  await expect(page.locator('ol.timeline > li').nth(2).locator('.event-actor .officer-ref')).toHaveAttribute('title', 'tuphap01');
  await expect(page.locator('ol.timeline')).not.toContainText('tuphap01');
  await expect(page.locator('ol.timeline > li').nth(2)).toContainText('Thiếu bản sao Căn cước công dân');
  await page.screenshot({ path: `${SHOTS}/dossier-detail.png`, fullPage: true });

  // A reload reopens the dossier; the browser's Back returns to the list.
  await page.reload();
  await expect(detailTitle(page)).toHaveText(`Hồ sơ ${mine.code}`);
  await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
  await expect(page.locator('section.dossiers')).toBeVisible();
  await row.getByRole('button', { name: `Mở hồ sơ ${mine.code}` }).press('Enter'); // from the keyboard too
  await expect(detailTitle(page)).toHaveText(`Hồ sơ ${mine.code}`);
  await page.goBack();
  await expect(page.locator('section.dossiers')).toBeVisible();
  await expect(page.locator('section.detail')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a refusal is shown beside the search box as text, markup and all", async ({ page }) => {
  const problems = watchForErrors(page);
  await signIn(page);

  // Nothing typed: the page's own words, no request.
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const alert = page.locator('#search-error');
  await expect(alert).toHaveText('Nhập mã hồ sơ cần tìm.');

  const markup = '<img src=x onerror="window.__xss=1">';
  const reply = await searchCode(page, markup);
  expect(reply.status()).toBe(404);
  expect(new URL(reply.url()).pathname).toBe(`/v1/dossiers/${encodeURIComponent(markup)}`);
  const { message } = (await reply.json()) as { message: string };
  expect(message).toContain(markup);

  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toHaveText(`${message} (mã yêu cầu ${reply.headers()['x-request-id'] ?? ''})`);
  expect(await alert.evaluate((n) => n.textContent)).toContain(markup);
  expect(await alert.evaluate((n) => n.childElementCount)).toBe(0);
  expect(await page.locator('img:not([src^="/assets/"])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // Still on the list, the code kept for correcting.
  await expect(page.locator('section.dossiers')).toBeVisible();
  await expect(page.getByLabel('Tìm theo mã hồ sơ')).toHaveValue(markup);
  await page.screenshot({ path: `${SHOTS}/search-refused.png` });
  expect(problems).toEqual([]);
});

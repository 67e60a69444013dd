// The reception officer's intake form ("Tiếp nhận hồ sơ") against the real motcuad
// (see playwright.config.ts). Every dossier made here carries an applicant name no
// other test or run uses, so the checks hold in any order and on a server that
// already has data. No failed sign-ins: motcuad throttles them.

import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import {
  PROCEDURE, RECEPTION_TOKEN, RECEPTION_USER as USER, SPECIALIST_TOKEN,
  bearer, fetchDossier, signIn, unique, vietnamTime, watchForErrors,
} from './support';

const USER_DISPLAY_NAME = process.env['MOTCUA_DEMO_DISPLAY_NAME'] ?? 'Nguyễn Thị Lan';
const SPECIALIST = process.env['MOTCUA_SPECIALIST_USER'] ?? 'tuphap01';
const SPECIALIST_PASSWORD = process.env['MOTCUA_SPECIALIST_PASSWORD'] ?? 'tuphap01-demo';
const PROCEDURE_NAME = 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân';
const CODE = /^000\.00\.07\.H06-\d{6}-\d{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SHOTS = 'screenshots';

/** Every dossier the server lists (at most 1000, the API's limit; the tests make far fewer). */
async function allDossiers(request: APIRequestContext): Promise<{ code: string; applicant_name?: string }[]> {
  const reply = await request.get('/v1/dossiers?limit=1000', { headers: bearer(RECEPTION_TOKEN) });
  expect(reply.status()).toBe(200);
  const list = (await reply.json()) as { dossiers?: { code: string; applicant_name?: string }[]; truncated?: boolean };
  expect(list.truncated ?? false, 'more than 1000 dossiers: use a fresh server').toBe(false);
  return list.dossiers ?? [];
}

async function dossiersOf(request: APIRequestContext, applicant: string): Promise<string[]> {
  return (await allDossiers(request)).filter((d) => d.applicant_name === applicant).map((d) => d.code);
}

const intakeTab = (page: Page) => page.locator('header.topbar').getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true });
const picker = (page: Page) => page.getByRole('combobox', { name: 'Tìm thủ tục theo mã hoặc tên' });
const submitButton = (page: Page) => page.getByRole('button', { name: 'Tiếp nhận', exact: true });
const successPanel = (page: Page) => page.locator('section.intake-done');
const done = (page: Page, field: string) => page.locator(`section.intake-done [data-field="${field}"]`);

/** Opens the form from the header, with the keyboard; the picker has the focus. */
async function openIntake(page: Page): Promise<void> {
  await intakeTab(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' })).toBeVisible();
  await expect(page).toHaveURL(/#tiep-nhan$/);
  await expect(picker(page)).toBeFocused();
}

/**
 * Lets the next receive reach the real server and drops its reply on the way back (a
 * lost connection); returns what tells the dossier the server made, once it has.
 */
async function loseNextReceiveReply(page: Page): Promise<() => { code: string } | null> {
  let made: { code: string } | null = null;
  await page.route('**/v1/commands/receive', async (route) => {
    const response = await route.fetch();
    made = ((await response.json()) as { dossier: { code: string } }).dossier;
    await route.abort('connectionreset');
  }, { times: 1 });
  return () => made;
}

/** Types into the picker and takes the first suggestion with ↓ and Enter. */
async function pickProcedure(page: Page, typed: string): Promise<void> {
  await picker(page).focus();
  await page.keyboard.type(typed);
  const options = page.getByRole('listbox', { name: 'Thủ tục khớp' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(picker(page)).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Thủ tục khớp' })).toBeHidden();
}

function isReceive(r: Request): boolean {
  return new URL(r.url()).pathname === '/v1/commands/receive' && r.method() === 'POST';
}

/** A procedure of GET /v1/catalog, the fields the checklist test reads. */
interface ProcedureJson {
  code: string;
  name: string;
  receivable?: boolean;
  documents?: { name: string; copies?: number; when?: string }[];
  documents_basis?: string;
  documents_assumed?: boolean;
}

async function catalogOf(request: APIRequestContext): Promise<ProcedureJson[]> {
  const reply = await request.get('/v1/catalog', { headers: bearer(RECEPTION_TOKEN) });
  expect(reply.status(), await reply.text()).toBe(200);
  return ((await reply.json()) as { procedures?: ProcedureJson[] }).procedures ?? [];
}

/** "nếu đã từng kết hôn" as the page writes it under the document: "Nếu đã từng kết hôn". */
const sentence = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

test('the reception officer receives a dossier with the keyboard and prints its receipt', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  const applicant = unique('Công Tôn Nữ Thị Hoàng Phương Thảo Nguyễn Ngọc Bảo Châu');
  const session = await signIn(page);
  await openIntake(page);
  await expect(page.locator('#intake-error')).toHaveAttribute('role', 'alert');
  await expect(submitButton(page)).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/intake-empty.png` });

  // 1. The procedure, typed without diacritics, chosen with ↓ and Enter.
  await page.keyboard.type('xac nhan hon nhan');
  const options = page.getByRole('listbox', { name: 'Thủ tục khớp' }).getByRole('option');
  await expect(options.first()).toContainText(PROCEDURE_NAME);
  await expect(options.first()).toContainText(PROCEDURE);
  await page.screenshot({ path: `${SHOTS}/intake-suggestions.png` });
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(picker(page)).toHaveValue(PROCEDURE_NAME);
  await expect(picker(page)).toBeFocused();
  const card = page.locator('.procedure-card');
  await expect(card.locator('[data-field="procedure-name"]')).toHaveText(PROCEDURE_NAME);
  await expect(card.locator('[data-field="procedure-code"]')).toContainText(PROCEDURE);
  await expect(card.locator('[data-field="procedure-duration"]')).toContainText('3 ngày làm việc');
  await expect(card.locator('[data-field="procedure-fee"]')).toHaveText('Danh mục chưa có mức lệ phí');

  // 2. The documents: to the name field (past the catalog's checklist); Enter adds each; Space unticks one.
  const docName = page.getByLabel('Tên giấy tờ');
  await docName.focus();
  // (None the catalog lists for the procedure: those are ticked in its checklist instead.)
  const documents = [
    'Bản sao Căn cước công dân của người yêu cầu',
    'Bản sao Giấy chứng nhận kết hôn đã ly hôn',
    'Giấy tờ không nộp',
  ] as const;
  for (const name of documents) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
    await expect(docName).toBeFocused();
    await expect(docName).toHaveValue('');
  }
  await page.getByRole('checkbox', { name: documents[2], exact: true }).press('Space');
  await expect(page.getByRole('checkbox', { name: documents[2], exact: true })).not.toBeChecked();
  const rows = page.locator('.doc-row[data-source="added"]');
  await rows.nth(0).getByRole('checkbox', { name: 'Đã số hóa' }).press('Space');
  await rows.nth(1).getByLabel('Số bản').fill('2');
  await rows.nth(1).getByRole('checkbox', { name: 'Tái sử dụng dữ liệu' }).press('Space');

  // 3. The applicant.
  await page.getByLabel('Họ và tên người nộp').fill(applicant);
  await page.getByLabel('Số CCCD').fill('001190012345');
  await page.getByLabel('Số điện thoại').fill('0912345678');
  await page.getByLabel('Địa chỉ').fill('Thôn Đông Lỗ, xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang');
  await page.getByLabel('Thư điện tử').fill('chau.nguyen@example.vn');
  await expect(page.getByLabel('Kênh tiếp nhận')).toHaveValue('CHANNEL_COUNTER');
  await page.getByLabel('Số bộ hồ sơ').fill('1');

  // A reload (or a server restart, or a lost session) loses nothing typed.
  const keyBefore = await page.evaluate((u) => JSON.parse(sessionStorage.getItem(`motcua.intake.${u}`) ?? '{}').key as string, USER);
  expect(keyBefore).toMatch(UUID);
  await page.reload();
  await expect(picker(page)).toBeFocused();
  await expect(picker(page)).toHaveValue(PROCEDURE_NAME);
  await expect(card.locator('[data-field="procedure-duration"]')).toContainText('3 ngày làm việc');
  await expect(page.getByLabel('Họ và tên người nộp')).toHaveValue(applicant);
  await expect(page.getByLabel('Thư điện tử')).toHaveValue('chau.nguyen@example.vn');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('checkbox', { name: documents[2], exact: true })).not.toBeChecked();
  await expect(rows.nth(1).getByLabel('Số bản')).toHaveValue('2');
  await page.screenshot({ path: `${SHOTS}/intake-filled.png`, fullPage: true });

  // 4. Enter confirms; the request carries the CSRF token and the form's Idempotency-Key.
  const sent = page.waitForRequest(isReceive);
  const replied = page.waitForResponse((r) => isReceive(r.request()));
  await page.getByLabel('Họ và tên người nộp').press('Enter');
  const headers = (await sent).headers();
  expect(headers['idempotency-key']).toBe(keyBefore);
  expect(headers['x-csrf-token']).toBe(session.csrf_token);
  const reply = await replied;
  expect(reply.status()).toBe(200);

  // 5. The success panel: the code, the appointment (Vietnam time), the lookup secret.
  await expect(successPanel(page)).toBeVisible();
  await expect(page.locator('.intake-form')).toBeHidden();
  const code = (await done(page, 'code').textContent()) ?? '';
  expect(code).toMatch(CODE);
  const shownAppointment = ((await done(page, 'appointment').textContent()) ?? '').trim();
  expect(shownAppointment).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  const { lookup_secret: secret } = (await reply.json()) as { lookup_secret: string };
  expect(secret.length).toBeGreaterThan(0);
  await expect(done(page, 'lookup-secret')).toHaveText(secret);
  await expect(done(page, 'applicant')).toHaveText(applicant);
  await expect(done(page, 'procedure')).toContainText(PROCEDURE_NAME);
  await expect(page.getByRole('button', { name: 'In giấy tiếp nhận' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/intake-received.png` });

  // The server holds exactly that: the applicant, the ticked documents, the appointment shown.
  const { dossier } = await fetchDossier(request, code);
  expect(dossier.procedure_code).toBe(PROCEDURE);
  expect(dossier.applicant).toEqual({
    name: applicant,
    id_number: '001190012345',
    phone: '0912345678',
    address: 'Thôn Đông Lỗ, xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang',
    email: 'chau.nguyen@example.vn',
  });
  expect(dossier.channel).toBe('CHANNEL_COUNTER');
  expect(dossier.documents).toEqual([
    { name: documents[0], copies: 1, digitized: true },
    { name: documents[1], copies: 2, reused: true },
  ]);
  expect(dossier.sets).toBe(1);
  expect(dossier.holder_user).toBe(USER);
  expect(vietnamTime(dossier.appointment_at)).toBe(shownAppointment);
  expect(await dossiersOf(request, applicant)).toEqual([code]);
  // The typed form is gone from the browser; the panel stays until the next one.
  const stored = await page.evaluate((u) => JSON.parse(sessionStorage.getItem(`motcua.intake.${u}`) ?? '{}'), USER);
  expect(stored.applicant.name).toBe('');
  expect(stored.key).not.toBe(keyBefore);

  // "In giấy tiếp nhận": the server's A5 receipt in a new tab, the session cookie authenticating it.
  const opened = context.waitForEvent('page');
  await page.keyboard.press('Enter');
  const receipt = await opened;
  await receipt.waitForLoadState();
  expect(new URL(receipt.url()).pathname).toBe(`/v1/dossiers/${encodeURIComponent(code)}/receipt`);
  expect(new URL(receipt.url()).searchParams.get('format')).toBe('html');
  await expect(receipt.locator('body')).toContainText(code);
  await expect(receipt.locator('body')).toContainText(USER_DISPLAY_NAME);
  await expect(receipt.locator('body')).toContainText(applicant);
  await receipt.close();

  // "Tiếp nhận hồ sơ khác": an empty form with a new key, the picker ready.
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).press('Enter');
  await expect(successPanel(page)).toBeHidden();
  await expect(picker(page)).toBeFocused();
  await expect(picker(page)).toHaveValue('');
  await expect(page.getByLabel('Họ và tên người nộp')).toHaveValue('');
  await expect(page.locator('.doc-row')).toHaveCount(0);
  await expect(page.locator('.procedure-card')).toBeHidden();
  const keyAfter = await page.evaluate((u) => JSON.parse(sessionStorage.getItem(`motcua.intake.${u}`) ?? '{}').key as string, USER);
  expect(keyAfter).toMatch(UUID);
  expect(keyAfter).not.toBe(keyBefore);

  // The list has it.
  await page.locator('header.topbar').getByRole('button', { name: 'Danh sách hồ sơ' }).click();
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('table.dossier-table tbody tr', { hasText: applicant })).toContainText(code);
  expect(problems).toEqual([]);
});

test("the procedure's documents come as a checklist from the catalog, and only those ticked are recorded", async ({ page, request }) => {
  const problems = watchForErrors(page);
  const applicant = unique('Lý Thị Danh Mục');
  const catalog = await catalogOf(request);
  const entry = catalog.find((p) => p.code === PROCEDURE);
  const listed = entry?.documents ?? [];
  expect(listed.length, `GET /v1/catalog lists no documents for ${PROCEDURE}: a server without the catalog supplement`).toBe(3);
  expect(listed.filter((d) => (d.when ?? '') !== '').length).toBeGreaterThan(0);
  const other = catalog.find((p) => p.code !== PROCEDURE && p.receivable === true && (p.documents ?? []).length > 0);
  expect(other, 'another procedure with documents').toBeDefined();
  const checklist = page.locator('.doc-row[data-source="catalog"]');
  const box = (name: string) => checklist.getByRole('checkbox', { name, exact: true });

  await signIn(page);
  await openIntake(page);
  await pickProcedure(page, 'xac nhan hon nhan');
  await expect(picker(page)).toHaveValue(PROCEDURE_NAME);

  // Its documents, in the catalog's order, none ticked; a conditional one says its case in small print.
  await expect(checklist).toHaveCount(3);
  for (const [i, d] of listed.entries()) {
    const row = checklist.nth(i);
    await expect(row.locator('.doc-name')).toHaveText(d.name);
    await expect(row.getByRole('checkbox', { name: d.name, exact: true })).not.toBeChecked();
    await expect(row.getByLabel('Số bản')).toHaveValue(String(Math.max(1, d.copies ?? 0)));
    const when = d.when ?? '';
    if (when === '') {
      await expect(row.locator('.doc-when')).toHaveCount(0);
      await expect(box(d.name)).toHaveAccessibleDescription('Đã nộp');
    } else {
      await expect(row.locator('.doc-when')).toHaveText(sentence(when));
      await expect(box(d.name)).toHaveAccessibleDescription(`Đã nộp ${sentence(when)}`);
      // Smaller than the name.
      const [small, normal] = await Promise.all([row.locator('.doc-when'), row.locator('.doc-name')].map((l) => l.evaluate((n) => parseFloat(getComputedStyle(n).fontSize))));
      expect(small).toBeLessThan(normal ?? 0);
    }
  }
  if ((entry?.documents_basis ?? '') !== '') await expect(page.locator('.doc-basis')).toHaveText(`Căn cứ: ${entry?.documents_basis}`);
  if (entry?.documents_assumed === true) await expect(page.locator('.doc-assumed')).toContainText('Danh sách tham khảo, cần đối chiếu');
  else await expect(page.locator('.doc-assumed')).toBeHidden();
  // Nobody has ticked anything yet: nothing would be recorded as handed in.
  await box(listed[0]!.name).check();

  // Another procedure replaces the list: its own documents, nothing ticked carried over.
  await picker(page).fill('');
  await pickProcedure(page, other!.code);
  await expect(picker(page)).toHaveValue(other!.name);
  await expect(checklist.locator('.doc-name')).toHaveText((other!.documents ?? []).map((d) => d.name));
  await expect(checklist.getByRole('checkbox', { checked: true })).toHaveCount(0);
  // And back: the list afresh.
  await picker(page).fill('');
  await pickProcedure(page, PROCEDURE);
  await expect(checklist.locator('.doc-name')).toHaveText(listed.map((d) => d.name));
  await expect(checklist.getByRole('checkbox', { checked: true })).toHaveCount(0);

  // Two handed in (one of them conditional, scanned); one more added by name, then unticked.
  const conditional = listed.findIndex((d) => (d.when ?? '') !== '');
  const always = listed.findIndex((d) => (d.when ?? '') === '');
  const ticked = [listed[always]!, listed[conditional]!];
  // The first by typing its name as the officer would say it (lower case, no diacritics, no
  // "(theo mẫu)"): the listed one is ticked, not added a second time.
  const spoken = ticked[0]!.name.replace(/\s*\([^)]*\)/g, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  await page.getByLabel('Tên giấy tờ').fill(spoken);
  await page.getByLabel('Tên giấy tờ').press('Enter');
  await expect(box(ticked[0]!.name)).toBeChecked();
  await expect(page.locator('.doc-row[data-source="added"]')).toHaveCount(0);
  await box(ticked[1]!.name).focus();
  await page.keyboard.press('Space');
  await checklist.nth(conditional).getByRole('checkbox', { name: 'Đã số hóa' }).check();
  await page.getByLabel('Tên giấy tờ').fill('Giấy tờ thêm không nộp');
  await page.getByLabel('Tên giấy tờ').press('Enter');
  const added = page.locator('.doc-row[data-source="added"]');
  await expect(added).toHaveCount(1);
  await added.getByRole('checkbox', { name: 'Giấy tờ thêm không nộp', exact: true }).uncheck();
  await page.getByLabel('Họ và tên người nộp').fill(applicant);

  // A reload keeps the ticks (the draft in sessionStorage).
  await page.reload();
  await expect(picker(page)).toHaveValue(PROCEDURE_NAME);
  await expect(checklist).toHaveCount(3);
  for (const d of listed) {
    if (ticked.includes(d)) await expect(box(d.name)).toBeChecked();
    else await expect(box(d.name)).not.toBeChecked();
  }
  await expect(checklist.nth(conditional).getByRole('checkbox', { name: 'Đã số hóa' })).toBeChecked();
  await expect(added.getByRole('checkbox', { name: 'Giấy tờ thêm không nộp', exact: true })).not.toBeChecked();
  if ((entry?.documents_basis ?? '') !== '') await expect(page.locator('.doc-basis')).toHaveText(`Căn cứ: ${entry?.documents_basis}`);
  await expect(page.getByLabel('Họ và tên người nộp')).toHaveValue(applicant);
  await page.screenshot({ path: `${SHOTS}/intake-checklist.png`, fullPage: true });

  // Only the ticked two are sent and recorded.
  const sent = page.waitForRequest(isReceive);
  await submitButton(page).click();
  const body = (await sent).postDataJSON() as { documents?: { name: string }[] };
  expect((body.documents ?? []).map((d) => d.name)).toEqual(ticked.map((d) => d.name));
  await expect(successPanel(page)).toBeVisible();
  const code = (await done(page, 'code').textContent()) ?? '';
  expect(code).toMatch(CODE);
  const { dossier } = await fetchDossier(request, code);
  expect(dossier.documents).toEqual([
    { name: ticked[0]!.name, copies: Math.max(1, ticked[0]!.copies ?? 0) },
    { name: ticked[1]!.name, copies: Math.max(1, ticked[1]!.copies ?? 0), digitized: true },
  ]);

  // A procedure the catalog lists no documents for keeps the free list.
  const bare = catalog.find((p) => p.receivable === true && p.code !== '' && (p.documents ?? []).length === 0);
  expect(bare, 'a receivable procedure the catalog lists no documents for').toBeDefined();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
  await pickProcedure(page, bare!.code);
  await expect(picker(page)).toHaveValue(bare!.name);
  await expect(checklist).toHaveCount(0);
  await expect(page.locator('.doc-help')).toContainText('Danh mục chưa có sẵn giấy tờ của thủ tục');
  await expect(page.getByLabel('Tên giấy tờ')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a double click on "Tiếp nhận" makes one dossier', async ({ page, request }) => {
  const problems = watchForErrors(page);
  const applicant = unique('Hoàng Thị Hai Lần');
  await signIn(page);
  await openIntake(page);
  await pickProcedure(page, PROCEDURE);
  await page.getByLabel('Họ và tên người nộp').fill(applicant);
  const keys: string[] = [];
  page.on('request', (r) => {
    if (isReceive(r)) keys.push(r.headers()['idempotency-key'] ?? '');
  });
  await submitButton(page).dblclick();
  await expect(successPanel(page)).toBeVisible();
  const code = (await done(page, 'code').textContent()) ?? '';
  expect(code).toMatch(CODE);
  expect(await dossiersOf(request, applicant)).toEqual([code]);
  // However many requests left, they were one request: the same key.
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size).toBe(1);
  expect(problems).toEqual([]);
});

test('a reply lost on the way: pressing "Tiếp nhận" again gets the same dossier', async ({ page, request }) => {
  const applicant = unique('Đặng Văn Mất Kết Nối');
  await signIn(page);
  await openIntake(page);
  await pickProcedure(page, 'xac nhan tinh trang hon nhan');
  await page.getByLabel('Họ và tên người nộp').fill(applicant);

  // The real server receives the first request; its reply never reaches the page.
  const first = await loseNextReceiveReply(page);
  await submitButton(page).click();
  const alert = page.locator('#intake-error');
  await expect(alert).toContainText('Không kết nối được máy chủ');
  await expect(alert).toContainText('không bị tạo hai lần');
  await expect(page.getByLabel('Họ và tên người nộp')).toHaveValue(applicant);
  expect(first()).not.toBeNull();

  const replied = page.waitForResponse((r) => isReceive(r.request()));
  await submitButton(page).click();
  const reply = await replied;
  expect(reply.status()).toBe(200);
  expect(reply.headers()['idempotent-replayed']).toBe('true');
  await expect(done(page, 'code')).toHaveText(first()!.code);
  expect(await dossiersOf(request, applicant)).toEqual([first()!.code]);
});

test("a refusal is shown beside the form as text and what was typed stays", async ({ page, request }) => {
  const problems = watchForErrors(page);
  await signIn(page);
  await openIntake(page);
  await pickProcedure(page, 'xác nhận tình trạng hôn nhân');
  await page.getByLabel('Số điện thoại').fill('0987000111');
  await page.getByLabel('Địa chỉ').fill('Xóm Chùa, xã Ngọc Sơn');
  const nameField = page.getByLabel('Họ và tên người nộp');
  const alert = page.locator('#intake-error');

  // The page's own check first: no request.
  let requests = 0;
  page.on('request', (r) => {
    if (isReceive(r)) requests++;
  });
  await nameField.fill('   ');
  await submitButton(page).click();
  await expect(alert).toHaveText('Nhập họ và tên người nộp.');
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  expect(requests).toBe(0);

  // Past it (the field no longer marked required): the server's 422, shown as sent.
  const before = (await allDossiers(request)).length;
  await nameField.evaluate((input) => input.removeAttribute('required'));
  const replied = page.waitForResponse((r) => isReceive(r.request()));
  await submitButton(page).click();
  const reply = await replied;
  expect(reply.status()).toBe(422);
  const { message } = (await reply.json()) as { message: string };
  expect(message).toContain('applicant.name');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toHaveText(`${message} (mã yêu cầu ${reply.headers()['x-request-id'] ?? ''})`);
  expect(await alert.evaluate((n) => n.childElementCount)).toBe(0);
  await expect(submitButton(page)).toBeEnabled();
  // Nothing else changed: the form as typed, no success panel, no dossier.
  await expect(successPanel(page)).toBeHidden();
  await expect(picker(page)).toHaveValue(PROCEDURE_NAME);
  await expect(page.getByLabel('Số điện thoại')).toHaveValue('0987000111');
  await expect(page.getByLabel('Địa chỉ')).toHaveValue('Xóm Chùa, xã Ngọc Sơn');
  expect((await allDossiers(request)).length).toBe(before);
  await page.screenshot({ path: `${SHOTS}/intake-refused.png` });
  expect(problems).toEqual([]);
});

test('an officer without the reception role has no intake form, and the API refuses them', async ({ page, request }) => {
  await signIn(page, SPECIALIST, SPECIALIST_PASSWORD);
  await expect(page.locator('header.topbar')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tiếp nhận hồ sơ' })).toHaveCount(0);
  await expect(page.locator('nav.tabs')).toHaveCount(0);
  // Not by the address either.
  await page.goto('/#tiep-nhan');
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('section.intake')).toHaveCount(0);
  await expect(page).not.toHaveURL(/#tiep-nhan/);

  const applicant = unique('Phí Văn Không Quyền');
  const refused = await request.post('/v1/commands/receive', {
    headers: bearer(SPECIALIST_TOKEN),
    data: { procedure_code: PROCEDURE, applicant: { name: applicant }, channel: 'CHANNEL_COUNTER' },
  });
  expect(refused.status()).toBe(403);
  expect(await dossiersOf(request, applicant)).toEqual([]);
});

test('nothing typed is lost: a reload keeps the form and its key, and the retry after it is the same dossier', async ({ page, request }) => {
  const problems = watchForErrors(page);
  const applicant = unique('Dương Thị Tải Lại Trang');
  await signIn(page);
  await openIntake(page);
  await pickProcedure(page, 'xac nhan hon nhan');
  await page.getByLabel('Họ và tên người nộp').fill(applicant);
  await page.getByLabel('Số điện thoại').fill('0977123456');
  await page.getByLabel('Tên giấy tờ').fill('Tờ khai');
  await page.getByLabel('Tên giấy tờ').press('Enter');
  const stored = () => page.evaluate((u) => JSON.parse(sessionStorage.getItem(`motcua.intake.${u}`) ?? '{}') as { key: string; applicant: { name: string } }, USER);
  const key = (await stored()).key;
  expect(key).toMatch(UUID);

  // The first press reaches the server, its reply is lost; the officer reloads the page.
  const first = await loseNextReceiveReply(page);
  await submitButton(page).click();
  await expect(page.locator('#intake-error')).toContainText('không bị tạo hai lần');
  expect(first()).not.toBeNull();
  await page.reload();

  // Everything typed is back, with the same key: the retry is the same request.
  await expect(picker(page)).toHaveValue(PROCEDURE_NAME);
  await expect(page.getByLabel('Họ và tên người nộp')).toHaveValue(applicant);
  await expect(page.getByLabel('Số điện thoại')).toHaveValue('0977123456');
  await expect(page.locator('.doc-row[data-source="added"]')).toHaveCount(1);
  expect((await stored()).key).toBe(key);
  const keys: string[] = [];
  page.on('request', (r) => {
    if (isReceive(r)) keys.push(r.headers()['idempotency-key'] ?? '');
  });
  const replied = page.waitForResponse((r) => isReceive(r.request()));
  await submitButton(page).dblclick(); // and twice, for good measure
  const reply = await replied;
  expect(reply.headers()['idempotent-replayed']).toBe('true');
  await expect(done(page, 'code')).toHaveText(first()!.code);
  expect(new Set(keys)).toEqual(new Set([key]));
  expect(await dossiersOf(request, applicant)).toEqual([first()!.code]);
  // Acknowledged: only now is the draft cleared (a new key for the next one).
  expect((await stored()).applicant.name).toBe('');
  expect((await stored()).key).not.toBe(key);
  expect(problems).toEqual([]);
});

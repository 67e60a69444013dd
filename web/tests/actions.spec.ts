// What officers do with a dossier from its detail ("Xử lý hồ sơ"), against the real
// motcuad (see playwright.config.ts): reception receives and hands over, the
// specialist marks the result ready, reception returns it; nobody is offered what
// the lifecycle or their roles do not allow, and the API refuses it too; a command
// from a stale page is refused with the server's message and changes nothing.
// Every dossier carries an applicant name no other test or run uses. No failed
// sign-ins: motcuad throttles them.

import { expect, test, type Page, type Request } from '@playwright/test';
import {
  PROCEDURE, RECEPTION_PASSWORD, RECEPTION_TOKEN, RECEPTION_USER as RECEPTION, SPECIALIST_TOKEN,
  command, fetchDossier, post, receive, signIn, signOut, unique, watchForErrors,
} from './support';

const SPECIALIST = process.env['MOTCUA_SPECIALIST_USER'] ?? 'tuphap01';
const SPECIALIST_PASSWORD = process.env['MOTCUA_SPECIALIST_PASSWORD'] ?? 'tuphap01-demo';
const SPECIALIST_NAME = 'Trần Văn Bình';
const SPECIALIST_UNIT = 'Tư pháp - Hộ tịch';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SHOTS = 'screenshots';

/** Finds the dossier with "Tìm theo mã hồ sơ" and waits for its detail. */
async function openByCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Tìm theo mã hồ sơ').fill(code);
  await page.getByLabel('Tìm theo mã hồ sơ').press('Enter');
  await expect(page.locator('section.detail')).toHaveAttribute('data-code', code);
}

const fact = (page: Page, name: string) => page.locator(`section.detail .fact[data-field="${name}"] dd`);
const actionButtons = (page: Page) => page.locator('section.actions .action-buttons button');
const actionForm = (page: Page) => page.locator('#action-form');
const actionError = (page: Page) => page.locator('#action-error');

async function offered(page: Page): Promise<string[]> {
  await expect(page.locator('section.actions')).toBeVisible();
  return actionButtons(page).allTextContents();
}

function isCommand(name: string) {
  return (r: Request) => new URL(r.url()).pathname === `/v1/commands/${name}` && r.method() === 'POST';
}

async function historyKinds(page: Page): Promise<(string | null)[]> {
  return page.locator('ol.timeline > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
}

test('received, handed over, result ready, returned: each officer in the page', async ({ page, request }) => {
  const problems = watchForErrors(page);
  const applicant = unique('Lê Thị Hồng Nhung');

  // 1. Reception receives at the counter with the intake form, then opens the dossier.
  const session = await signIn(page, RECEPTION, RECEPTION_PASSWORD);
  await page.locator('header.topbar').getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  const picker = page.getByRole('combobox', { name: 'Tìm thủ tục theo mã hoặc tên' });
  await picker.fill(PROCEDURE);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.procedure-card')).toContainText(PROCEDURE);
  await page.getByLabel('Họ và tên người nộp').fill(applicant);
  await page.getByLabel('Họ và tên người nộp').press('Enter');
  await expect(page.locator('section.intake-done [data-field="code"]')).toHaveText(/^000\.00\.07\.H06-\d{6}-\d{4}$/);
  const code = (await page.locator('section.intake-done [data-field="code"]').textContent()) ?? '';
  await page.getByRole('button', { name: 'Mở hồ sơ để bàn giao' }).click();
  await expect(page.locator('section.detail')).toHaveAttribute('data-code', code);
  await expect(fact(page, 'status')).toContainText('Được tiếp nhận');

  // Reception at "Được tiếp nhận": hand over, ask for a supplement or a fee; never the specialist's work.
  expect(await offered(page)).toEqual(['Bàn giao', 'Yêu cầu bổ sung', 'Yêu cầu nộp phí', 'Xin lỗi, hẹn lại', 'Rút hồ sơ']);
  await page.screenshot({ path: `${SHOTS}/actions-reception.png` });

  // 2. "Bàn giao" from the keyboard: the officer list grouped by unit, electronic by default.
  const handOver = page.getByRole('button', { name: 'Bàn giao', exact: true });
  await handOver.focus();
  await page.keyboard.press('Enter');
  await expect(handOver).toHaveAttribute('aria-expanded', 'true');
  const to = page.getByLabel('Người nhận bàn giao');
  await expect(to).toBeFocused();
  await expect(to.locator(`optgroup[label="${SPECIALIST_UNIT}"] option[value="${SPECIALIST}"]`)).toHaveText(`${SPECIALIST_NAME} (${SPECIALIST})`);
  await expect(to.locator(`option[value="${RECEPTION}"]`)).toHaveCount(0); // not to oneself
  await expect(to.locator('option[value="thongke01"]')).toHaveCount(0); // statistics handles no dossier
  await expect(page.getByLabel(/Bàn giao điện tử/)).toBeChecked();

  // Escape closes the form, the focus back on its button; opening again is a new form.
  await page.keyboard.press('Escape');
  await expect(actionForm(page)).toHaveCount(0);
  await expect(handOver).toBeFocused();
  await expect(handOver).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(to).toBeFocused();

  // Nothing chosen: the page's own words, no request.
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/v1/commands/')) sent++;
  });
  await page.getByRole('button', { name: 'Xác nhận bàn giao' }).click();
  await expect(actionError(page)).toHaveText('Chọn cán bộ nhận bàn giao.');
  await expect(to).toBeFocused();
  expect(sent).toBe(0);

  await to.selectOption(SPECIALIST);
  await expect(actionError(page)).toHaveText(''); // corrected: the page's own message goes
  await expect(page.locator('#action-form')).toContainText(`Đơn vị nhận: ${SPECIALIST_UNIT}`);
  await page.getByLabel('Ghi chú').fill('Chuyển thẩm định, kèm bản giấy sau');
  await page.screenshot({ path: `${SHOTS}/actions-hand-over-form.png` });
  const request1 = page.waitForRequest(isCommand('hand-over'));
  const reply1 = page.waitForResponse((r) => isCommand('hand-over')(r.request()));
  await page.getByLabel('Ghi chú').press('Enter');
  const headers = (await request1).headers();
  expect(headers['x-csrf-token']).toBe(session.csrf_token);
  expect(headers['idempotency-key']).toMatch(UUID);
  expect((await request1).postDataJSON()).toEqual({
    dossier_code: code,
    to_unit: SPECIALIST_UNIT,
    to_user: SPECIALIST,
    electronic: true,
    note: 'Chuyển thẩm định, kèm bản giấy sau',
  });
  expect((await reply1).status()).toBe(200);

  // The detail reloads: the new status, holder and history, and what was done.
  await expect(fact(page, 'status')).toContainText('Đang xử lý');
  await expect(page.locator('.done-notice')).toHaveText(`Đã bàn giao hồ sơ cho ${SPECIALIST_NAME} (${SPECIALIST_UNIT}).`);
  // The officer by display name, the user name in the tooltip.
  await expect(fact(page, 'holder').locator('.officer-ref')).toHaveText(SPECIALIST_NAME);
  await expect(fact(page, 'holder').locator('.officer-ref')).toHaveAttribute('title', SPECIALIST);
  expect(await historyKinds(page)).toEqual(['received', 'handed_over']);
  await expect(page.locator('ol.timeline > li').nth(1)).toContainText(`Đến: ${SPECIALIST_NAME}, ${SPECIALIST_UNIT}`);
  await expect(page.locator('ol.timeline > li').nth(1).locator(`.event-detail .officer-ref[title="${SPECIALIST}"]`)).toHaveText(SPECIALIST_NAME);
  await expect(page.locator('ol.timeline > li').nth(1)).toContainText('Bàn giao điện tử');
  expect(await offered(page)).toEqual(['Bàn giao', 'Yêu cầu bổ sung', 'Yêu cầu nộp phí', 'Xin lỗi, hẹn lại', 'Rút hồ sơ']);
  await signOut(page);

  // 3. The specialist finds it in "Hồ sơ của tôi", where the desk opens, with its working
  // time left, and marks the result ready.
  await signIn(page, SPECIALIST, SPECIALIST_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ của tôi');
  const queued = page.locator('table.dossier-table tbody tr', { hasText: applicant });
  await expect(queued.locator('.urgency')).toHaveText('✓Đúng hạn');
  await expect(queued.locator('.time-left')).toHaveText(/^còn (\d+ ngày)?( ?\d+ giờ)?( ?\d+ phút)? làm việc$/);
  await queued.getByRole('button', { name: `Mở hồ sơ ${code}` }).click();
  await expect(page.locator('section.detail')).toHaveAttribute('data-code', code);
  expect(await offered(page)).toEqual(['Có kết quả', 'Bàn giao', 'Yêu cầu bổ sung', 'Yêu cầu nộp phí', 'Xin lỗi, hẹn lại', 'Dừng xử lý']);
  await page.screenshot({ path: `${SHOTS}/actions-specialist.png` });
  await page.getByRole('button', { name: 'Có kết quả', exact: true }).click();
  // The kind is the officer's choice (it feeds the statistics): none is preselected.
  await page.getByRole('button', { name: 'Xác nhận có kết quả' }).click();
  await expect(actionError(page)).toHaveText('Chọn loại kết quả: bản giấy hoặc bản điện tử.');
  await page.getByRole('radio', { name: 'Bản giấy' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Bản giấy' })).toBeChecked();
  await page.getByLabel('Số, ký hiệu kết quả').fill('125/GXN-UBND');
  const reply2 = page.waitForResponse((r) => isCommand('result-ready')(r.request()));
  await page.getByLabel('Số, ký hiệu kết quả').press('Enter');
  expect((await reply2).request().postDataJSON()).toEqual({ dossier_code: code, result_kind: 'RESULT_KIND_PAPER', result_number: '125/GXN-UBND' });
  expect((await reply2).status()).toBe(200);
  await expect(fact(page, 'status')).toContainText('Đã xử lý xong');
  await expect(page.locator('.done-notice')).toHaveText('Đã ghi nhận hồ sơ có kết quả.');
  // The result goes back to the counter by a hand-over; returning it is reception's.
  expect(await offered(page)).toEqual(['Bàn giao']);
  await signOut(page);

  // 4. Reception returns the result at the counter.
  await signIn(page, RECEPTION, RECEPTION_PASSWORD);
  await openByCode(page, code);
  expect(await offered(page)).toEqual(['Trả kết quả', 'Bàn giao']);
  await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Tại Bộ phận Một cửa' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Tại Bộ phận Một cửa' })).toBeFocused();
  await page.getByLabel('Người nhận kết quả').fill(applicant);
  const reply3 = page.waitForResponse((r) => isCommand('return-result')(r.request()));
  await page.getByRole('button', { name: 'Xác nhận trả kết quả' }).press('Enter');
  expect((await reply3).status()).toBe(200);
  await expect(fact(page, 'status')).toContainText('Đã trả kết quả');
  await expect(fact(page, 'returned')).not.toBeEmpty();
  await expect(page.locator('section.actions')).toContainText('không có việc nào');
  await expect(actionButtons(page)).toHaveCount(0);
  expect(await historyKinds(page)).toEqual(['received', 'handed_over', 'result_ready', 'result_returned']);
  await expect(page.locator('ol.timeline > li').nth(2).locator('.event-actor')).toHaveText(`Người thực hiện: ${SPECIALIST_NAME}`);
  await expect(page.locator('ol.timeline > li').nth(3)).toContainText('Hình thức: tại Bộ phận Một cửa');
  await expect(page.locator('ol.timeline > li').nth(3)).toContainText(`Người nhận: ${applicant}`);
  await page.screenshot({ path: `${SHOTS}/actions-returned.png`, fullPage: true });

  // The server holds exactly that.
  const { dossier, history } = await fetchDossier(request, code);
  expect(dossier.status).toBe('STATUS_RETURNED');
  expect(dossier.return_method).toBe('RETURN_METHOD_COUNTER');
  expect(dossier.result_kind).toBe('RESULT_KIND_PAPER');
  expect(history.map((e) => e.actor)).toEqual([RECEPTION, RECEPTION, SPECIALIST, RECEPTION]);
  expect(problems).toEqual([]);
});

test('an officer is offered only what the role and status allow, and the API refuses the rest', async ({ page, request }) => {
  const problems = watchForErrors(page);
  // One dossier still at reception (2), one with its result ready (9), one closed (10).
  const received = await receive(request, unique('Phạm Văn Được'));
  const ready = await receive(request, unique('Đỗ Thị Sẵn'));
  await command(request, RECEPTION_TOKEN, 'hand-over', { dossier_code: ready.code, to_unit: SPECIALIST_UNIT, to_user: SPECIALIST, electronic: true });
  await command(request, SPECIALIST_TOKEN, 'result-ready', { dossier_code: ready.code, result_kind: 'RESULT_KIND_ELECTRONIC' });
  const closed = await receive(request, unique('Vũ Văn Đóng'));
  await command(request, RECEPTION_TOKEN, 'hand-over', { dossier_code: closed.code, to_unit: SPECIALIST_UNIT, to_user: SPECIALIST });
  await command(request, SPECIALIST_TOKEN, 'stop', { dossier_code: closed.code, reason: 'Công dân không bổ sung' });

  await signIn(page, SPECIALIST, SPECIALIST_PASSWORD);
  // Held by reception, not handed over: the specialist may work on it (the server does not
  // check the holder), but never return a result.
  await openByCode(page, received.code);
  expect(await offered(page)).toEqual(['Có kết quả', 'Bàn giao', 'Yêu cầu bổ sung', 'Yêu cầu nộp phí', 'Xin lỗi, hẹn lại', 'Dừng xử lý']);
  await expect(page.getByRole('button', { name: 'Trả kết quả' })).toHaveCount(0);
  // Result ready: returning it is reception's.
  await openByCode(page, ready.code);
  expect(await offered(page)).toEqual(['Bàn giao']);
  await expect(page.getByRole('button', { name: 'Trả kết quả' })).toHaveCount(0);
  // Stopped: nothing at all, and the page says why.
  await openByCode(page, closed.code);
  await expect(actionButtons(page)).toHaveCount(0);
  await expect(page.locator('section.actions')).toHaveText(/Dừng xử lý.*không có việc nào dành cho vai trò của bạn/);
  await expect(page.locator('section.detail .fact[data-field="holder"] dt')).toHaveText('Người xử lý sau cùng');

  // The specialist stops the first one in the page: a reason is required, and it is final.
  await openByCode(page, received.code);
  await page.getByRole('button', { name: 'Dừng xử lý', exact: true }).click();
  await expect(page.locator('#action-form')).toContainText('Dừng xử lý là bước cuối');
  await page.getByLabel('Lý do dừng xử lý').press('Enter');
  await expect(actionError(page)).toHaveText('Nhập lý do dừng xử lý.');
  await page.getByLabel('Lý do dừng xử lý').fill('Công dân đề nghị dừng để bổ sung giấy tờ khác');
  await page.getByLabel('Lý do dừng xử lý').press('Enter');
  await expect(fact(page, 'status')).toContainText('Dừng xử lý');
  await expect(fact(page, 'status')).toContainText('Lý do: Công dân đề nghị dừng để bổ sung giấy tờ khác');
  await expect(actionButtons(page)).toHaveCount(0);
  expect(problems).toEqual([]);

  // The API: the specialist's token may not return a result (403), reception may not
  // return one that is not ready (409), nobody hands over a stopped dossier (409).
  const wrongRole = await post(request, SPECIALIST_TOKEN, 'return-result', { dossier_code: ready.code, method: 'RETURN_METHOD_COUNTER' });
  expect(wrongRole.status()).toBe(403);
  const wrongStatus = await post(request, RECEPTION_TOKEN, 'return-result', { dossier_code: received.code, method: 'RETURN_METHOD_COUNTER' });
  expect(wrongStatus.status()).toBe(409);
  const finished = await post(request, SPECIALIST_TOKEN, 'hand-over', { dossier_code: closed.code, to_unit: 'Bộ phận Một cửa', to_user: RECEPTION });
  expect(finished.status()).toBe(409);
  expect((await fetchDossier(request, ready.code)).dossier.status).toBe('STATUS_RESULT_READY');
  expect((await fetchDossier(request, received.code)).dossier.status).toBe('STATUS_STOPPED');
});

test('a command from a stale page is refused with the server message and changes nothing', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  const mine = await receive(request, unique('Hoàng Văn Cũ'));
  await signIn(page, RECEPTION, RECEPTION_PASSWORD);
  await openByCode(page, mine.code);
  // The same dossier in a second tab of the same session.
  const other = await context.newPage();
  const otherProblems = watchForErrors(other);
  await other.goto(`/#ho-so/${encodeURIComponent(mine.code)}`);
  await expect(other.locator('section.detail')).toHaveAttribute('data-code', mine.code);

  // The first tab asks for a supplement: the dossier waits for the citizen.
  await page.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
  await page.getByRole('button', { name: 'Xác nhận yêu cầu bổ sung' }).click();
  await expect(actionError(page)).toHaveText('Nhập lý do yêu cầu bổ sung.');
  await page.getByLabel('Lý do').fill('Thiếu bản sao Căn cước công dân');
  await page.getByLabel('Giấy tờ cần bổ sung').fill('Bản sao Căn cước công dân\n\n  Giấy xác nhận cư trú  ');
  const asked = page.waitForResponse((r) => isCommand('request-supplement')(r.request()));
  await page.getByRole('button', { name: 'Xác nhận yêu cầu bổ sung' }).click();
  expect((await asked).request().postDataJSON()).toEqual({
    dossier_code: mine.code,
    reason: 'Thiếu bản sao Căn cước công dân',
    documents: ['Bản sao Căn cước công dân', 'Giấy xác nhận cư trú'],
  });
  await expect(fact(page, 'status')).toContainText('Yêu cầu bổ sung');
  // Waiting for the citizen: reception takes the supplement in; no hand-over.
  expect(await offered(page)).toEqual(['Nhận bổ sung', 'Xin lỗi, hẹn lại', 'Rút hồ sơ']);

  // The second tab still shows "Được tiếp nhận" and hands over: refused by the server.
  await expect(fact(other, 'status')).toContainText('Được tiếp nhận');
  await other.getByRole('button', { name: 'Bàn giao', exact: true }).click();
  await other.getByLabel('Người nhận bàn giao').selectOption(SPECIALIST);
  const refused = other.waitForResponse((r) => isCommand('hand-over')(r.request()));
  await other.getByRole('button', { name: 'Xác nhận bàn giao' }).click();
  const reply = await refused;
  expect(reply.status()).toBe(409);
  const { message } = (await reply.json()) as { message: string };
  expect(message).toContain(mine.code);
  const alert = actionError(other);
  await expect(alert).toHaveAttribute('role', 'alert');
  // With the request's id, as the reply's header and the server's log line carry it.
  const id = reply.headers()['x-request-id'] ?? '';
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]+$/);
  await expect(alert).toHaveText(`${message} (mã yêu cầu ${id})`);
  // Beside the form's button, which is usable again; the rest of the page as it was.
  await expect(other.getByRole('button', { name: 'Xác nhận bàn giao' })).toBeEnabled();
  await expect(other.getByLabel('Người nhận bàn giao')).toHaveValue(SPECIALIST);
  await expect(fact(other, 'status')).toContainText('Được tiếp nhận');
  expect(await historyKinds(other)).toEqual(['received']);
  await other.screenshot({ path: `${SHOTS}/actions-refused.png` });

  // On the server: the supplement request only, no hand-over.
  const { dossier, history } = await fetchDossier(request, mine.code);
  expect(dossier.status).toBe('STATUS_SUPPLEMENT_REQUESTED');
  const kinds = history.map((e) => Object.keys(e).filter((k) => !['seq', 'dossier_code', 'at', 'actor', 'step'].includes(k)));
  expect(kinds).toEqual([['received'], ['supplement_requested']]);

  // "Tải lại hồ sơ", beside the message, shows what the dossier is now and what can be done.
  await other.getByRole('button', { name: 'Tải lại hồ sơ', exact: true }).click();
  await expect(fact(other, 'status')).toContainText('Yêu cầu bổ sung');
  expect(await offered(other)).toEqual(['Nhận bổ sung', 'Xin lỗi, hẹn lại', 'Rút hồ sơ']);
  // The citizen brings the missing paper: the dossier goes back to "Được tiếp nhận".
  await other.getByRole('button', { name: 'Nhận bổ sung', exact: true }).click();
  await other.getByLabel('Giấy tờ công dân nộp bổ sung').fill('Bản sao Căn cước công dân');
  const supplied = other.waitForResponse((r) => isCommand('supplement')(r.request()));
  await other.getByRole('button', { name: 'Xác nhận nhận bổ sung' }).click();
  expect((await supplied).request().postDataJSON()).toEqual({ dossier_code: mine.code, documents: [{ name: 'Bản sao Căn cước công dân', copies: 1 }] });
  await expect(fact(other, 'status')).toContainText('Được tiếp nhận');
  expect(await historyKinds(other)).toEqual(['received', 'supplement_requested', 'supplemented']);
  await other.close();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
});

test('a reply lost on the way: confirming again is the same command, never a second one', async ({ page, request }) => {
  const problems = watchForErrors(page);
  const mine = await receive(request, unique('Ngô Thị Phí'));
  await signIn(page, RECEPTION, RECEPTION_PASSWORD);
  await openByCode(page, mine.code);

  await page.getByRole('button', { name: 'Yêu cầu nộp phí', exact: true }).click();
  const amount = page.getByLabel('Số tiền (đồng)');
  await expect(amount).toBeFocused();
  await amount.fill('15.000');
  await expect(page.locator('#action-form')).toContainText('= 15.000 đ');

  // The server does it, but its reply never reaches the page.
  const keys: string[] = [];
  await page.route('**/v1/commands/request-fee', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    const reply = await route.fetch();
    expect(reply.status()).toBe(200);
    await route.abort('connectionreset');
  }, { times: 1 });
  await amount.press('Enter');
  await expect(actionError(page)).toContainText('Không kết nối được máy chủ');
  await expect(actionError(page)).toContainText('không bị thực hiện hai lần');
  await expect(fact(page, 'status')).toContainText('Được tiếp nhận'); // the page cannot know yet

  // Confirming again sends the same key: the server replays its first reply.
  const again = page.waitForResponse((r) => isCommand('request-fee')(r.request()));
  await page.getByRole('button', { name: 'Xác nhận yêu cầu nộp phí' }).click();
  const replayed = await again;
  expect(replayed.status()).toBe(200);
  expect(replayed.request().headers()['idempotency-key']).toBe(keys[0]);
  expect(keys[0]).toMatch(UUID);
  expect(replayed.headers()['idempotent-replayed']).toBe('true');
  expect(replayed.request().postDataJSON()).toEqual({ dossier_code: mine.code, amount_vnd: 15000 });
  await expect(fact(page, 'status')).toContainText('Yêu cầu thực hiện nghĩa vụ tài chính');
  await expect(page.locator('.done-notice')).toHaveText('Đã yêu cầu nộp 15.000 đ.');
  expect(await historyKinds(page)).toEqual(['received', 'fee_requested']);

  // The fee asked for is what reception records as paid; then the dossier goes on.
  expect(await offered(page)).toEqual(['Ghi nhận nộp phí', 'Xin lỗi, hẹn lại', 'Rút hồ sơ']);
  await page.getByRole('button', { name: 'Ghi nhận nộp phí', exact: true }).click();
  await expect(page.getByLabel('Số tiền đã nộp (đồng)')).toHaveValue('15000');
  await expect(page.getByRole('radio', { name: 'Tiền mặt' })).toBeChecked();
  await page.getByLabel('Số biên lai').fill('BL-0042');
  await page.getByLabel('Số biên lai').press('Enter');
  await expect(fact(page, 'status')).toContainText('Được tiếp nhận');
  await expect(page.locator('.done-notice')).toHaveText('Đã ghi nhận nộp 15.000 đ.');
  expect(await offered(page)).toEqual(['Bàn giao', 'Yêu cầu bổ sung', 'Xin lỗi, hẹn lại', 'Rút hồ sơ']); // a fee only once
  const { history } = await fetchDossier(request, mine.code);
  expect(history.filter((e) => 'fee_requested' in e)).toHaveLength(1);
  expect(history.filter((e) => 'fee_paid' in e)).toHaveLength(1);
  expect(problems).toEqual([]);
});

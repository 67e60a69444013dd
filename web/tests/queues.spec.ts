// The reception officer's queues against the real motcuad (see playwright.config.ts):
// online registrations accepted or refused (the refusal letter, Mẫu 03, opening to
// print), supplements awaited, results returned by the method chosen, refused and
// withdrawn dossiers. Every dossier carries an applicant name no other test or run
// uses, so the checks hold in any order and on a server that already has data.

import { expect, test, type Page, type Request } from '@playwright/test';
import {
  RECEPTION_TOKEN, SPECIALIST_TOKEN,
  command, fetchDossier, handOverToSpecialist, receive, registerOnline, signIn, unique, watchForErrors,
} from './support';

const SHOTS = 'screenshots';

const queueTab = (page: Page, name: string) => page.locator('nav.queue-tabs').getByRole('button', { name });
const rows = (page: Page) => page.locator('table.dossier-table tbody tr');
const fact = (page: Page, name: string) => page.locator(`section.detail .fact[data-field="${name}"] dd`);
const actionButtons = (page: Page) => page.locator('section.actions .action-buttons button');

function isCommand(name: string) {
  return (r: Request) => new URL(r.url()).pathname === `/v1/commands/${name}` && r.method() === 'POST';
}

/** Opens a queue from its tab; waits for its list (the status it asks the server for). */
async function openQueue(page: Page, tab: string, status: string): Promise<void> {
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/dossiers' && new URL(r.url()).searchParams.get('status') === status && new URL(r.url()).searchParams.get('limit') !== '100');
  await queueTab(page, tab).click();
  expect((await listed).status()).toBe(200);
  await expect(queueTab(page, tab)).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
}

async function openRow(page: Page, applicant: string, code: string): Promise<void> {
  await rows(page).filter({ hasText: applicant }).getByRole('button', { name: `Mở hồ sơ ${code}` }).click();
  await expect(page.locator('section.detail')).toHaveAttribute('data-code', code);
}

test('online registrations: accepted with the receipt to print, or refused with Mẫu 03 opening to print', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  const toAccept = await registerOnline(request, unique('Nguyễn Thị Trực Tuyến'));
  const toRefuse = await registerOnline(request, unique('Bùi Văn Thiếu Giấy'));
  expect(toAccept.status).toBe('STATUS_REGISTERED_ONLINE');
  await signIn(page);

  // The queue, its count on the tab, and the address that keeps it over a reload.
  await expect(queueTab(page, 'Chờ tiếp nhận trực tuyến').locator('.queue-count')).toHaveText(/^[1-9]\d*\+?$/);
  await openQueue(page, 'Chờ tiếp nhận trực tuyến', '1');
  await expect(page).toHaveURL(/#hang-doi\/cho-tiep-nhan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hồ sơ đăng ký trực tuyến chờ tiếp nhận');
  await expect(rows(page).filter({ hasText: toAccept.applicant.name })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: toRefuse.applicant.name })).toHaveCount(1);
  for (const badge of await rows(page).locator('.badge').all()) await expect(badge).toHaveText('Mới đăng ký');
  await page.screenshot({ path: `${SHOTS}/queue-online.png` });
  await page.reload();
  await expect(queueTab(page, 'Chờ tiếp nhận trực tuyến')).toHaveAttribute('aria-current', 'page');
  await expect(rows(page).filter({ hasText: toAccept.applicant.name })).toHaveCount(1);

  // Accept: `receive` naming the registration's code, under the online channel.
  await openRow(page, toAccept.applicant.name, toAccept.code);
  await expect(fact(page, 'received')).toContainText('Chưa tiếp nhận');
  await expect(fact(page, 'received')).toContainText('Đăng ký trực tuyến:');
  // What the citizen sent, to check before accepting.
  await expect(fact(page, 'documents')).toContainText('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (bản điện tử)');
  expect(await actionButtons(page).allTextContents()).toEqual(['Tiếp nhận', 'Từ chối tiếp nhận', 'Rút hồ sơ']);
  await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  const accepted = page.waitForResponse((r) => isCommand('receive')(r.request()));
  await page.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
  const reply = await accepted;
  expect(reply.request().postDataJSON()).toEqual({ dossier_code: toAccept.code, channel: 'CHANNEL_ONLINE' });
  expect(reply.status()).toBe(200);
  await expect(fact(page, 'status')).toContainText('Được tiếp nhận');
  await expect(page.locator('.done-notice')).toHaveText('Đã tiếp nhận hồ sơ đăng ký trực tuyến; thời hạn giải quyết bắt đầu tính.');
  const server = (await fetchDossier(request, toAccept.code)).dossier;
  expect(server.status).toBe('STATUS_RECEIVED');
  expect(server.channel).toBe('CHANNEL_ONLINE');
  expect(server.appointment_at).toBeTruthy();
  // The receipt, on the officer's click.
  const receiptTab = context.waitForEvent('page');
  await page.locator('.done-bar').getByRole('button', { name: 'In giấy tiếp nhận (Mẫu 01)' }).click();
  const receipt = await receiptTab;
  await receipt.waitForLoadState();
  expect(new URL(receipt.url()).pathname).toBe(`/v1/dossiers/${encodeURIComponent(toAccept.code)}/receipt`);
  await expect(receipt.locator('body')).toContainText(toAccept.applicant.name);
  await receipt.close();

  // Back in the queue, it has gone; the other waits.
  await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
  await expect(page).toHaveURL(/#hang-doi\/cho-tiep-nhan$/);
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  await expect(rows(page).filter({ hasText: toAccept.applicant.name })).toHaveCount(0);

  // Refuse: a reason is required; then Mẫu 03 opens by itself, ready to print.
  await openRow(page, toRefuse.applicant.name, toRefuse.code);
  await page.getByRole('button', { name: 'Từ chối tiếp nhận', exact: true }).click();
  await expect(page.locator('#action-form')).toContainText('Từ chối là bước cuối');
  await page.getByRole('button', { name: 'Xác nhận từ chối tiếp nhận' }).click();
  await expect(page.locator('#action-error')).toHaveText('Nhập lý do từ chối tiếp nhận.');
  const reason = 'Thủ tục không thuộc thẩm quyền giải quyết của UBND xã';
  await page.getByLabel('Lý do từ chối').fill(reason);
  await page.screenshot({ path: `${SHOTS}/queue-refuse-form.png` });
  const letterTab = context.waitForEvent('page');
  const refused = page.waitForResponse((r) => isCommand('refuse')(r.request()));
  await page.getByLabel('Lý do từ chối').press('Enter');
  expect((await refused).request().postDataJSON()).toEqual({ dossier_code: toRefuse.code, reason });
  const letter = await letterTab;
  await letter.waitForLoadState();
  const url = new URL(letter.url());
  expect(url.pathname).toBe(`/v1/dossiers/${encodeURIComponent(toRefuse.code)}/refusal`);
  expect(url.searchParams.get('format')).toBe('html');
  await expect(letter.locator('body')).toContainText(toRefuse.code);
  await expect(letter.locator('body')).toContainText(reason);
  await letter.close();
  await expect(fact(page, 'status')).toContainText('Không được tiếp nhận');
  await expect(fact(page, 'status')).toContainText(`Lý do: ${reason}`);
  await expect(page.locator('.done-notice')).toContainText('Đã mở phiếu từ chối tiếp nhận (Mẫu 03)');
  await expect(actionButtons(page)).toHaveCount(0);
  await expect(fact(page, 'letters').getByRole('button')).toHaveText(['In phiếu từ chối tiếp nhận (Mẫu 03)']);

  // The refused queue has it.
  await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
  await openQueue(page, 'Không được tiếp nhận', '3');
  await expect(rows(page).filter({ hasText: toRefuse.applicant.name })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('results ready to return: the queue offers the return methods, and a return by post is recorded', async ({ page, request }) => {
  const problems = watchForErrors(page);
  const mine = await receive(request, unique('Trịnh Thị Nhận Qua Bưu Điện'));
  await handOverToSpecialist(request, mine.code);
  await command(request, SPECIALIST_TOKEN, 'result-ready', { dossier_code: mine.code, result_kind: 'RESULT_KIND_PAPER' });
  await signIn(page);
  await openQueue(page, 'Chờ trả kết quả', '9');
  await expect(rows(page).filter({ hasText: mine.applicant.name }).locator('.badge')).toHaveText('Đã xử lý xong');
  await page.screenshot({ path: `${SHOTS}/queue-ready.png` });

  await openRow(page, mine.applicant.name, mine.code);
  await page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
  const methods = page.locator('#action-form fieldset.choice').getByRole('radio');
  await expect(methods).toHaveCount(3);
  await expect(page.getByRole('radio', { name: 'Tại Bộ phận Một cửa' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Qua bưu chính' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Trực tuyến' })).toBeVisible();
  await page.getByRole('radio', { name: 'Qua bưu chính' }).check();
  const returned = page.waitForResponse((r) => isCommand('return-result')(r.request()));
  await page.getByRole('button', { name: 'Xác nhận trả kết quả' }).click();
  expect((await returned).request().postDataJSON()).toEqual({ dossier_code: mine.code, method: 'RETURN_METHOD_POST' });
  await expect(fact(page, 'status')).toContainText('Đã trả kết quả');
  await expect(page.locator('ol.timeline > li').last()).toContainText('Hình thức: qua bưu chính');
  expect((await fetchDossier(request, mine.code)).dossier.return_method).toBe('RETURN_METHOD_POST');

  await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  await expect(rows(page).filter({ hasText: mine.applicant.name })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('waiting for a supplement: the queue, Mẫu 02 to print again, and the citizen withdraws', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  const mine = await receive(request, unique('Lý Thị Chờ Bổ Sung'));
  await command(request, RECEPTION_TOKEN, 'request-supplement', {
    dossier_code: mine.code,
    reason: 'Thiếu trích lục ghi chú ly hôn',
    documents: ['Trích lục ghi chú ly hôn'],
  });
  await signIn(page);
  await openQueue(page, 'Chờ bổ sung', '5');
  await expect(page).toHaveURL(/#hang-doi\/cho-bo-sung$/);
  await openRow(page, mine.applicant.name, mine.code);

  // Mẫu 02, printed again from the detail (the session cookie authenticates the tab).
  const letterTab = context.waitForEvent('page');
  await fact(page, 'letters').getByRole('button', { name: 'In phiếu yêu cầu bổ sung (Mẫu 02)' }).click();
  const letter = await letterTab;
  await letter.waitForLoadState();
  expect(new URL(letter.url()).pathname).toBe(`/v1/dossiers/${encodeURIComponent(mine.code)}/supplement-request`);
  await expect(letter.locator('body')).toContainText('Trích lục ghi chú ly hôn');
  await letter.close();

  // The citizen asks to withdraw: reception records it, with the reason.
  expect(await actionButtons(page).allTextContents()).toEqual(['Nhận bổ sung', 'Xin lỗi, hẹn lại', 'Rút hồ sơ']);
  await page.getByRole('button', { name: 'Rút hồ sơ', exact: true }).click();
  await expect(page.locator('#action-form')).toContainText('Rút hồ sơ là bước cuối');
  await page.getByLabel('Lý do (theo đề nghị của công dân)').fill('Công dân không còn nhu cầu');
  const withdrawn = page.waitForResponse((r) => isCommand('withdraw')(r.request()));
  await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
  expect((await withdrawn).request().postDataJSON()).toEqual({ dossier_code: mine.code, reason: 'Công dân không còn nhu cầu' });
  await expect(fact(page, 'status')).toContainText('Công dân yêu cầu rút hồ sơ');
  await expect(page.locator('.done-notice')).toHaveText('Đã ghi nhận công dân rút hồ sơ.');
  await expect(actionButtons(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
  await expect(rows(page).filter({ hasText: mine.applicant.name })).toHaveCount(0);
  await openQueue(page, 'Đã rút', '7');
  await expect(rows(page).filter({ hasText: mine.applicant.name })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/queue-withdrawn.png` });
  expect(problems).toEqual([]);
});

test('the specialist has no reception queues and is never offered accept, refuse or withdraw', async ({ page, request }) => {
  const online = await registerOnline(request, unique('Mai Văn Không Phải Việc'));
  await signIn(page, 'tuphap01', 'tuphap01-demo');
  await expect(page.locator('nav.queue-tabs button > span:first-child')).toHaveText(['Hồ sơ của tôi', 'Tất cả hồ sơ']);
  await expect(page.locator('nav.queue-tabs .queue-tab[aria-current="page"]')).toContainText('Hồ sơ của tôi');
  await page.getByLabel('Tìm theo mã hồ sơ').fill(online.code);
  await page.getByLabel('Tìm theo mã hồ sơ').press('Enter');
  await expect(page.locator('section.detail')).toHaveAttribute('data-code', online.code);
  await expect(actionButtons(page)).toHaveCount(0);
  // And the server agrees.
  const refused = await request.post('/v1/commands/refuse', {
    headers: { Authorization: `Bearer ${SPECIALIST_TOKEN}`, Accept: 'application/json' },
    data: { dossier_code: online.code, reason: 'x' },
  });
  expect(refused.status()).toBe(403);
});

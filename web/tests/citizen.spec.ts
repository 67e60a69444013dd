// The citizen's lookup page (/tra-cuu, dist/citizen.html) against the real motcuad: no
// account, only the dossier code and the receipt's lookup secret. Dossiers are made
// through the API (reception receives, hands over, the specialist asks for a supplement)
// with applicant names no other test uses; the page is then opened in a fresh browser
// context with no session, as a citizen's phone would.
// Two lookups here fail on purpose (a wrong secret, an unknown code): motcuad counts them
// with the wrong passwords of desk.spec.ts (it throttles an address after 10 a minute).

import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import {
  RECEPTION_TOKEN, SPECIALIST_TOKEN, SPECIALIST_UNIT, command, handOverToSpecialist, post, unique, vietnamTime,
  watchForErrors, type DossierJson,
} from './support';

const SHOTS = 'screenshots';
const PHONE = '0987654321';
const SUPPLEMENT_REASON = 'Thiếu bản sao Giấy khai sinh của người yêu cầu';

/** CitizenView as GET /v1/lookup/{code} prints it (the fields the tests read). */
interface CitizenViewJson {
  code: string;
  status: string;
  received_at: string;
  appointment_at: string;
  new_appointment_at?: string;
  apology_reason?: string;
  steps?: { at?: string; title?: string; detail?: string }[];
}

/** Receives a dossier at the counter; returns it with the receipt's lookup secret. */
async function receiveWithSecret(request: APIRequestContext, applicant: string): Promise<{ dossier: DossierJson; secret: string }> {
  const reply = await post(request, RECEPTION_TOKEN, 'receive', {
    procedure_code: '1.004873',
    applicant: { name: applicant, phone: PHONE },
    channel: 'CHANNEL_COUNTER',
    documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', copies: 1 }],
  });
  expect(reply.status(), await reply.text()).toBe(200);
  const body = (await reply.json()) as { dossier: DossierJson; lookup_secret?: string };
  expect(body.lookup_secret ?? '').not.toBe('');
  return { dossier: body.dossier, secret: body.lookup_secret ?? '' };
}

/** The lookup as the API answers it, checked to carry nothing of the applicant. */
async function lookUp(request: APIRequestContext, code: string, secret: string, applicant: string): Promise<CitizenViewJson> {
  const reply = await request.get(`/v1/lookup/${encodeURIComponent(code)}`, { params: { secret } });
  expect(reply.status(), await reply.text()).toBe(200);
  const text = await reply.text();
  expect(text).not.toContain(applicant);
  expect(text).not.toContain(PHONE);
  return JSON.parse(text) as CitizenViewJson;
}

/** The address the receipt's QR code carries. */
function qrPath(code: string, secret: string): string {
  return `/tra-cuu#ma=${encodeURIComponent(code)}&k=${encodeURIComponent(secret)}`;
}

/** A browser context of its own (no cookie, nothing stored), as a citizen's phone or the counter's screen. */
async function citizenContext(browser: Browser, baseURL: string | undefined, phone: boolean): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseURL ?? '',
    locale: 'vi-VN',
    timezoneId: 'UTC', // the page must show Vietnam time whatever the device's zone
    ...(phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: { width: 1366, height: 768 } }),
  });
}

/** The files citizen.html names (its script, style and icon), as /assets/… paths. */
function citizenAssets(): string[] {
  const html = readFileSync('dist/citizen.html', 'utf8');
  return [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
}

/** Records every request the page makes. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

function isLookup(code: string): (r: { url(): string }) => boolean {
  return (r) => new URL(r.url()).pathname === `/v1/lookup/${encodeURIComponent(code)}`;
}

test('the receipt’s QR link shows the status, appointment and steps, and nothing personal', async ({ browser, baseURL, request }) => {
  const applicant = unique('Phạm Thị Tra Cứu');
  const { dossier, secret } = await receiveWithSecret(request, applicant);
  await handOverToSpecialist(request, dossier.code);
  await command(request, SPECIALIST_TOKEN, 'request-supplement', {
    dossier_code: dossier.code,
    reason: SUPPLEMENT_REASON,
    documents: ['Bản sao Giấy khai sinh'],
  });
  const view = await lookUp(request, dossier.code, secret, applicant);
  const steps = view.steps ?? [];

  for (const phone of [false, true]) {
    const context = await citizenContext(browser, baseURL, phone);
    const page = await context.newPage();
    const problems = watchForErrors(page);
    const requests = recordRequests(page);
    const answered = page.waitForResponse(isLookup(dossier.code));
    const served = await page.goto(qrPath(dossier.code, secret));
    // Served with the desk's strict policy: nothing inline, only this server's files.
    expect(served?.headers()['content-security-policy'] ?? '').toContain("default-src 'self'");
    expect((await answered).status()).toBe(200);

    await expect(page).toHaveTitle('Tra cứu hồ sơ — Bộ phận Một cửa');
    await expect(page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' })).toBeVisible();
    // Both codes filled from the address, and looked up at once.
    await expect(page.getByLabel('Mã hồ sơ')).toHaveValue(dossier.code);
    await expect(page.getByLabel('Mã tra cứu')).toHaveValue(secret);
    const result = page.locator('article.result');
    await expect(result.locator('.result-code')).toHaveText(`Hồ sơ ${dossier.code}`);
    await expect(page.locator('#result-status')).toHaveText('Cần bổ sung hồ sơ');
    await expect(page.locator('#result-status')).toBeFocused();
    await expect(result.locator('.fact[data-field="procedure"] dd')).toHaveText('Thủ tục cấp Giấy xác nhận tình trạng hôn nhân');
    await expect(result.locator('.fact[data-field="received"] dd')).toHaveText(vietnamTime(view.received_at));
    await expect(result.locator('.fact[data-field="appointment"] dt')).toHaveText('Ngày hẹn trả');
    await expect(result.locator('.fact[data-field="appointment"] dd')).toHaveText(vietnamTime(view.appointment_at));
    await expect(result.locator('.apology')).toHaveCount(0);

    // The steps, oldest first: received, handed to the unit, the supplement asked for with its reason.
    expect(steps.length).toBeGreaterThanOrEqual(3);
    const items = result.locator('ol.timeline > li');
    await expect(items).toHaveCount(steps.length);
    await expect(items.locator('.step-title')).toHaveText(steps.map((s) => s.title ?? ''));
    await expect(items.nth(0).locator('.step-title')).toContainText('Tiếp nhận');
    await expect(items.nth(0).locator('.step-at')).toHaveText(vietnamTime(view.received_at));
    await expect(items.filter({ hasText: SPECIALIST_UNIT })).toHaveCount(1);
    const last = items.last();
    await expect(last.locator('.step-title')).toContainText('bổ sung');
    await expect(last.locator('.step-detail')).toContainText(SUPPLEMENT_REASON);

    // Nothing of the applicant anywhere in the page (text, attributes, markup).
    const html = await page.content();
    expect(html).not.toContain(applicant);
    expect(html).not.toContain(PHONE);
    // The secret stays in the fragment: never in a request's address (nor a cookie sent).
    const lookupRequest = requests.find(isLookup(dossier.code));
    expect(lookupRequest?.headers()['cookie']).toBeUndefined();

    // Only this server, and of its files only citizen.html's own (never the desk's bundle).
    const assets = citizenAssets();
    for (const r of requests) {
      const url = new URL(r.url());
      expect(url.origin, r.url()).toBe(new URL(baseURL ?? '').origin);
      const allowed = url.pathname === '/tra-cuu' || assets.includes(url.pathname) || isLookup(dossier.code)(r);
      expect(allowed, `unexpected request ${r.url()}`).toBe(true);
      expect(url.search.includes(secret) && !isLookup(dossier.code)(r), `secret in ${r.url()}`).toBe(false);
    }
    for (const asset of assets.filter((a) => !a.endsWith('.svg'))) {
      expect(requests.some((r) => new URL(r.url()).pathname === asset), `${asset} loaded`).toBe(true);
    }

    if (phone) {
      // One column that fits the phone: nothing to scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: `${SHOTS}/${phone ? 'citizen-lookup-phone' : 'citizen-lookup'}.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }
});

test('a wrong secret gets the server’s line, the same as an unknown code, and keeps what was typed', async ({ browser, baseURL, request }) => {
  const applicant = unique('Đỗ Văn Sai Mã');
  const { dossier, secret } = await receiveWithSecret(request, applicant);
  const context = await citizenContext(browser, baseURL, true);
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto('/tra-cuu');
  await expect(page.getByLabel('Mã hồ sơ')).toBeFocused();

  async function tryLookup(code: string, typedSecret: string): Promise<{ status: number; message: string }> {
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('Mã tra cứu').fill(typedSecret);
    const reply = page.waitForResponse(isLookup(code.trim().toUpperCase()));
    await page.getByLabel('Mã tra cứu').press('Enter');
    const response = await reply;
    const body = response.ok() ? {} : ((await response.json()) as { message?: string });
    return { status: response.status(), message: body.message ?? '' };
  }

  const wrongSecret = secret === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
  const wrong = await tryLookup(dossier.code, wrongSecret);
  expect(wrong.status).toBe(404);
  expect(wrong.message).not.toBe('');
  const error = page.locator('#lookup-error');
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toHaveText(wrong.message);
  expect(await error.evaluate((n) => n.childElementCount)).toBe(0); // as text
  await expect(page.getByLabel('Mã hồ sơ')).toHaveValue(dossier.code);
  await expect(page.getByLabel('Mã tra cứu')).toHaveValue(wrongSecret);
  await expect(page.locator('article.result')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/citizen-wrong-secret-phone.png` });

  // An unknown code with the right secret: the same line (naming the code typed), so a
  // guess learns nothing about which of the two was wrong.
  const unknownCode = `${dossier.code}0`;
  const unknown = await tryLookup(unknownCode, secret);
  expect(unknown.status).toBe(404);
  expect(unknown.message).toBe(wrong.message.split(dossier.code).join(unknownCode));
  await expect(error).toHaveText(unknown.message);

  // The right pair, typed as a phone might (lower case, a space): the answer, the line gone.
  const right = await tryLookup(` ${dossier.code.toLowerCase()} `, `${secret.slice(0, 4).toLowerCase()} ${secret.slice(4)}`);
  expect(right.status).toBe(200);
  await expect(page.locator('#result-status')).toHaveText('Đã tiếp nhận');
  await expect(error).toBeHidden();
  // Typed lookups never write the secret into the address.
  expect(page.url()).not.toContain(secret);
  expect(await page.content()).not.toContain(applicant);
  expect(problems).toEqual([]);
  await context.close();
});

test('an apology shows its reason and the new appointment', async ({ browser, baseURL, request }) => {
  const applicant = unique('Vũ Thị Xin Lỗi');
  const { dossier, secret } = await receiveWithSecret(request, applicant);
  await handOverToSpecialist(request, dossier.code);
  const reason = 'Chờ xác minh thông tin hộ tịch tại nơi cư trú trước đây';
  const later = new Date(new Date(dossier.appointment_at).getTime() + 2 * 24 * 3600_000).toISOString();
  await command(request, SPECIALIST_TOKEN, 'apologize', {
    dossier_code: dossier.code,
    reason,
    new_appointment_at: later,
    signed_by: 'Nguyễn Văn Chủ Tịch',
  });
  const view = await lookUp(request, dossier.code, secret, applicant);

  const context = await citizenContext(browser, baseURL, true);
  const page = await context.newPage();
  const problems = watchForErrors(page);
  await page.goto(qrPath(dossier.code, secret));
  await expect(page.locator('#result-status')).toHaveText('Đang xử lý');
  const box = page.locator('article.result .apology');
  await expect(box.getByRole('heading', { name: 'Cơ quan xin lỗi vì hồ sơ trễ hạn' })).toBeVisible();
  await expect(box.locator('.apology-reason')).toHaveText(`Lý do: ${reason}`);
  await expect(box.locator('.apology-date')).toHaveText(`Ngày hẹn trả mới: ${vietnamTime(later)}`);
  const facts = page.locator('article.result .facts');
  await expect(facts.locator('.fact[data-field="appointment"] dt')).toHaveText('Ngày hẹn trả mới');
  await expect(facts.locator('.fact[data-field="appointment"] dd')).toHaveText(vietnamTime(later));
  await expect(facts.locator('.fact[data-field="first-appointment"] dd')).toHaveText(vietnamTime(view.appointment_at));
  expect(await page.content()).not.toContain(applicant);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/citizen-apology-phone.png`, fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
});

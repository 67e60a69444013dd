// The citizen rates a returned dossier from the receipt's QR link, on a phone. The
// dossier goes through the API (received, handed to the specialist, result ready,
// returned at the counter); the receipt's QR code is read from its pixels (qr-scan.ts)
// and must carry exactly the link printed beside it; the page then runs in a fresh phone-sized context, as a
// citizen's phone would. Rated once: the form is gone, a page still showing it gets the
// server's 409 sentence, and a direct second POST gets 409.
// One lookup here fails on purpose (the wrong secret): motcuad counts it with the
// failed sign-ins of this address (10 a minute).

import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import {
  RECEPTION_TOKEN, SPECIALIST_TOKEN, bearer, command, handOverToSpecialist, post, unique, watchForErrors, type DossierJson,
} from './support';
import { scanQrCode } from './qr-scan';

const SHOTS = 'screenshots';
const COMMENT = 'Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.';

async function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
}

/** The receipt's QR link (/tra-cuu#ma=…&k=…) as the printed page carries it. */
function qrLinkIn(html: string): URL {
  const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
  const link = hrefs.find((href) => /\/tra-cuu#ma=/.test(href));
  expect(link, `no /tra-cuu#ma=… link among ${JSON.stringify(hrefs)}`).toBeDefined();
  return new URL(link as string);
}

test('the citizen rates a returned dossier once from the receipt\'s QR link, on a phone', async ({ browser, request, baseURL }) => {
  // Received, handed over, ready, returned: finished, so it may be rated.
  const received = await post(request, RECEPTION_TOKEN, 'receive', {
    procedure_code: '1.004873',
    applicant: { name: unique('Đỗ Thị Đánh Giá') },
    channel: 'CHANNEL_COUNTER',
    documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', copies: 1 }],
  });
  expect(received.status(), await received.text()).toBe(200);
  const dossier = ((await received.json()) as { dossier: DossierJson }).dossier;
  await handOverToSpecialist(request, dossier.code);
  await command(request, SPECIALIST_TOKEN, 'result-ready', { dossier_code: dossier.code, result_kind: 'RESULT_KIND_PAPER' });
  await command(request, RECEPTION_TOKEN, 'return-result', { dossier_code: dossier.code, method: 'RETURN_METHOD_COUNTER' });

  const receipt = await request.get(`/v1/dossiers/${encodeURIComponent(dossier.code)}/receipt`, {
    headers: { ...bearer(RECEPTION_TOKEN), Accept: 'text/html' },
    params: { format: 'html' },
  });
  expect(receipt.status(), await receipt.text()).toBe(200);
  const html = await receipt.text();
  // The symbol, read from its pixels as a phone would, carries exactly the printed link.
  const scanned = await scanQrCode(browser, html);
  const link = qrLinkIn(html);
  expect(scanned).toBe(link.toString());
  const fragment = new URLSearchParams(link.hash.slice(1));
  expect(fragment.get('ma')).toBe(dossier.code);
  const secret = fragment.get('k') ?? '';
  expect(secret).not.toBe('');

  const context = await phone(browser);
  const page = await context.newPage();
  const problems = watchForErrors(page);
  // The link's own path and fragment on this test's server.
  await page.goto(new URL(link.pathname + link.hash, baseURL).toString());
  await expect(page.locator('#result-status')).toHaveText('Đã trả kết quả');
  await expect(page.locator('#lookup-code')).toHaveValue(dossier.code);
  // The secret leaves the address bar once read.
  await expect.poll(() => page.url()).not.toContain(secret);
  await expect(page.getByRole('heading', { name: 'Quá trình xử lý' })).toBeVisible();
  await expect(page.locator('.timeline .step').first()).toBeVisible();

  // A second phone has the same link open, with the form, before the rating is given.
  const stale = await context.newPage();
  await stale.goto(new URL(link.pathname + link.hash, baseURL).toString());
  await expect(stale.locator('section.rating form')).toBeVisible();

  // The five levels, then "Hài lòng" with a comment.
  const rating = page.locator('section.rating');
  await expect(rating.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' })).toBeVisible();
  await expect(rating.getByRole('radio')).toHaveCount(5);
  for (const level of ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng']) {
    await expect(rating.getByRole('radio', { name: level, exact: true })).toBeVisible();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await rating.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await rating.getByLabel('Góp ý (không bắt buộc)').fill(COMMENT);
  await page.screenshot({ path: `${SHOTS}/web-citizen-phone.png`, fullPage: true });
  const sent = page.waitForRequest((r) => r.url().endsWith(`/v1/lookup/${encodeURIComponent(dossier.code)}/rating`) && r.method() === 'POST');
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  const body = (await sent).postDataJSON() as { secret: string; satisfaction: string; comment?: string };
  expect(body).toEqual({ secret, satisfaction: 'SATISFACTION_SATISFIED', comment: COMMENT });
  await expect(rating.locator('.rating-done')).toContainText('Cảm ơn');
  await expect(rating.locator('.rating-done strong')).toHaveText('Hài lòng');
  await page.screenshot({ path: `${SHOTS}/web-citizen-rated-phone.png`, fullPage: true });

  // Again: no form any more, the level given; the API refuses a second rating.
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.locator('#result-status')).toHaveText('Đã trả kết quả');
  await expect(page.locator('section.rating form')).toHaveCount(0);
  await expect(page.locator('section.rating strong')).toHaveText('Hài lòng');
  const again = await request.post(`/v1/lookup/${encodeURIComponent(dossier.code)}/rating`, {
    headers: { Accept: 'application/json' },
    data: { secret, satisfaction: 'SATISFACTION_VERY_DISSATISFIED' },
  });
  expect(again.status(), await again.text()).toBe(409);
  const refusal = ((await again.json()) as { message?: string }).message ?? '';
  expect(refusal).not.toBe('');

  // The stale page's rating is refused with the server's sentence, and its form closes.
  await stale.getByRole('radio', { name: 'Rất hài lòng', exact: true }).check();
  await stale.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(stale.locator('#rating-error')).toHaveText(refusal);
  await expect(stale.getByRole('radio', { name: 'Rất hài lòng', exact: true })).toBeDisabled();
  await expect(stale.getByRole('button', { name: 'Gửi đánh giá' })).toBeHidden();
  await stale.locator('section.rating').screenshot({ path: `${SHOTS}/web-citizen-rating-refused-phone.png` });
  const view = await request.get(`/v1/lookup/${encodeURIComponent(dossier.code)}`, { params: { secret } });
  expect(((await view.json()) as { satisfaction?: string }).satisfaction).toBe('SATISFACTION_SATISFIED');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // A wrong secret: the one not-found line, nothing of the dossier.
  const wrong = await context.newPage();
  await wrong.goto(`/tra-cuu#ma=${encodeURIComponent(dossier.code)}&k=${secret === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH'}`);
  await expect(wrong.locator('#lookup-error')).toBeVisible();
  await expect(wrong.locator('#lookup-error')).not.toHaveText('');
  await expect(wrong.locator('#lookup-answer')).toBeEmpty();
  await expect(wrong.locator('section.rating')).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});

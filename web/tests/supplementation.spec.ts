// Supplementation as the law writes it, on the desk, against the real motcuad on its
// test clock: a dossier is received, some of its working time used, a supplement asked
// for and brought a working day later. The statistics' appointment is moved by the wait;
// the citizen's is the full duration again from the complete dossier (docs/domain.md
// "Supplementation"), and the desk shows both. The process-control slip (Mẫu 05) opens
// from the detail to print. The clock only moves forward; this file runs last.

import { expect, test, type Page } from '@playwright/test';
import { command, fetchDossier, receive, RECEPTION_TOKEN, setClock, signIn, vietnamTime, watchForErrors } from './support';

const SHOTS = 'screenshots';

const fact = (page: Page, name: string) => page.locator(`section.detail .fact[data-field="${name}"] dd`);

/** 10:00 Vietnam time on the next working day after `instant` (December 2026 has no holiday). */
function nextWorkingDayAtTen(instant: Date): Date {
  const vietnam = (x: Date) => new Date(x.getTime() + 7 * 3600_000); // UTC+7, no DST
  let day = new Date(Date.UTC(vietnam(instant).getUTCFullYear(), vietnam(instant).getUTCMonth(), vietnam(instant).getUTCDate() + 1));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + 24 * 3600_000);
  return new Date(day.getTime() + (10 - 7) * 3600_000);
}

test('a supplement restarts the citizen’s appointment, shown beside the statistics’ one; the slip prints', async ({ page, context, request }) => {
  const problems = watchForErrors(page);
  // Found by its code: a plain name, as the printed slip would carry it.
  const mine = await receive(request, 'Đặng Thị Phương Thảo');
  // A working day of the duration is used before the request, so the restart gives more.
  const asked = nextWorkingDayAtTen(new Date(mine.received_at));
  await setClock(request, asked);
  await command(request, RECEPTION_TOKEN, 'request-supplement', {
    dossier_code: mine.code,
    reason: 'Thiếu bản sao giấy khai sinh',
    documents: ['Bản sao giấy khai sinh'],
  });
  await setClock(request, nextWorkingDayAtTen(asked));
  await command(request, RECEPTION_TOKEN, 'supplement', { dossier_code: mine.code, documents: [{ name: 'Bản sao giấy khai sinh', copies: 1 }] });
  const { dossier } = await fetchDossier(request, mine.code);
  const json = dossier as unknown as { appointment_at: string; citizen_appointment_at: string };
  expect(new Date(json.citizen_appointment_at).getTime()).toBeGreaterThan(new Date(json.appointment_at).getTime());

  await signIn(page);
  await page.getByLabel('Tìm theo mã hồ sơ').fill(mine.code);
  await page.getByLabel('Tìm theo mã hồ sơ').press('Enter');
  await expect(page.locator('section.detail')).toHaveAttribute('data-code', mine.code);
  await expect(fact(page, 'appointment')).toContainText(vietnamTime(json.appointment_at));
  await expect(fact(page, 'appointment')).toContainText(`Hẹn công dân (tính lại từ khi nhận đủ hồ sơ): ${vietnamTime(json.citizen_appointment_at)}`);
  await expect(fact(page, 'appointment')).not.toContainText('quá thời hạn luật định'); // asked within 3 working days
  const supplied = page.locator('ol.timeline > li').filter({ hasText: 'Công dân đã bổ sung hồ sơ' });
  await expect(supplied).toContainText(`Hẹn công dân (tính lại từ đầu): ${vietnamTime(json.citizen_appointment_at)}`);
  await page.screenshot({ path: `${SHOTS}/supplement-restart.png`, fullPage: true });

  // The slip (Mẫu 05), from the detail's print buttons.
  const slipTab = context.waitForEvent('page');
  await fact(page, 'letters').getByRole('button', { name: 'In phiếu kiểm soát (Mẫu 05)' }).click();
  const slip = await slipTab;
  await slip.waitForLoadState();
  expect(new URL(slip.url()).pathname).toBe(`/v1/dossiers/${encodeURIComponent(mine.code)}/slip`);
  await expect(slip.locator('body')).toContainText('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', { ignoreCase: true });
  await expect(slip.locator('body')).toContainText('hẹn công dân (tính lại từ đầu)');
  await slip.screenshot({ path: `${SHOTS}/control-slip.png`, fullPage: true });
  await slip.close();
  expect(problems).toEqual([]);
});

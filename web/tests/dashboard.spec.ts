// The leader's dashboard ("Bảng điều hành") against the real motcuad, on a year of
// finished sample dossiers (seed-history.ts, imported once). Every figure the page
// shows is compared with GET /v1/stats for the same period, fetched here with the
// administrator's token; the report is printed to PDF and downloaded as CSV and .xlsx.

import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { seedHistory } from './seed-history';
import {
  ADMIN_TOKEN, RECEPTION_TOKEN, SPECIALIST_PASSWORD, SPECIALIST_TOKEN, SPECIALIST_USER, bearer, command, signIn, unique, watchForErrors,
} from './support';
import { unzip } from './unzip';

const SHOTS = 'screenshots';
const LEADER = process.env['MOTCUA_LEADER_USER'] ?? 'chutich01';
const LEADER_PASSWORD = process.env['MOTCUA_LEADER_PASSWORD'] ?? 'chutich01-demo';
const STATISTICS_USER = process.env['MOTCUA_STATISTICS_USER'] ?? 'thongke01';
const STATISTICS_PASSWORD = process.env['MOTCUA_STATISTICS_PASSWORD'] ?? 'thongke01-demo';
const ROWS_PER_PAGE = 40;

interface Figure { num?: number; den?: number; ratio?: number; codes?: { num?: string[]; den?: string[] } }
interface Target { rate: string; evaluable?: boolean; met?: boolean }
type Row = Record<string, string | number | undefined>;
interface Stats {
  targets?: Target[];
  report?: { rows?: Row[]; total?: Row };
  [rate: string]: unknown;
}

/** The report's number columns in the page's (and the CSV's) order. */
const CSV_COLUMNS = [
  'to_handle', 'new_online', 'new_counter_or_post', 'carried_over', 'resolved', 'resolved_early',
  'resolved_on_the_day', 'resolved_late', 'in_progress', 'in_progress_within_deadline',
  'in_progress_overdue', 'waiting_for_supplement', 'withdrawn', 'stopped', 'withdrawn_or_returned',
  'accepted_late',
  'supplement_late',
];

const count = (n: number | undefined): string => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n ?? 0);
const percent = (ratio: number | undefined): string =>
  `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((ratio ?? 0) * 100)}%`;

async function stats(request: APIRequestContext, from: string, to: string, codes = false): Promise<Stats> {
  const reply = await request.get('/v1/stats', { headers: bearer(ADMIN_TOKEN), params: { from, to, format: 'json', ...(codes && { codes: '1' }) } });
  expect(reply.status(), await reply.text()).toBe(200);
  return (await reply.json()) as Stats;
}

function figure(s: Stats, rate: string): Figure {
  return (s[rate] ?? {}) as Figure;
}

/** Signs in as the leader and opens the dashboard for March 2025. */
async function openMarch2025(page: Page): Promise<void> {
  await signIn(page, LEADER, LEADER_PASSWORD);
  await page.getByRole('button', { name: 'Bảng điều hành' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều hành' })).toBeVisible();
  await expect(page).toHaveURL(/#bang-dieu-hanh$/);
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('month');
  await page.getByLabel('Tháng', { exact: true }).selectOption('3');
  await page.getByLabel('Năm', { exact: true }).fill('2025');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page.locator('section.dashboard')).toHaveAttribute('data-from', '2025-03-01');
  await expect(page.locator('#dash-targets')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#dash-report')).toHaveAttribute('data-state', 'ready');
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  await seedHistory(request);
});

test('the leader sees each target of March 2025 as GET /v1/stats gives it, and the dossiers behind a figure', async ({ page, request }) => {
  const problems = watchForErrors(page);
  await openMarch2025(page);
  const march = await stats(request, '2025-03-01', '2025-03-31');
  const targets = march.targets ?? [];
  expect(targets.length).toBeGreaterThan(0);

  // The plan's targets in their order, each with the server's figures.
  const items = page.locator('.target-list > li');
  await expect(items).toHaveCount(targets.length);
  for (const [i, t] of targets.entries()) {
    const item = items.nth(i);
    const f = figure(march, t.rate);
    await expect(item).toHaveAttribute('data-rate', t.rate);
    await expect(item.locator('.target-percent')).toHaveText((f.den ?? 0) === 0 ? 'chưa có dữ liệu' : percent(f.ratio));
    await expect(item.locator('.figure-button[data-part="num"]')).toHaveText(count(f.num));
    await expect(item.locator('.figure-button[data-part="den"]')).toHaveText(count(f.den));
    const state = !(t.evaluable ?? false) ? 'none' : (t.met ?? false) ? 'met' : 'missed';
    await expect(item).toHaveAttribute('data-state', state);
    // Missed is said in words and with a mark, not only in red.
    if (state === 'missed') await expect(item.locator('.verdict')).toContainText('✗ Chưa đạt');
    if (state === 'met') await expect(item.locator('.verdict')).toContainText('✓ Đạt —');
    if (state === 'none') await expect(item.locator('.verdict')).toContainText('Chưa có dữ liệu');
  }

  // The dossiers behind the on-time rate's denominator: the late ones are those not in the numerator.
  const withCodes = await stats(request, '2025-03-01', '2025-03-31', true);
  const onTime = figure(withCodes, 'resolved_on_time');
  const inNum = new Set(onTime.codes?.num ?? []);
  const late = (onTime.codes?.den ?? []).filter((c) => !inNum.has(c));
  expect(late.length, 'March 2025 has late dossiers in the sample').toBeGreaterThan(0);
  await page.locator('.target[data-rate="resolved_on_time"] .figure-button[data-part="den"]').click();
  const panel = page.locator('.codes-panel[data-rate="resolved_on_time"][data-part="den"]');
  await expect(panel.locator('[data-group="outside"] h4')).toHaveText(`Giải quyết quá hạn (${count(late.length)})`);
  await expect(panel.locator('[data-group="outside"] button[data-code]')).toHaveText(late);
  await expect(panel.locator('[data-group="inside"] button[data-code]')).toHaveCount(inNum.size);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.locator('#dash-targets').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/web-dashboard-codes.png` });

  // One of them opens in the desk's detail; back returns to the dashboard.
  const code = late[0] as string;
  await panel.locator(`button[data-code="${code}"]`).click();
  await expect(page.locator('#detail-title')).toContainText(code);
  await expect(page).toHaveURL(new RegExp(`#ho-so/${encodeURIComponent(code).replace(/\./g, '\\.')}$`));
  await page.getByRole('button', { name: 'Quay lại bảng điều hành' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều hành' })).toBeVisible();
  await expect(page).toHaveURL(/#bang-dieu-hanh$/);

  // Procedure codes of the internal-process rate are text, not links.
  await page.locator('.target[data-rate="internal_process_published"] .figure-button[data-part="num"]').click();
  const procedures = page.locator('.codes-panel[data-rate="internal_process_published"]');
  await expect(procedures).toBeVisible();
  await expect(procedures.locator('button[data-code]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the trend, the report, its print and downloads agree with GET /v1/stats', async ({ page, request }) => {
  const problems = watchForErrors(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openMarch2025(page);
  await expect(page.locator('#dash-trend')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#dash-action')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#dash-holders')).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: `${SHOTS}/web-dashboard.png` });
  await page.screenshot({ path: `${SHOTS}/web-dashboard-full.png`, fullPage: true });
  await expect(page.locator('#dash-steps')).toHaveAttribute('data-state', 'ready');
  for (const part of ['trend', 'report', 'holders', 'steps', 'satisfaction']) {
    await page.locator(`#dash-${part}`).screenshot({ path: `${SHOTS}/web-dashboard-${part}.png` });
  }

  // The trend's February is GET /v1/stats for February, rate by rate; March is March.
  const february = await stats(request, '2025-02-01', '2025-02-28');
  const march = await stats(request, '2025-03-01', '2025-03-31');
  await page.getByText('Xem số liệu dạng bảng').click();
  for (const [month, s] of [['2025-02', february], ['2025-03', march]] as const) {
    for (const t of s.targets ?? []) {
      const f = figure(s, t.rate);
      await expect(page.locator(`.trend-table td[data-rate="${t.rate}"][data-month="${month}"]`)).toHaveText((f.den ?? 0) === 0 ? '—' : percent(f.ratio));
    }
  }
  await expect(page.locator('.spark-item')).toHaveCount(march.targets?.length ?? 0);

  // The report: the server's rows in its order, and its total.
  const rows = march.report?.rows ?? [];
  const total = march.report?.total ?? {};
  const table = page.locator('#report-table');
  await expect(table.locator('tbody.report-page tr')).toHaveCount(rows.length);
  for (const [i, row] of rows.entries()) {
    const line = table.locator('tbody.report-page tr').nth(i);
    await expect(line).toHaveAttribute('data-procedure', String(row['procedure_code'] ?? ''));
    await expect(line.locator('td[data-column="to_handle"]')).toHaveText(count(Number(row['to_handle'] ?? 0)));
    await expect(line.locator('td[data-column="resolved_late"]')).toHaveText(count(Number(row['resolved_late'] ?? 0)));
  }
  for (const key of CSV_COLUMNS) {
    await expect(table.locator(`tr[data-procedure="total"] td[data-column="${key}"]`)).toHaveText(count(Number(total[key] ?? 0)));
  }

  // "In báo cáo" prints the report alone on A4 landscape, at most 40 procedures a page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('#dash-targets')).toBeHidden();
  await expect(page.locator('.print-heading')).toBeVisible();
  await expect(page.locator('.print-period')).toContainText('từ ngày 01/03/2025 đến ngày 31/03/2025');
  await page.screenshot({ path: `${SHOTS}/web-dashboard-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  expect(pages).toBe(Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE)));
  await page.emulateMedia({ media: 'screen' });

  // CSV: UTF-8 with the BOM, the total row as the server counts it.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV' }).click()]);
  const csv = readFileSync(await csvDownload.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).split(/\r?\n/);
  expect(lines).toContain(`,Tổng cộng,${CSV_COLUMNS.map((k) => String(total[k] ?? 0)).join(',')}`);

  // Excel: the three sheets, a procedure's name and the total inside.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel (.xlsx)' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const files = unzip(readFileSync(await xlsxDownload.path()));
  const workbook = files.get('xl/workbook.xml')?.toString('utf8') ?? '';
  for (const sheet of ['Báo cáo', 'Chỉ tiêu', 'Hài lòng']) expect(workbook).toContain(`name="${sheet}"`);
  const xml = [...files.entries()].filter(([name]) => name.startsWith('xl/') && name.endsWith('.xml')).map(([, b]) => b.toString('utf8')).join('\n');
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const named = rows.find((r) => String(r['procedure_name'] ?? '') !== '');
  expect(named).toBeDefined();
  expect(xml).toContain(escape(String(named?.['procedure_name'])));
  expect(xml).toContain('Tổng cộng');
  expect(xml).toMatch(new RegExp(`<v>${Number(total['to_handle'] ?? 0)}</v>`));

  // Satisfaction and the officers' table: the server's rows and total.
  const satisfaction = (march['satisfaction'] ?? []) as Row[];
  const satisfactionTotal = (march['satisfaction_total'] ?? {}) as Row;
  await expect(page.locator('.satisfaction-table tbody:not(.report-sum) tr')).toHaveCount(satisfaction.length);
  for (const key of ['rated', 'very_satisfied', 'satisfied', 'acceptable', 'dissatisfied', 'very_dissatisfied', 'dislike']) {
    await expect(page.locator(`.satisfaction-table tr[data-procedure="total"] td[data-column="${key}"]`)).toHaveText(count(Number(satisfactionTotal[key] ?? 0)));
  }
  await expect(page.locator('.holder-table tbody tr')).toHaveCount(((march['by_holder'] ?? []) as Row[]).length);

  // The steps by unit and officer: the server's rows, each with its counts.
  const steps = (march['by_step_holder'] ?? []) as Row[];
  expect(steps.length, 'the seeded month ended steps').toBeGreaterThan(0);
  await expect(page.locator('.step-table tbody tr')).toHaveCount(steps.length);
  for (const r of steps) {
    const cells = page.locator(`.step-table tr[data-unit="${String(r['unit'] ?? '')}"][data-officer="${String(r['officer'] ?? '')}"] td.num`);
    await expect(cells).toHaveText(['finished', 'early', 'on_time', 'late', 'untimed'].map((k) => {
      const n = Number(r[k] ?? 0);
      return k === 'late' && n > 0 ? `✗ ${count(n)}` : count(n);
    }));
  }
  expect(problems).toEqual([]);
});

test('the report links the tracking book (Mẫu 06) of the same days, to print and as CSV', async ({ page, context }) => {
  const problems = watchForErrors(page);
  await openMarch2025(page);
  const tab = context.waitForEvent('page');
  await page.getByRole('link', { name: 'In sổ theo dõi hồ sơ (Mẫu 06)' }).click();
  const book = await tab;
  await book.waitForLoadState();
  const address = new URL(book.url());
  expect(address.pathname).toBe('/v1/book');
  expect([address.searchParams.get('from'), address.searchParams.get('to'), address.searchParams.get('format')]).toEqual(['2025-03-01', '2025-03-31', 'html']);
  await expect(book.locator('body')).toContainText('Sổ theo dõi hồ sơ', { ignoreCase: true });
  await expect(book.locator('body')).toContainText(/\b\d+\/2025\b/); // numbered through the year
  await book.screenshot({ path: `${SHOTS}/web-tracking-book.png` });
  await book.close();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải sổ theo dõi (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('so-theo-doi-2025-03-01-2025-03-31.csv');
  expect(readFileSync(await download.path()).toString('utf8')).toContain('Số TT,Mã hồ sơ,Người nộp');
  expect(problems).toEqual([]);
});

test('"Cần xử lý ngay" lists the open dossiers the server calls overdue or due soon', async ({ page, request }) => {
  // A same-day procedure (Đăng ký khai sinh) received now is due within the working day.
  const soon = await command(request, RECEPTION_TOKEN, 'receive', {
    procedure_code: '1.001193',
    applicant: { name: unique('Lý Văn Sắp Hạn') },
    channel: 'CHANNEL_COUNTER',
    documents: [{ name: 'Tờ khai đăng ký khai sinh', copies: 1 }],
  });
  await signIn(page, LEADER, LEADER_PASSWORD);
  await page.getByRole('button', { name: 'Bảng điều hành' }).click();
  await expect(page.locator('#dash-action')).toHaveAttribute('data-state', 'ready');
  const reply = await request.get('/v1/dossiers', { headers: bearer(ADMIN_TOKEN), params: { open: '1', limit: '100' } });
  expect(reply.status()).toBe(200);
  const open = ((await reply.json()) as { dossiers?: { code: string; urgency?: string }[] }).dossiers ?? [];
  const urgent = open.filter((d) => d.urgency === 'URGENCY_OVERDUE' || d.urgency === 'URGENCY_DUE_SOON').map((d) => d.code);
  const shown = await page.locator('[data-block="urgent"] button[data-code]').allTextContents();
  expect(shown.sort()).toEqual(urgent.sort());
  expect(urgent, 'the same-day dossier is due soon').toContain(soon.code);
  // Grouped under the receiving officer's unit by name (GET /v1/officers), not the office's code.
  const unit = page.locator('[data-block="urgent"] .action-unit[data-unit="Bộ phận Một cửa"]');
  await expect(unit.locator(`button[data-code="${soon.code}"]`)).toBeVisible();
  await page.locator('#dash-action').screenshot({ path: `${SHOTS}/web-dashboard-action.png` });
  await unit.locator(`button[data-code="${soon.code}"]`).click();
  await expect(page.locator('#detail-title')).toContainText(soon.code);
  await page.getByRole('button', { name: 'Quay lại bảng điều hành' }).click();
  await expect(page.locator('#dash-action')).toHaveAttribute('data-state', 'ready');
  // A reload of #bang-dieu-hanh reopens the dashboard.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều hành' })).toBeVisible();
});

test('the statistics focal point has the dashboard without alerts; a from–to period is typed dd/mm/yyyy', async ({ page, request }) => {
  const problems = watchForErrors(page);
  await signIn(page, STATISTICS_USER, STATISTICS_PASSWORD);
  await page.getByRole('button', { name: 'Bảng điều hành' }).click();
  await expect(page.locator('#dash-action')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-block="apology"]')).toContainText('Tài khoản này không xem cảnh báo.');

  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('range');
  await page.getByLabel('Từ ngày (dd/mm/yyyy)').fill('01/03/2025');
  await page.getByLabel('Đến ngày (dd/mm/yyyy)').fill('31/02/2025');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page.locator('#period-error')).toHaveText('Nhập “Đến ngày” dạng ngày/tháng/năm, ví dụ 31/03/2025.');
  await page.getByLabel('Đến ngày (dd/mm/yyyy)').fill('15/03/2025');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page.locator('#period-error')).toBeHidden();
  await expect(page.locator('section.dashboard')).toHaveAttribute('data-to', '2025-03-15');
  await expect(page.locator('#dash-targets')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#report-title')).toHaveText('Báo cáo định kỳ — Từ 01/03/2025 đến 15/03/2025');
  const half = await stats(request, '2025-03-01', '2025-03-15');
  const f = figure(half, 'resolved_on_time');
  await expect(page.locator('.target[data-rate="resolved_on_time"] .figure-button[data-part="den"]')).toHaveText(count(f.den));
  expect(problems).toEqual([]);
});

test('a specialist has no dashboard', async ({ page, request }) => {
  await signIn(page, SPECIALIST_USER, SPECIALIST_PASSWORD);
  await expect(page.getByRole('button', { name: 'Bảng điều hành' })).toHaveCount(0);
  await page.goto('/#bang-dieu-hanh');
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều hành' })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  const reply = await request.get('/v1/stats', { headers: bearer(SPECIALIST_TOKEN), params: { from: '2025-03-01', to: '2025-03-31' } });
  expect(reply.status()).toBe(403);
});

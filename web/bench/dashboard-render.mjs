// The leader's dashboard for a whole year, timed in a real browser (Debian's
// chromium driven by Playwright), for the benchmark suite (tools/bench,
// bench_dashboard.cc), which starts motcuad on a year of generated dossiers.
//
//   node bench/dashboard-render.mjs URL FROM TO REPETITIONS
//
// Signs in as the demo leader, opens the dashboard, and REPETITIONS times
// picks the year of FROM (after a month, so each pick changes the period):
// the time from the click on "Xem" until every part of the dashboard shows
// that year. Beside it, the API's own time for the same year's statistics and
// trend, asked by the same browser. Prints one JSON line:
//   {"render_ms": [...], "stats_ms": [...], "trend_ms": [...], "dossiers": N}

import { chromium } from '@playwright/test';

const [url, from, to, repetitionsText] = process.argv.slice(2);
const repetitions = Number(repetitionsText ?? '5');
if (!url || !from || !to || !(repetitions > 0)) {
  console.error('usage: node bench/dashboard-render.mjs URL FROM TO REPETITIONS');
  process.exit(2);
}
const year = from.slice(0, 4);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  // Signed in as an officer does it, through the page's own form.
  await page.goto(`${url}/#bang-dieu-hanh`);
  await page.getByLabel('Tên đăng nhập').fill(process.env.MOTCUA_LEADER ?? 'chutich01');
  await page.getByLabel('Mật khẩu').fill(process.env.MOTCUA_LEADER_PASSWORD ?? 'chutich01-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  /** Every part of the dashboard is drawn for the period starting at `start`. */
  const shown = (start) =>
    page.waitForFunction(
      (s) => {
        const root = document.querySelector('[data-from]');
        if (root === null || root.getAttribute('data-from') !== s) return false;
        const parts = [...document.querySelectorAll('.dash-section')];
        return parts.length > 0 && parts.every((p) => p.getAttribute('data-state') === 'ready');
      },
      start,
      { timeout: 120_000, polling: 'raf' },
    );

  await page.waitForSelector('#period-kind', { timeout: 60_000 });

  const render = [];
  for (let i = 0; i < repetitions + 1; i++) {
    // A month first (not timed), so the year is asked for afresh each time.
    await page.selectOption('#period-kind', 'month');
    await page.selectOption('#period-month', '1');
    await page.fill('#period-year', year);
    await page.click('button[type=submit]:has-text("Xem")');
    await shown(`${year}-01-01`);
    await page.selectOption('#period-kind', 'year');
    await page.fill('#period-year', year);
    const started = performance.now();
    await page.click('button[type=submit]:has-text("Xem")');
    await shown(from);
    if (i > 0) render.push(performance.now() - started); // the first warms the caches
  }

  const timed = async (path) => {
    const runs = [];
    for (let i = 0; i < repetitions; i++) {
      const started = performance.now();
      const reply = await page.request.get(`${url}${path}`);
      if (!reply.ok()) throw new Error(`${path}: ${reply.status()}`);
      await reply.body();
      runs.push(performance.now() - started);
    }
    return runs;
  };
  const statsPath = `/v1/stats?from=${from}&to=${to}`;
  const stats_ms = await timed(statsPath);
  const trend_ms = await timed(`/v1/stats/trend?to=${to}`);
  const stats = await (await page.request.get(`${url}${statsPath}`)).json();
  const dossiers = (stats.report?.total?.to_handle ?? 0);
  console.log(JSON.stringify({ render_ms: render, stats_ms, trend_ms, dossiers }));
} finally {
  await browser.close();
}

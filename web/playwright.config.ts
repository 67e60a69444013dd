// Playwright against the real motcuad serving web/dist (run `npm run build` first).
//
// Without MOTCUA_URL, Playwright starts motcuad itself on a fresh database in a new
// temporary folder (removed when the run ends), on 127.0.0.1:18080, with the test
// clock at 2026-12-07 08:00 (Vietnam time). MOTCUAD names the binary (default: the
// ASan build). With MOTCUA_URL, the tests use that running server instead.
// MOTCUA_SERVER_LOG=1 shows motcuad's log.
//
// Uses Debian's Chromium: Playwright never downloads a browser here (install with
// PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const external = process.env['MOTCUA_URL'];
const PORT = 18080;

/**
 * The folder of this run's database. The config is loaded again in every worker;
 * they inherit the runner's environment, so only the runner makes (and removes) it.
 */
function freshDatabaseDir(): string {
  const inherited = process.env['MOTCUA_TEST_DB_DIR'];
  if (inherited !== undefined) return inherited;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-web-'));
  process.env['MOTCUA_TEST_DB_DIR'] = dir;
  // By exit Playwright has stopped motcuad.
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function serverCommand(): string {
  const db = join(freshDatabaseDir(), 'motcua.db');
  return [
    process.env['MOTCUAD'] ?? '../build/asan/tools/motcuad',
    '--config', '../data/config/motcuad.json',
    '--db', db,
    '--listen', `127.0.0.1:${PORT}`,
    '--web-root', 'dist',
    '--public-url', `http://127.0.0.1:${PORT}`, // the receipt's QR code opens this server
    '--test-clock', '2026-12-07 08:00',
  ].map(quote).join(' ');
}

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1, // a small machine, and one server's sign-in throttle
  retries: 0,
  timeout: 60_000, // each test; a loaded CI machine runs ASan motcuad beside the other tests
  forbidOnly: process.env['CI'] !== undefined,
  reporter: [['list']],
  // The dashboard's spec imports a year of finished history (tests/seed-history.ts): the
  // desk's "Tất cả hồ sơ" lists dossiers by deadline, so 2025's would fill the first page
  // the other specs read. It runs after them.
  projects: [
    { name: 'desk', testIgnore: /dashboard\.spec\.ts$/ },
    { name: 'dashboard', testMatch: /dashboard\.spec\.ts$/, dependencies: ['desk'] },
  ],
  ...(external === undefined && {
    webServer: {
      command: serverCommand(), // run from web/ (the config's folder)
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      // motcuad logs every request to stderr: shown with MOTCUA_SERVER_LOG=1
      // (also the way to see why it would not start).
      stdout: 'ignore',
      stderr: process.env['MOTCUA_SERVER_LOG'] === undefined ? 'ignore' : 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  }),
  use: {
    baseURL: external ?? `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    // Not Vietnam on purpose: the page must show Vietnam time whatever the PC's zone.
    timezoneId: 'UTC',
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

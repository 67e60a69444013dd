// A year of finished dossiers for the dashboard's tests: motcua-sample writes them as
// a history file (2025, 600 dossiers, seed 15), imported once with POST /v1/import
// (admin; the body is the file, application/x-ndjson as `motcua import` sends it).
// Importing the same history twice fails, so nothing is imported when 2025 already
// has dossiers (a second spec, a second run against MOTCUA_URL). Every sample dossier
// is finished: the other specs' queues are unchanged.
// MOTCUA_SAMPLE names the tool (default: the ASan build's).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import { ADMIN_TOKEN, bearer } from './support';

export const SAMPLE = process.env['MOTCUA_SAMPLE'] ?? '../build/asan/tools/sample/motcua-sample';

async function alreadySeeded(request: APIRequestContext): Promise<boolean> {
  const reply = await request.get('/v1/stats', { headers: bearer(ADMIN_TOKEN), params: { from: '2025-01-01', to: '2025-12-31', format: 'json' } });
  expect(reply.status(), await reply.text()).toBe(200);
  const stats = (await reply.json()) as { report?: { total?: { to_handle?: number } } };
  return (stats.report?.total?.to_handle ?? 0) > 0;
}

export async function seedHistory(request: APIRequestContext): Promise<void> {
  if (await alreadySeeded(request)) return;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sample-'));
  try {
    const file = join(dir, 'lich-su-2025.jsonl');
    execFileSync(
      SAMPLE,
      ['--config', '../data/config/motcuad.json', '--from', '2025-01-01', '--to', '2025-12-31', '--dossiers', '600', '--seed', '15', '--out', file],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
    );
    const reply = await request.post('/v1/import', {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/x-ndjson', Accept: 'application/json' },
      data: readFileSync(file),
      timeout: 120_000,
    });
    expect(reply.status(), await reply.text()).toBe(200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Helpers shared by the Playwright specs (not a spec itself: Playwright runs only *.spec.ts).
// MOTCUA_DEMO_USER / MOTCUA_DEMO_PASSWORD name the demo reception officer,
// MOTCUA_RECEPTION_TOKEN / MOTCUA_SPECIALIST_TOKEN / MOTCUA_ADMIN_TOKEN the demo API tokens.

import { expect, type APIRequestContext, type APIResponse, type Page, type Response } from '@playwright/test';

/** The demo reception officer's user name. */
export const RECEPTION_USER = process.env['MOTCUA_DEMO_USER'] ?? 'tiepnhan01';
/** The demo reception officer's password. */
export const RECEPTION_PASSWORD = process.env['MOTCUA_DEMO_PASSWORD'] ?? 'tiepnhan01-demo';
/** The demo reception officer's API token. */
export const RECEPTION_TOKEN = process.env['MOTCUA_RECEPTION_TOKEN'] ?? 'demo-reception-token';
/** The demo justice specialist's API token. */
export const SPECIALIST_TOKEN = process.env['MOTCUA_SPECIALIST_TOKEN'] ?? 'demo-specialist-token';
/** The demo administrator's API token (the test clock is theirs). */
export const ADMIN_TOKEN = process.env['MOTCUA_ADMIN_TOKEN'] ?? 'demo-admin-token';
/** The demo justice specialist. */
export const SPECIALIST_USER = process.env['MOTCUA_SPECIALIST_USER'] ?? 'tuphap01';
export const SPECIALIST_PASSWORD = process.env['MOTCUA_SPECIALIST_PASSWORD'] ?? 'tuphap01-demo';
export const SPECIALIST_UNIT = 'Tư pháp - Hộ tịch';
/** The procedure the tests receive dossiers for: Cấp Giấy xác nhận tình trạng hôn nhân. */
export const PROCEDURE = '1.004873';

/** A dossier as the API returns it (the fields the tests read). */
export interface DossierJson {
  code: string;
  procedure_code: string;
  procedure_name?: string;
  applicant: { name: string; id_number?: string; phone?: string; address?: string; email?: string };
  channel: string;
  documents?: { name: string; copies?: number; digitized?: boolean; reused?: boolean }[];
  sets?: number;
  status: string;
  received_at: string;
  appointment_at: string;
  holder_user?: string;
  holder_unit?: string;
  return_method?: string;
  result_kind?: string;
}

/** One event of a dossier's history, its kind the one key besides seq, dossier_code, at, actor. */
export interface EventJson {
  seq: string;
  actor: string;
  [kind: string]: unknown;
}

/** The reply to POST /v1/session. */
export interface SessionReply {
  user: string;
  display_name?: string;
  unit?: string;
  roles?: string[];
  csrf_token: string;
}

/** A name no other test (or earlier run) uses. */
export function unique(name: string): string {
  return `${name} ${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
}

/** dd/mm/yyyy HH:mm in Vietnam time, as the page must show an instant. */
export function vietnamTime(rfc3339: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(rfc3339)).map((x) => [x.type, x.value]),
  );
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}`;
}

/** The headers of an API call made with a bearer token. */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, Accept: 'application/json' };
}

/** POSTs a command with a bearer token and returns the reply, whatever its status. */
export async function post(request: APIRequestContext, token: string, name: string, body: object): Promise<APIResponse> {
  return request.post(`/v1/commands/${name}`, { headers: bearer(token), data: body });
}

/** POSTs a command with a bearer token, expects 200, and returns the dossier it replies. */
export async function command(request: APIRequestContext, token: string, name: string, body: object): Promise<DossierJson> {
  const reply = await post(request, token, name, body);
  expect(reply.status(), `${name}: ${await reply.text()}`).toBe(200);
  return ((await reply.json()) as { dossier: DossierJson }).dossier;
}

/** Receives a dossier at the counter as the demo reception officer (phone and sets only if given). */
export async function receive(
  request: APIRequestContext,
  applicant: string,
  options: { phone?: string; sets?: number } = {},
): Promise<DossierJson> {
  return command(request, RECEPTION_TOKEN, 'receive', {
    procedure_code: PROCEDURE,
    applicant: { name: applicant, ...(options.phone !== undefined && { phone: options.phone }) },
    channel: 'CHANNEL_COUNTER',
    documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', copies: 1 }],
    ...(options.sets !== undefined && { sets: options.sets }),
  });
}

/** Registers a dossier as the national portal would (status 1), with reception's token. */
export async function registerOnline(request: APIRequestContext, applicant: string, phone?: string): Promise<DossierJson> {
  return command(request, RECEPTION_TOKEN, 'register-online', {
    procedure_code: PROCEDURE,
    applicant: { name: applicant, ...(phone !== undefined && { phone }) },
    documents: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (bản điện tử)', copies: 1 }],
  });
}

/** Hands a dossier to the demo justice specialist with reception's token: "Đang xử lý". */
export async function handOverToSpecialist(request: APIRequestContext, code: string): Promise<DossierJson> {
  return command(request, RECEPTION_TOKEN, 'hand-over', { dossier_code: code, to_unit: SPECIALIST_UNIT, to_user: SPECIALIST_USER, electronic: true });
}

/** "YYYY-MM-DD HH:MM" in Vietnam time, as POST /v1/test/clock takes it. */
export function clockText(instant: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(instant).map((x) => [x.type, x.value]),
  );
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/**
 * Moves the server's test clock (admin; only on a server started with --test-clock) and
 * returns how many alerts the move raised. Only forward: every later test runs at that time.
 */
export async function setClock(request: APIRequestContext, instant: Date): Promise<number> {
  const reply = await request.post('/v1/test/clock', { headers: bearer(ADMIN_TOKEN), data: { vietnam_time: clockText(instant) } });
  expect(reply.status(), await reply.text()).toBe(200);
  return ((await reply.json()) as { alerts_raised?: number }).alerts_raised ?? 0;
}

/** GETs a dossier and its history with a bearer token (reception's by default), expecting 200. */
export async function fetchDossier(
  request: APIRequestContext,
  code: string,
  token: string = RECEPTION_TOKEN,
): Promise<{ dossier: DossierJson; history: EventJson[] }> {
  const reply = await request.get(`/v1/dossiers/${encodeURIComponent(code)}`, { headers: bearer(token) });
  expect(reply.status(), await reply.text()).toBe(200);
  return (await reply.json()) as { dossier: DossierJson; history: EventJson[] };
}

/** Any Content-Security-Policy violation or uncaught error fails the test that saw it. */
export function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return problems;
}

/** Matches the reply to a /v1/session call with this method. */
export function isSession(method: string): (r: Response) => boolean {
  return (r: Response) => r.url().endsWith('/v1/session') && r.request().method() === method;
}

/** Opens the site and waits for the sign-in page. */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
}

/** Fills in and submits the sign-in form; returns the server's reply, whatever its status. */
export async function submitSignIn(page: Page, user: string, password: string): Promise<Response> {
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(password);
  const reply = page.waitForResponse(isSession('POST'));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return reply;
}

/** Signs in (the demo reception officer by default), expects success and the list ready. */
export async function signIn(page: Page, user = RECEPTION_USER, password = RECEPTION_PASSWORD): Promise<SessionReply> {
  await openSignIn(page);
  const reply = await submitSignIn(page, user, password);
  expect(reply.status(), `sign-in as ${user}`).toBe(200);
  const session = (await reply.json()) as SessionReply;
  await expect(page.locator('section.dossiers')).toHaveAttribute('data-state', 'ready');
  return session;
}

/** Signs out with the header's button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
}

// The signed-in officer: sign in, recover the session after a reload, sign out.
// The session itself is an HttpOnly cookie the page never sees; what the page
// keeps is SessionInfo and, through api.ts, its CSRF token.

import { ApiError, request, setCsrfToken } from './api';
import { decodeSession, type SessionInfo } from './contract';

const PATH = '/v1/session';

/**
 * A hint, not a secret: "this browser signed in and has not signed out". motcuad
 * counts every 401 against the address's failed-authentication budget (10 a
 * minute, shared by a whole office behind one router), so a page opened while
 * signed out must not ask GET /v1/session only to be told 401.
 */
const HINT = 'motcua.signed-in';

function setHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // Storage refused (privacy settings): the page just asks the server.
  }
}

function hinted(): boolean {
  try {
    return localStorage.getItem(HINT) === '1';
  } catch {
    return true;
  }
}

let current: SessionInfo | null = null;

function adopt(info: SessionInfo | null): SessionInfo | null {
  current = info;
  setCsrfToken(info?.csrf_token ?? '');
  setHint(info !== null);
  return info;
}

export function currentSession(): SessionInfo | null {
  return current;
}

/** Signs in; rejects with ApiError (401 wrong password, 429 too many failures, …). */
export async function signIn(user: string, password: string): Promise<SessionInfo> {
  const reply = await request('POST', PATH, { body: { user, password }, expectUnauthorized: true });
  return adopt(decodeSession(reply)) as SessionInfo;
}

/** The session the cookie still holds, or null when signed out (not asked when never signed in here). */
export async function restoreSession(): Promise<SessionInfo | null> {
  if (!hinted()) return adopt(null);
  try {
    return adopt(decodeSession(await request('GET', PATH, { expectUnauthorized: true })));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return adopt(null);
    throw error;
  }
}

/** Signs out; a session that had already ended counts as signed out. */
export async function signOut(): Promise<void> {
  try {
    await request('DELETE', PATH, { expectUnauthorized: true });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  adopt(null);
}

/** Forgets the session locally (the server said it ended). */
export function dropSession(): void {
  adopt(null);
}

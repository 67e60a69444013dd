// The typed fetch wrapper for motcuad's /v1 API: same origin, the session
// cookie, JSON both ways, X-CSRF-Token on every request that is not a GET,
// and every failure turned into an ApiError whose message can be shown.

import { decodeError } from './contract';
import { messages } from './messages';

export type Method = 'GET' | 'POST' | 'DELETE';
export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /**
   * A 401 here is an answer, not a lost session (the sign-in itself, the
   * session check at start): do not call the unauthorized handler.
   */
  expectUnauthorized?: boolean;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when no reply arrived. */
    readonly status: number,
    /** The server's stable machine code, '' when there was none. */
    readonly code: string,
    /** One line of Vietnamese, to be shown as text. */
    message: string,
    /** Seconds from Retry-After (429, 503), when given. */
    readonly retryAfter: number | null = null,
    /** The request's id (X-Request-Id), which finds it in the server's log; '' when none. */
    readonly requestId: string = '',
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 20_000;

let csrfToken = '';
let onUnauthorized: (error: ApiError) => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a signed-in request gets 401: the session ended on the server. */
export function setUnauthorizedHandler(handler: (error: ApiError) => void): void {
  onUnauthorized = handler;
}

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // motcuad refuses an empty parameter (status= is not a status): leave it out.
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

function retryAfter(response: Response): number | null {
  const value = Number(response.headers.get('Retry-After'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page, an empty body): fall back to our own words.
  }
  const parsed = decodeError(body);
  return new ApiError(
    response.status,
    parsed?.code ?? '',
    parsed?.message ?? messages.httpStatus(response.status),
    retryAfter(response),
    response.headers.get('X-Request-Id') ?? '',
  );
}

/** Sends one request; resolves to the parsed JSON body (undefined for 204). */
export async function request(method: Method, path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  init.signal = timeout.signal;

  let response: Response;
  try {
    response = await fetch(url(path, options.query), init);
  } catch {
    throw new ApiError(0, '', timeout.signal.aborted ? messages.timeout : messages.offline);
  } finally {
    clearTimeout(timer);
  }

  if (!response.ok) {
    const error = await errorOf(response);
    if (error.status === 401 && options.expectUnauthorized !== true) onUnauthorized(error);
    throw error;
  }
  if (response.status === 204) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new ApiError(response.status, '', messages.badReply);
  }
}

// GET /v1/lookup/{code}?secret=… : the page's request (the rating, rating.ts, goes
// through the same askForView). No token, no
// cookie (a counter PC may have an officer signed in; the lookup needs none of it),
// no cache (the status changes), and every failure turned into one sentence a
// citizen can act on.

import { decodeCitizenView, NotAView, type CitizenView } from './citizen-view';
import { words } from './words';

export class LookupError extends Error {
  override readonly name = 'LookupError';
  constructor(
    /** HTTP status; 0 when no reply arrived. */
    readonly status: number,
    /** One line of Vietnamese, to be shown as text. */
    message: string,
    /** Seconds to wait (Retry-After of a 429 or 503), null when not given. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 20_000;

/** Retry-After in seconds (motcuad sends a number), null when absent or unreadable. */
function retryAfter(response: Response): number | null {
  const value = Number(response.headers.get('Retry-After'));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/** The server's own line ({"code","message"}), '' when the body is not one. */
async function serverMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null) {
      const message = (body as Record<string, unknown>)['message'];
      if (typeof message === 'string') return message;
    }
  } catch {
    // Not JSON (a proxy's page): our own words instead.
  }
  return '';
}

async function failureOf(response: Response): Promise<LookupError> {
  // Too many tries: the wait matters more than whatever else the server says.
  const wait = retryAfter(response);
  if (response.status === 429) return new LookupError(429, words.tooManyTries(wait), wait);
  const message = await serverMessage(response);
  if (response.status === 404) return new LookupError(404, message !== '' ? message : words.notFound);
  if (response.status === 503) return new LookupError(503, words.busy(wait), wait);
  return new LookupError(response.status, message !== '' ? message : words.failed(response.status));
}

/**
 * One request to the public lookup API and its CitizenView: no cookie, no cache, no
 * referrer, a time limit, and any failure as one LookupError sentence. The lookup and
 * the rating both go through here.
 */
export async function askForView(path: string, init: RequestInit = {}): Promise<CitizenView> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: timeout.signal,
    });
  } catch {
    throw new LookupError(0, timeout.signal.aborted ? words.timeout : words.offline);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw await failureOf(response);
  try {
    return decodeCitizenView(await response.json());
  } catch (e) {
    if (e instanceof NotAView || e instanceof SyntaxError) throw new LookupError(response.status, words.badReply);
    throw e;
  }
}

export function lookUp(code: string, secret: string): Promise<CitizenView> {
  return askForView(`/v1/lookup/${encodeURIComponent(code)}?${new URLSearchParams({ secret }).toString()}`);
}

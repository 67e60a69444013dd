// POST /v1/lookup/{code}/rating: the citizen's rating of a finished dossier, once.
// Public like the lookup (no cookie, no token); the secret from the receipt proves the
// citizen holds it. The reply is the CitizenView, now rated.

import { decodeCitizenView, NotAView, type CitizenView } from './citizen-view';
import { LookupError } from './lookup';
import { words } from './words';

/** The five levels, best first, as the national portal words them. */
export const LEVELS = [
  ['SATISFACTION_VERY_SATISFIED', 'Rất hài lòng'],
  ['SATISFACTION_SATISFIED', 'Hài lòng'],
  ['SATISFACTION_ACCEPTABLE', 'Bình thường'],
  ['SATISFACTION_DISSATISFIED', 'Không hài lòng'],
  ['SATISFACTION_VERY_DISSATISFIED', 'Rất không hài lòng'],
] as const;
export type Level = (typeof LEVELS)[number][0];

/** "Hài lòng" for "SATISFACTION_SATISFIED"; the name itself for one this page does not know. */
export function levelWords(level: string): string {
  return LEVELS.find(([name]) => name === level)?.[1] ?? level;
}

/** The longest comment the form takes (the server has its own limit). */
export const COMMENT_MAX = 1000;

const TIMEOUT_MS = 20_000;

async function messageOf(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['message'] : undefined;
    if (typeof message === 'string' && message !== '') return message;
  } catch {
    // Not JSON: our own words below.
  }
  return response.status === 404 ? words.notFound : words.failed(response.status);
}

export async function rate(code: string, secret: string, level: Level, comment: string): Promise<CitizenView> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(`/v1/lookup/${encodeURIComponent(code)}/rating`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret, satisfaction: level, ...(comment !== '' && { comment }) }),
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
  if (response.status === 429) throw new LookupError(429, words.tooManyTries(null));
  if (!response.ok) throw new LookupError(response.status, await messageOf(response));
  try {
    return decodeCitizenView(await response.json());
  } catch (e) {
    if (e instanceof NotAView || e instanceof SyntaxError) throw new LookupError(response.status, words.badReply);
    throw e;
  }
}

// POST /v1/lookup/{code}/rating: the citizen's rating of a finished dossier, once.
// Public like the lookup (no cookie, no token); the secret from the receipt proves the
// citizen holds it. The reply is the CitizenView, now rated.

import type { CitizenView } from './citizen-view';
import { askForView } from './lookup';

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

export function rate(code: string, secret: string, level: Level, comment: string): Promise<CitizenView> {
  return askForView(`/v1/lookup/${encodeURIComponent(code)}/rating`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ secret, satisfaction: level, ...(comment !== '' && { comment }) }),
  });
}

// The officers (GET /v1/officers): whom a dossier can be handed over to, and the
// display names the list and the detail show instead of bare user names.

import { request } from './api';
import { decodeOfficers, type Officer } from './contract';

let cached: Promise<Officer[]> | null = null;

/** The officers, asked once per page; a failure is forgotten so the next call asks again. */
export function loadOfficers(): Promise<Officer[]> {
  if (cached === null) {
    cached = request('GET', '/v1/officers').then(decodeOfficers);
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** "Trần Văn Bình" for "tuphap01"; the user name itself when the list does not know it. */
export function displayName(officers: readonly Officer[], user: string): string {
  const o = officers.find((x) => x.user === user);
  return o === undefined || o.display_name === '' ? user : o.display_name;
}

// The officers (GET /v1/officers): whom a dossier can be handed over to, and the
// display names the detail shows instead of bare user names.

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

/** "Trần Văn Bình (tuphap01)", or the user name alone when the list does not know it. */
export function officerName(officers: readonly Officer[], user: string): string {
  const o = officers.find((x) => x.user === user);
  return o === undefined || o.display_name === '' || o.display_name === user ? user : `${o.display_name} (${user})`;
}

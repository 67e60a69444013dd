// Reading dossiers: GET /v1/dossiers (a page of the list, filtered or searched) and
// GET /v1/dossiers/{code} (one, with its history).

import { request } from './api';
import { decodeDossierDetail, decodeDossierList, statusCode, type DossierDetail, type DossierList, type Status } from './contract';

export interface DossierFilter {
  status?: Status;
  /** Only the dossiers being dealt with: received and not finished. */
  open?: boolean;
  procedure?: string;
  /** A unit or a user name. */
  holder?: string;
  /** "YYYY-MM-DDTHH:MM", Vietnam time, as motcuad parses it: the office's deadline before it. */
  due_before?: string;
  /** A code or its start, a phone number's digits, or words of the applicant's name. */
  q?: string;
  /** Rows to skip (paging). */
  offset?: number;
  limit?: number;
}

/** Rows a page of the list shows: the server sorts by deadline, so the first page is the urgent one. */
export const PAGE_SIZE = 50;

export async function listDossiers(filter: DossierFilter = {}): Promise<DossierList> {
  const reply = await request('GET', '/v1/dossiers', {
    query: {
      status: filter.status === undefined ? undefined : statusCode(filter.status),
      open: filter.open === true ? 1 : undefined,
      procedure: filter.procedure,
      holder: filter.holder,
      due_before: filter.due_before,
      q: filter.q?.trim(),
      // Left out at 0: the first page asks no more than a server without paging understands.
      offset: filter.offset === undefined || filter.offset === 0 ? undefined : filter.offset,
      limit: filter.limit ?? PAGE_SIZE,
    },
  });
  return decodeDossierList(reply);
}

/** One dossier and its history; the code is sent percent-encoded, as typed. */
export async function getDossier(code: string): Promise<DossierDetail> {
  return decodeDossierDetail(await request('GET', `/v1/dossiers/${encodeURIComponent(code)}`));
}

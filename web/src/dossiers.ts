// Reading dossiers: GET /v1/dossiers (the list) and GET /v1/dossiers/{code} (one, with its history).

import { request } from './api';
import { decodeDossierDetail, decodeDossierList, statusCode, type DossierDetail, type DossierList, type Status } from './contract';

export interface DossierFilter {
  status?: Status;
  procedure?: string;
  holder?: string;
  /** "YYYY-MM-DDTHH:MM", Vietnam time, as motcuad parses it. */
  due_before?: string;
  limit?: number;
}

export const DEFAULT_LIMIT = 200;

export async function listDossiers(filter: DossierFilter = {}): Promise<DossierList> {
  const reply = await request('GET', '/v1/dossiers', {
    query: {
      status: filter.status === undefined ? undefined : statusCode(filter.status),
      procedure: filter.procedure,
      holder: filter.holder,
      due_before: filter.due_before,
      limit: filter.limit ?? DEFAULT_LIMIT,
    },
  });
  return decodeDossierList(reply);
}

/** One dossier and its history; the code is sent percent-encoded, as typed. */
export async function getDossier(code: string): Promise<DossierDetail> {
  return decodeDossierDetail(await request('GET', `/v1/dossiers/${encodeURIComponent(code)}`));
}

// What needs action now: the open dossiers overdue or due soon (GET /v1/dossiers?open=1,
// soonest deadline first, read a page at a time until the rows are on track), the open
// apology-due alerts (GET /v1/alerts?open=1), and the dossiers waiting for a supplement
// longer than their procedure allows (waiting_too_long, among status 5).

import { ApiError, request } from '../api';
import { decodeAlertList, type Alert, type DossierSummary } from '../contract';
import { listDossiers } from '../dossiers';

/** Read no further than this many rows: a dashboard, not an export. */
export const ACTION_CAP = 500;
const PAGE = 100;

export interface ActionData {
  urgent: DossierSummary[];
  /** The cap was reached: more may be overdue. */
  capped: boolean;
  apologyDue: Alert[];
  /** Not allowed to read alerts (the statistics role). */
  alertsRefused: boolean;
  waitingTooLong: DossierSummary[];
}

async function urgentDossiers(): Promise<{ rows: DossierSummary[]; capped: boolean }> {
  const rows: DossierSummary[] = [];
  for (let offset = 0; offset < ACTION_CAP; offset += PAGE) {
    const page = await listDossiers({ open: true, offset, limit: PAGE });
    rows.push(...page.dossiers.filter((d) => d.urgency === 'URGENCY_OVERDUE' || d.urgency === 'URGENCY_DUE_SOON'));
    // Sorted by deadline: once one is on track, the rest are later still (paused ones aside).
    if (page.dossiers.some((d) => d.urgency === 'URGENCY_ON_TRACK') || page.dossiers.length < PAGE) {
      return { rows, capped: false };
    }
  }
  return { rows, capped: true };
}

async function waiting(): Promise<DossierSummary[]> {
  const rows: DossierSummary[] = [];
  for (let offset = 0; offset < ACTION_CAP; offset += PAGE) {
    const page = await listDossiers({ status: 'STATUS_SUPPLEMENT_REQUESTED', offset, limit: PAGE });
    rows.push(...page.dossiers.filter((d) => d.waiting_too_long));
    if (page.dossiers.length < PAGE) break;
  }
  return rows;
}

async function apologyAlerts(): Promise<Alert[] | null> {
  try {
    const reply = await request('GET', '/v1/alerts', { query: { open: 1, limit: 1000 } });
    return decodeAlertList(reply).alerts.filter((a) => a.kind === 'ALERT_KIND_APOLOGY_DUE');
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return null;
    throw e;
  }
}

export async function loadActionData(): Promise<ActionData> {
  const [urgent, alerts, waitingTooLong] = await Promise.all([urgentDossiers(), apologyAlerts(), waiting()]);
  return { urgent: urgent.rows, capped: urgent.capped, apologyDue: alerts ?? [], alertsRefused: alerts === null, waitingTooLong };
}

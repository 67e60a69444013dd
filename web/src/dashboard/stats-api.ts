// The dashboard's requests: GET /v1/stats (JSON, with or without the codes behind
// each figure), GET /v1/stats/trend, and the addresses of the report's downloads.

import { request } from '../api';
import { decodeStatistics, decodeTrend, type Statistics } from './stats';
import type { Period } from './period';

export async function fetchStatistics(period: Period, withCodes = false): Promise<Statistics> {
  const reply = await request('GET', '/v1/stats', { query: { from: period.from, to: period.to, format: 'json', codes: withCodes ? 1 : undefined } });
  return decodeStatistics(reply);
}

/** The twelve calendar months ending with the period's last month (the last one ends on `to`). */
export async function fetchTrend(period: Period, months = 12): Promise<Statistics[]> {
  return decodeTrend(await request('GET', '/v1/stats/trend', { query: { to: period.to, months } }));
}

/** The same statistics as a file to download: CSV (UTF-8 with BOM) or an Excel workbook. */
export function downloadAddress(period: Period, format: 'csv' | 'xlsx'): string {
  return `/v1/stats?${new URLSearchParams({ from: period.from, to: period.to, format }).toString()}`;
}

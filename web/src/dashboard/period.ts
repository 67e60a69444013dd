// The period the dashboard reports on: a month (this one by default), a quarter, a
// year, or any from–to range. Dates are Vietnam calendar dates ("YYYY-MM-DD", as
// GET /v1/stats takes them), whatever the PC's time zone.

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

export interface Period {
  kind: PeriodKind;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Today's date in Vietnam: { year, month (1–12), day }. */
export function vietnamToday(now: Date = new Date()): { year: number; month: number; day: number } {
  const p: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now)) {
    p[part.type] = part.value;
  }
  return { year: Number(p['year']), month: Number(p['month']), day: Number(p['day']) };
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { kind: 'quarter', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

/** "05/03/2025" from "2025-03-05". */
export function dateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`;
}

/** How the period is named in a heading: "Tháng 3/2025", "Quý I/2025", "Năm 2025", "Từ 01/03/2025 đến 15/03/2025". */
export function periodTitle(period: Period): string {
  const year = period.from.slice(0, 4);
  const month = Number(period.from.slice(5, 7));
  switch (period.kind) {
    case 'month':
      return `Tháng ${month}/${year}`;
    case 'quarter':
      return `Quý ${['I', 'II', 'III', 'IV'][Math.floor((month - 1) / 3)] ?? ''}/${year}`;
    case 'year':
      return `Năm ${year}`;
    default:
      return `Từ ${dateVi(period.from)} đến ${dateVi(period.to)}`;
  }
}

/** "Tháng 3/2025" of a month's first day ("2025-03-01"), for the trend's columns. */
export function monthLabel(iso: string): string {
  return `${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
}

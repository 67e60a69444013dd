// GET /v1/stats and GET /v1/stats/trend as the dashboard reads them (Statistics of
// proto/motcua/v1/stats.proto, printed with the proto field names). proto3 leaves out
// zeros, false and empty lists, so a missing number reads 0, a missing bool false, a
// missing list []. The page shows these numbers as they come: nothing here recomputes
// a figure the server gives.

import { ContractError } from '../contract';

/** The plan's rates in the order the plan lists them (adapters/metrics/statistics.h, kRateNames). */
export const RATE_NAMES = [
  'resolved_on_time',
  'resolved_early',
  'electronic_transfer',
  'online_payment',
  'documents_reused',
  'fully_online',
  'remote_online_use',
  'electronic_result',
  'digitized',
  'internal_process_published',
] as const;
export type RateName = (typeof RATE_NAMES)[number];

export interface RateFigure {
  num: number;
  den: number;
  /** num / den; 0 when den is 0. */
  ratio: number;
  /** Only with codes=1: the dossier codes (procedure codes for internal_process_published). */
  codes: { num: string[]; den: string[] } | null;
}

export interface TargetResult {
  id: string;
  rate: string;
  op: string;
  /** A fraction: 0.9 is 90 %. */
  value: number;
  section: string;
  text: string;
  /** False when the rate has no denominator in the period. */
  evaluable: boolean;
  met: boolean;
  actual: number;
  /** actual - value (a fraction). */
  margin: number;
}

/** ReportRow: one procedure's line of the periodic report (or the total). */
export interface ReportRow {
  procedure_code: string;
  procedure_name: string;
  to_handle: number;
  new_online: number;
  new_counter_or_post: number;
  carried_over: number;
  resolved: number;
  resolved_early: number;
  resolved_on_the_day: number;
  resolved_late: number;
  in_progress: number;
  in_progress_within_deadline: number;
  in_progress_overdue: number;
  waiting_for_supplement: number;
  withdrawn: number;
  stopped: number;
  withdrawn_or_returned: number;
  /** Online registrations accepted after their late-intake alert (of new_online). */
  accepted_late: number;
  /** Dossiers ended in the period after a supplementation request later than the law allows. */
  supplement_late: number;
}

/** The report's number columns, in the printed report's order (each group's total before its parts). */
export const REPORT_NUMBERS = [
  'to_handle',
  'new_online',
  'new_counter_or_post',
  'carried_over',
  'resolved',
  'resolved_early',
  'resolved_on_the_day',
  'resolved_late',
  'in_progress',
  'in_progress_within_deadline',
  'in_progress_overdue',
  'waiting_for_supplement',
  'withdrawn_or_returned',
  'withdrawn',
  'stopped',
  'accepted_late',
  'supplement_late',
] as const;
export type ReportNumber = (typeof REPORT_NUMBERS)[number];

export interface SatisfactionRow {
  procedure_code: string;
  procedure_name: string;
  rated: number;
  very_satisfied: number;
  satisfied: number;
  acceptable: number;
  dissatisfied: number;
  very_dissatisfied: number;
  dislike: number;
}

export interface HolderRow {
  unit: string;
  officer: string;
  officer_name: string;
  procedure_code: string;
  procedure_name: string;
  resolved: number;
  on_time: number;
  late: number;
  average_working_seconds: number;
}

export interface StepHolderRow {
  unit: string;
  officer: string;
  officer_name: string;
  finished: number;
  early: number;
  on_time: number;
  late: number;
  /** Ended by a withdrawal or a stop: no result to time them. */
  untimed: number;
  average_working_seconds: number;
}

export interface Statistics {
  from: string;
  to: string;
  unit: string;
  generated_at: string;
  rates: Record<RateName, RateFigure>;
  report: { rows: ReportRow[]; total: ReportRow };
  targets_plan: string;
  targets: TargetResult[];
  satisfaction: SatisfactionRow[];
  /** null when the server gave none (a server older than the rating). */
  satisfaction_total: SatisfactionRow | null;
  by_holder: HolderRow[];
  by_step_holder: StepHolderRow[];
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ContractError(`${what}: expected an object`);
  return value as Json;
}

function text(o: Json, key: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new ContractError(`${key}: expected a string`);
  return v;
}

/** Numbers; int64 arrive as strings in protobuf JSON. */
function num(o: Json, key: string): number {
  const v = o[key];
  if (v === undefined || v === null) return 0;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new ContractError(`${key}: expected a number`);
  return n;
}

function list(o: Json, key: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ContractError(`${key}: expected a list`);
  return v;
}

function strings(o: Json, key: string): string[] {
  return list(o, key).filter((x): x is string => typeof x === 'string');
}

function rate(value: unknown, name: string): RateFigure {
  const r = object(value, name);
  const codes = r['codes'] === undefined || r['codes'] === null ? null : object(r['codes'], `${name}.codes`);
  return {
    num: num(r, 'num'),
    den: num(r, 'den'),
    ratio: num(r, 'ratio'),
    codes: codes === null ? null : { num: strings(codes, 'num'), den: strings(codes, 'den') },
  };
}

function reportRow(value: unknown): ReportRow {
  const r = object(value, 'ReportRow');
  const row = { procedure_code: text(r, 'procedure_code'), procedure_name: text(r, 'procedure_name') } as ReportRow;
  for (const key of REPORT_NUMBERS) row[key] = num(r, key);
  return row;
}

function satisfactionRow(value: unknown): SatisfactionRow {
  const r = object(value, 'SatisfactionRow');
  return {
    procedure_code: text(r, 'procedure_code'),
    procedure_name: text(r, 'procedure_name'),
    rated: num(r, 'rated'),
    very_satisfied: num(r, 'very_satisfied'),
    satisfied: num(r, 'satisfied'),
    acceptable: num(r, 'acceptable'),
    dissatisfied: num(r, 'dissatisfied'),
    very_dissatisfied: num(r, 'very_dissatisfied'),
    dislike: num(r, 'dislike'),
  };
}

function holderRow(value: unknown): HolderRow {
  const r = object(value, 'HolderRow');
  return {
    unit: text(r, 'unit'),
    officer: text(r, 'officer'),
    officer_name: text(r, 'officer_name'),
    procedure_code: text(r, 'procedure_code'),
    procedure_name: text(r, 'procedure_name'),
    resolved: num(r, 'resolved'),
    on_time: num(r, 'on_time'),
    late: num(r, 'late'),
    average_working_seconds: num(r, 'average_working_seconds'),
  };
}

function stepHolderRow(value: unknown): StepHolderRow {
  const r = object(value, 'StepHolderRow');
  return {
    unit: text(r, 'unit'),
    officer: text(r, 'officer'),
    officer_name: text(r, 'officer_name'),
    finished: num(r, 'finished'),
    early: num(r, 'early'),
    on_time: num(r, 'on_time'),
    late: num(r, 'late'),
    untimed: num(r, 'untimed'),
    average_working_seconds: num(r, 'average_working_seconds'),
  };
}

function target(value: unknown): TargetResult {
  const t = object(value, 'TargetResult');
  return {
    id: text(t, 'id'),
    rate: text(t, 'rate'),
    op: text(t, 'op'),
    value: num(t, 'value'),
    section: text(t, 'section'),
    text: text(t, 'text'),
    evaluable: t['evaluable'] === true,
    met: t['met'] === true,
    actual: num(t, 'actual'),
    margin: num(t, 'margin'),
  };
}

export function decodeStatistics(value: unknown): Statistics {
  const o = object(value, 'Statistics');
  if (typeof value !== 'object' || value === null) throw new ContractError('Statistics: expected an object');
  const rates = {} as Record<RateName, RateFigure>;
  for (const name of RATE_NAMES) rates[name] = rate(o[name], name);
  const report = object(o['report'], 'report');
  return {
    from: text(o, 'from'),
    to: text(o, 'to'),
    unit: text(o, 'unit'),
    generated_at: text(o, 'generated_at'),
    rates,
    report: { rows: list(report, 'rows').map(reportRow), total: reportRow(report['total']) },
    targets_plan: text(o, 'targets_plan'),
    targets: list(o, 'targets').map(target),
    satisfaction: list(o, 'satisfaction').map(satisfactionRow),
    satisfaction_total: o['satisfaction_total'] === undefined || o['satisfaction_total'] === null ? null : satisfactionRow(o['satisfaction_total']),
    by_holder: list(o, 'by_holder').map(holderRow),
    by_step_holder: list(o, 'by_step_holder').map(stepHolderRow),
  };
}

/** GET /v1/stats/trend: one Statistics per calendar month, oldest first. */
export function decodeTrend(value: unknown): Statistics[] {
  return list(object(value, 'Trend'), 'months').map(decodeStatistics);
}

export function isRateName(name: string): name is RateName {
  return (RATE_NAMES as readonly string[]).includes(name);
}

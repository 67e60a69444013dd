// The citizen's view of a dossier: CitizenView of proto/motcua/v1/api.proto as
// GET /v1/lookup/{code} prints it (proto field names, enums as their names,
// Timestamps as RFC 3339). Decoded defensively: proto3 leaves out what holds its
// default, and a server older than `steps` or `apology_reason` simply lacks them,
// so any missing or mistyped field reads as empty rather than failing the page.
// Not in ../contract.ts on purpose: that file is the desk's, and this page's bundle
// must not carry it.

/** One step of the dossier's way through the office (CitizenStep). */
export interface CitizenStep {
  /** RFC 3339; '' when unknown. */
  at: string;
  /** Plain Vietnamese, e.g. "Tiếp nhận hồ sơ". */
  title: string;
  /** e.g. a supplementation's reason and documents; '' when none. */
  detail: string;
}

export interface CitizenView {
  code: string;
  /** The enum's name, e.g. "STATUS_PROCESSING"; '' when not given. */
  status: string;
  /** The server's Vietnamese name of the status, e.g. "Đang xử lý". */
  status_name: string;
  procedure_code: string;
  procedure_name: string;
  received_at: string;
  appointment_at: string;
  /** The new appointment an apology promised; '' when there was none. */
  new_appointment_at: string;
  /** Why the office apologised for lateness; '' when it did not. */
  apology_reason: string;
  /** Oldest first (sorted here too: the page must not depend on the order sent). */
  steps: CitizenStep[];
  /** Finished and not yet rated: the rating form is offered. */
  may_rate: boolean;
  /** The level given ("SATISFACTION_SATISFIED"), '' when not rated. */
  satisfaction: string;
}

/** The reply was not an object at all (a proxy's page, an empty body). */
export class NotAView extends Error {
  override readonly name = 'NotAView';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(o: Json, key: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : '';
}

function enumName(o: Json, key: string): string {
  const v = o[key];
  // Enum names by default; a number if the server were ever set to print them so.
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function instantOf(rfc3339: string): number {
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function decodeSteps(value: unknown): CitizenStep[] {
  if (!Array.isArray(value)) return [];
  const steps = value
    .filter(isObject)
    .map((s) => ({ at: text(s, 'at'), title: text(s, 'title'), detail: text(s, 'detail') }))
    .filter((s) => s.title !== '' || s.detail !== '');
  // Stable: steps at the same instant keep the server's order; undated ones go last.
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => instantOf(a.step.at) - instantOf(b.step.at) || a.index - b.index)
    .map(({ step }) => step);
}

export function decodeCitizenView(value: unknown): CitizenView {
  if (!isObject(value)) throw new NotAView('CitizenView: expected an object');
  return {
    code: text(value, 'code'),
    status: enumName(value, 'status'),
    status_name: text(value, 'status_name'),
    procedure_code: text(value, 'procedure_code'),
    procedure_name: text(value, 'procedure_name'),
    received_at: text(value, 'received_at'),
    appointment_at: text(value, 'appointment_at'),
    new_appointment_at: text(value, 'new_appointment_at'),
    apology_reason: text(value, 'apology_reason'),
    steps: decodeSteps(value['steps']),
    may_rate: value['may_rate'] === true,
    satisfaction: enumName(value, 'satisfaction').replace(/^SATISFACTION_UNSPECIFIED$/, ''),
  };
}

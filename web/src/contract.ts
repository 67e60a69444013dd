// The server's JSON shapes (protobuf JSON mapping with the .proto field names,
// proto/motcua/v1/{session,dossier,api,procedure,command}.proto) and checks that turn `unknown`
// into them. proto3 leaves out fields holding their default value, so an absent
// string reads as '', an absent list as [], an absent bool as false.

export const ROLES = [
  'ROLE_RECEPTION',
  'ROLE_SPECIALIST',
  'ROLE_LEADER',
  'ROLE_STATISTICS',
  'ROLE_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** Status names in code order: STATUSES[n - 1] is the portal's code n. */
export const STATUSES = [
  'STATUS_REGISTERED_ONLINE',
  'STATUS_RECEIVED',
  'STATUS_REFUSED',
  'STATUS_PROCESSING',
  'STATUS_SUPPLEMENT_REQUESTED',
  'STATUS_FEE_REQUESTED',
  'STATUS_WITHDRAWN',
  'STATUS_STOPPED',
  'STATUS_RESULT_READY',
  'STATUS_RETURNED',
] as const;
export type Status = (typeof STATUSES)[number] | 'STATUS_UNSPECIFIED';

/** The number `GET /v1/dossiers?status=` takes (1–10). */
export function statusCode(status: Status): number {
  return STATUSES.indexOf(status as (typeof STATUSES)[number]) + 1;
}

export interface SessionInfo {
  user: string;
  display_name: string;
  roles: Role[];
  unit: string;
  csrf_token: string;
}

export interface DossierSummary {
  code: string;
  procedure_code: string;
  procedure_name: string;
  applicant_name: string;
  status: Status;
  channel: string;
  /** RFC 3339 instants, '' when unset. */
  received_at: string;
  appointment_at: string;
  extended_appointment_at: string;
  holder_unit: string;
  holder_user: string;
  /** The deadline the office works to now (the apology's new appointment, else the appointment); '' when the server does not say. */
  deadline_at: string;
  /** How that deadline stands; '' for a closed dossier (or a server without it). */
  urgency: Urgency;
  /** Working seconds to the deadline: negative when overdue, frozen while paused; null when not given. */
  working_seconds_left: number | null;
  /** Waiting for a supplement longer, in working time, than the procedure's whole processing time. */
  waiting_too_long: boolean;
}

/** DossierSummary.urgency (api.proto), without the URGENCY_ prefix's unspecified value. */
export const URGENCIES = ['URGENCY_ON_TRACK', 'URGENCY_DUE_SOON', 'URGENCY_OVERDUE', 'URGENCY_PAUSED'] as const;
export type Urgency = (typeof URGENCIES)[number] | '';

export interface DossierList {
  dossiers: DossierSummary[];
  /** More rows matched than `limit`. */
  truncated: boolean;
}

export interface Applicant {
  name: string;
  /** Personal data: '' for statistics and admin. */
  phone: string;
  id_number: string;
  address: string;
  email: string;
}

/** The parts of `Dossier` (dossier.proto) the detail panel shows. */
export interface Dossier {
  code: string;
  procedure_code: string;
  procedure_name: string;
  applicant: Applicant;
  channel: string;
  status: Status;
  /** Submitted online (status 1 until accepted); '' for a counter dossier. */
  registered_at: string;
  received_at: string;
  appointment_at: string;
  original_appointment_at: string;
  extended_appointment_at: string;
  /** The citizen's appointment under the law; differs once a supplementation restarted the duration. */
  citizen_appointment_at: string;
  /** Some supplementation was asked for after the law's limit (Supplementation.late). */
  supplement_late: boolean;
  appointment_provisional: boolean;
  returned_at: string;
  holder_unit: string;
  holder_user: string;
  end_reason: string;
  /** A fee was requested or paid (Dossier.payment): neither can be asked again. */
  fee_requested: boolean;
  /** A payment was recorded (Dossier.payment.paid_at). */
  fee_paid: boolean;
  /** The fee asked for or paid, in đồng; 0 when none. */
  fee_vnd: number;
  /** An apology was made (Dossier.apology): once per dossier. */
  apologized: boolean;
  /** The documents handed in (Document of dossier.proto), as the detail lists them. */
  documents: { name: string; copies: number; digitized: boolean; reused: boolean }[];
}

/** Event kinds (event.proto's oneof), in field order. */
export const EVENT_KINDS = [
  'registered_online',
  'received',
  'refused',
  'handed_over',
  'supplement_requested',
  'supplemented',
  'fee_requested',
  'fee_paid',
  'stopped',
  'withdrawn',
  'result_ready',
  'result_returned',
  'apology_issued',
  'rated',
  'alert_raised',
  'retimed',
  'calendar_changed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number] | 'unknown';

export interface DossierEvent {
  seq: string;
  at: string;
  /** The officer's user name, or "system". */
  actor: string;
  kind: EventKind;
  /** The kind's own message as sent (read with `str`/`field` below). */
  data: Record<string, unknown>;
}

export interface DossierDetail {
  dossier: Dossier;
  history: DossierEvent[];
}

export interface ErrorBody {
  code: string;
  message: string;
}

/** The reply did not have the shape the contract promises. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ContractError(`${what}: expected an object`);
  }
  return value as Json;
}

function str(o: Json, key: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new ContractError(`${key}: expected a string`);
  return v;
}

function list(o: Json, key: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ContractError(`${key}: expected a list`);
  return v;
}

/** A string field of an event's data, '' when absent or not text (int64 comes as a string). */
export function field(o: Record<string, unknown>, key: string): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function status(value: unknown): Status {
  // Enum names by default; numbers if the server ever prints them that way.
  if (typeof value === 'number') return STATUSES[value - 1] ?? 'STATUS_UNSPECIFIED';
  return (STATUSES as readonly unknown[]).includes(value) ? (value as Status) : 'STATUS_UNSPECIFIED';
}

export function decodeSession(value: unknown): SessionInfo {
  const o = object(value, 'SessionInfo');
  const roles = list(o, 'roles').filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
  const info: SessionInfo = {
    user: str(o, 'user'),
    display_name: str(o, 'display_name'),
    roles,
    unit: str(o, 'unit'),
    csrf_token: str(o, 'csrf_token'),
  };
  if (info.user === '' || info.csrf_token === '') {
    throw new ContractError('SessionInfo: user and csrf_token are required');
  }
  return info;
}

export function decodeDossierList(value: unknown): DossierList {
  const o = object(value, 'DossierList');
  return {
    dossiers: list(o, 'dossiers').map((item) => {
      const d = object(item, 'DossierSummary');
      return {
        code: str(d, 'code'),
        procedure_code: str(d, 'procedure_code'),
        procedure_name: str(d, 'procedure_name'),
        applicant_name: str(d, 'applicant_name'),
        status: status(d['status']),
        channel: typeof d['channel'] === 'string' ? d['channel'] : '',
        received_at: str(d, 'received_at'),
        appointment_at: str(d, 'appointment_at'),
        extended_appointment_at: str(d, 'extended_appointment_at'),
        holder_unit: str(d, 'holder_unit'),
        holder_user: str(d, 'holder_user'),
        deadline_at: str(d, 'deadline_at'),
        urgency: (URGENCIES as readonly unknown[]).includes(d['urgency']) ? (d['urgency'] as Urgency) : '',
        working_seconds_left: integer(d, 'working_seconds_left'),
        waiting_too_long: d['waiting_too_long'] === true,
      };
    }),
    truncated: o['truncated'] === true,
  };
}

function applicant(value: unknown): Applicant {
  const a = value === undefined || value === null ? {} : object(value, 'Applicant');
  return { name: str(a, 'name'), phone: str(a, 'phone'), id_number: str(a, 'id_number'), address: str(a, 'address'), email: str(a, 'email') };
}

function event(value: unknown): DossierEvent {
  const e = object(value, 'Event');
  const kind = EVENT_KINDS.find((k) => typeof e[k] === 'object' && e[k] !== null) ?? 'unknown';
  return {
    seq: field(e, 'seq'),
    at: str(e, 'at'),
    actor: str(e, 'actor'),
    kind,
    data: kind === 'unknown' ? {} : object(e[kind], kind),
  };
}

/** A Dossier message (dossier.proto), as the detail panel and the receipt reply use it. */
export function decodeDossier(value: unknown): Dossier {
  const d = object(value, 'Dossier');
  const dossier: Dossier = {
    code: str(d, 'code'),
    procedure_code: str(d, 'procedure_code'),
    procedure_name: str(d, 'procedure_name'),
    applicant: applicant(d['applicant']),
    channel: typeof d['channel'] === 'string' ? d['channel'] : '',
    status: status(d['status']),
    registered_at: str(d, 'registered_at'),
    received_at: str(d, 'received_at'),
    appointment_at: str(d, 'appointment_at'),
    original_appointment_at: str(d, 'original_appointment_at'),
    extended_appointment_at: str(d, 'extended_appointment_at'),
    citizen_appointment_at: str(d, 'citizen_appointment_at'),
    supplement_late: list(d, 'supplementations').some((s) => object(s, 'Supplementation')['late'] === true),
    appointment_provisional: d['appointment_provisional'] === true,
    returned_at: str(d, 'returned_at'),
    holder_unit: str(d, 'holder_unit'),
    holder_user: str(d, 'holder_user'),
    end_reason: str(d, 'end_reason'),
    fee_requested: false,
    fee_paid: false,
    fee_vnd: 0,
    apologized: typeof d['apology'] === 'object' && d['apology'] !== null,
    documents: list(d, 'documents').map((item) => {
      const x = object(item, 'Document');
      return { name: str(x, 'name'), copies: integer(x, 'copies') ?? 0, digitized: x['digitized'] === true, reused: x['reused'] === true };
    }),
  };
  const payment = d['payment'];
  if (typeof payment === 'object' && payment !== null) {
    const p = payment as Json;
    dossier.fee_requested = str(p, 'requested_at') !== '' || str(p, 'paid_at') !== '';
    dossier.fee_paid = str(p, 'paid_at') !== '';
    dossier.fee_vnd = integer(p, 'amount_vnd') ?? 0;
  }
  if (dossier.code === '') throw new ContractError('Dossier: code is required');
  return dossier;
}

export function decodeDossierDetail(value: unknown): DossierDetail {
  const o = object(value, 'DossierDetail');
  return { dossier: decodeDossier(o['dossier']), history: list(o, 'history').map(event) };
}

/** Duration (procedure.proto): how long the procedure may take. */
export interface Duration {
  /** DurationUnit's name, '' when unspecified. */
  unit: string;
  amount: number;
  /** Same-day cutoff "HH:MM", '' for the default 15:00. */
  cutoff: string;
  /** As the legal text words it. */
  text_vi: string;
}

/** RequiredDocument (procedure.proto): one document of the procedure's dossier, as the counter's checklist shows it. */
export interface RequiredDocument {
  name: string;
  /** At least 1 (the server's 0 means 1). */
  copies: number;
  /** The case it is needed in ("nếu đã từng kết hôn"); '' when always. */
  when: string;
}

/** The parts of `Procedure` (procedure.proto) the intake form uses. */
export interface Procedure {
  code: string;
  name: string;
  field: string;
  duration: Duration;
  /** The statutory fee in đồng; null when the catalog does not know it. */
  fee_vnd: number | null;
  /** Fields the catalog's authors could not confirm (e.g. "fee_vnd", "deadline"). */
  unconfirmed: string[];
  /** False: listed, but no dossier can be received under it (`note` says why). */
  receivable: boolean;
  note: string;
  /** The dossier's documents; [] when the catalog does not list them (the officer types each). */
  documents: RequiredDocument[];
  /** Where that list comes from (the legal basis); '' when not said. */
  documents_basis: string;
  /** The list was written from the procedure's usual national form: the counter should check it. */
  documents_assumed: boolean;
}

/** uint32 / int64 (protobuf JSON writes int64 as a string); null when absent or not a number. */
function integer(o: Json, key: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new ContractError(`${key}: expected an integer`);
  return n;
}

function procedure(value: unknown): Procedure {
  const p = object(value, 'Procedure');
  const d = p['duration'] === undefined || p['duration'] === null ? {} : object(p['duration'], 'Duration');
  return {
    code: str(p, 'code'),
    name: str(p, 'name'),
    field: str(p, 'field'),
    duration: {
      unit: typeof d['unit'] === 'string' && d['unit'] !== 'DURATION_UNIT_UNSPECIFIED' ? d['unit'] : '',
      amount: integer(d, 'amount') ?? 0,
      cutoff: str(d, 'cutoff'),
      text_vi: str(d, 'text_vi'),
    },
    fee_vnd: integer(p, 'fee_vnd'),
    unconfirmed: list(p, 'unconfirmed').filter((u): u is string => typeof u === 'string'),
    receivable: p['receivable'] === true,
    note: str(p, 'note'),
    documents: list(p, 'documents')
      .map((item) => {
        const x = object(item, 'RequiredDocument');
        return { name: str(x, 'name'), copies: Math.max(1, integer(x, 'copies') ?? 0), when: str(x, 'when') };
      })
      .filter((x) => x.name.trim() !== ''),
    documents_basis: str(p, 'documents_basis'),
    documents_assumed: p['documents_assumed'] === true,
  };
}

/** GET /v1/catalog: the procedures, in the catalog's order. */
export function decodeCatalog(value: unknown): Procedure[] {
  return list(object(value, 'Catalog'), 'procedures').map(procedure);
}

/** CommandReply (command.proto) to a receive: the new dossier and the receipt's lookup secret. */
export interface ReceiveReply {
  dossier: Dossier;
  lookup_secret: string;
}

export function decodeReceiveReply(value: unknown): ReceiveReply {
  const o = object(value, 'CommandReply');
  return { dossier: decodeDossier(o['dossier']), lookup_secret: str(o, 'lookup_secret') };
}

/** Officer (session.proto): someone a dossier can be handed over to. */
export interface Officer {
  user: string;
  display_name: string;
  roles: Role[];
  unit: string;
}

/** GET /v1/officers. */
export function decodeOfficers(value: unknown): Officer[] {
  return list(object(value, 'OfficerList'), 'officers').map((item) => {
    const o = object(item, 'Officer');
    return {
      user: str(o, 'user'),
      display_name: str(o, 'display_name'),
      roles: list(o, 'roles').filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)),
      unit: str(o, 'unit'),
    };
  });
}

/** The error body, or null when the reply is not one. */
export function decodeError(value: unknown): ErrorBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Json;
  const message = o['message'];
  if (typeof message !== 'string' || message === '') return null;
  return { code: typeof o['code'] === 'string' ? o['code'] : '', message };
}

/** AlertKind (event.proto): the two moments motcua watches. */
export type AlertKind = 'ALERT_KIND_APOLOGY_DUE' | 'ALERT_KIND_OVERDUE';

/** Alert (alerts.proto): one AlertRaised event, as GET /v1/alerts and the event stream carry it. */
export interface Alert {
  /** The event's seq (uint64, written as a string): unique, increasing. */
  id: string;
  dossier_code: string;
  kind: AlertKind;
  /** The apology deadline or the due time. */
  moment: string;
  appointment_at: string;
  raised_at: string;
}

/** One alert; null for a kind this page does not know (it is not shown). */
export function decodeAlert(value: unknown): Alert | null {
  const a = object(value, 'Alert');
  const kind = a['kind'];
  if (kind !== 'ALERT_KIND_APOLOGY_DUE' && kind !== 'ALERT_KIND_OVERDUE') return null;
  const id = integer(a, 'id');
  const alert: Alert = {
    id: id === null ? '' : String(id),
    dossier_code: str(a, 'dossier_code'),
    kind,
    moment: str(a, 'moment'),
    appointment_at: str(a, 'appointment_at'),
    raised_at: str(a, 'raised_at'),
  };
  if (alert.id === '' || alert.dossier_code === '') throw new ContractError('Alert: id and dossier_code are required');
  return alert;
}

/** GET /v1/alerts: the alerts this page knows, in the server's order. */
export function decodeAlertList(value: unknown): { alerts: Alert[]; truncated: boolean } {
  const o = object(value, 'AlertList');
  return {
    alerts: list(o, 'alerts').map(decodeAlert).filter((a): a is Alert => a !== null),
    truncated: o['truncated'] === true,
  };
}

/** AppointmentPreview (api.proto): what a dossier received now would be promised. */
export interface AppointmentPreview {
  procedure_code: string;
  appointment_at: string;
  provisional: boolean;
}

export function decodeAppointmentPreview(value: unknown): AppointmentPreview {
  const o = object(value, 'AppointmentPreview');
  const preview = { procedure_code: str(o, 'procedure_code'), appointment_at: str(o, 'appointment_at'), provisional: o['provisional'] === true };
  if (preview.appointment_at === '') throw new ContractError('AppointmentPreview: appointment_at is required');
  return preview;
}

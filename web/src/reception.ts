// Receiving a dossier at the counter or by post: POST /v1/commands/receive
// (the Receive message of command.proto) with an Idempotency-Key, so that the
// same form sent twice (a double click, a retry after a lost reply) is one dossier.

import { request } from './api';
import { decodeReceiveReply, type ReceiveReply } from './contract';

/** Channel values a new dossier can be received under (an online one is registered first). */
export const RECEIVE_CHANNELS = ['CHANNEL_COUNTER', 'CHANNEL_POST'] as const;
export type ReceiveChannel = (typeof RECEIVE_CHANNELS)[number];

/** Document (dossier.proto). */
export interface DocumentInput {
  name: string;
  copies: number;
  digitized: boolean;
  reused: boolean;
}

/** Applicant (dossier.proto); empty strings are left out of the body. */
export interface ApplicantInput {
  name: string;
  id_number: string;
  phone: string;
  address: string;
  email: string;
}

export interface ReceiveInput {
  procedure_code: string;
  applicant: ApplicantInput;
  channel: ReceiveChannel;
  documents: DocumentInput[];
  sets: number;
}

function withoutEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== false && v !== 0)) as Partial<T>;
}

/** The request body, proto field names, defaults left out (as protobuf JSON would). */
export function receiveBody(input: ReceiveInput): object {
  return {
    procedure_code: input.procedure_code,
    applicant: withoutEmpty(input.applicant),
    channel: input.channel,
    documents: input.documents.map((d) => withoutEmpty(d)),
    ...(input.sets > 0 && { sets: input.sets }),
  };
}

export async function receiveDossier(input: ReceiveInput, idempotencyKey: string): Promise<ReceiveReply> {
  const reply = await request('POST', '/v1/commands/receive', {
    body: receiveBody(input),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return decodeReceiveReply(reply);
}

/**
 * A random UUID (v4). crypto.randomUUID exists only in a secure context (HTTPS or
 * localhost); a counter PC reaching motcuad by its LAN address over plain HTTP gets
 * the same from getRandomValues, which every context has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** GET /v1/dossiers/{code}/receipt?format=html: Mẫu 01, the A5 receipt the server prints. */
export function receiptUrl(code: string): string {
  return `/v1/dossiers/${encodeURIComponent(code)}/receipt?format=html`;
}

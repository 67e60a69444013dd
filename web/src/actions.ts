// Which commands the dossier detail offers, for the dossier's status and the
// signed-in officer's roles, and sending one.
//
// A copy, not the rule: the server decides. Which status allows which command is
// engine/dossier/lifecycle.cc (CheckTransition; the table in docs/domain.md, "The
// lifecycle"); which role may run it is adapters/http/access_policy.cc (RolesToRun,
// MayRun). This table only keeps the page from offering what would be refused; a
// command the server refuses anyway (a stale page) shows the server's message.

import { request } from './api';
import type { Dossier, Role, Status } from './contract';

export type ActionName =
  | 'accept'
  | 'return-result'
  | 'result-ready'
  | 'hand-over'
  | 'supplement'
  | 'record-payment'
  | 'request-supplement'
  | 'request-fee'
  | 'apologize'
  | 'refuse'
  | 'withdraw'
  | 'stop';

interface Rule {
  /** Statuses the command is legal in (lifecycle.cc). */
  from: readonly Status[];
  /** Roles that may run it (access_policy.cc, RolesToRun). */
  roles: readonly Role[];
  /** Further conditions of lifecycle.cc the dossier shows. */
  when?: (d: Dossier) => boolean;
}

const RECEIVED = 'STATUS_RECEIVED';
const PROCESSING = 'STATUS_PROCESSING';
const R = 'ROLE_RECEPTION';
const S = 'ROLE_SPECIALIST';
const L = 'ROLE_LEADER';

const OPEN: readonly Status[] = [RECEIVED, PROCESSING, 'STATUS_SUPPLEMENT_REQUESTED', 'STATUS_FEE_REQUESTED'];

/** In the order the buttons appear: the usual next step first, the final ones ("Từ chối", "Rút", "Dừng") last. */
export const ACTIONS: Readonly<Record<ActionName, Rule>> = {
  // Accepting an online registration: `receive` naming its code (lifecycle.cc, kReceived from 1).
  accept: { from: ['STATUS_REGISTERED_ONLINE'], roles: [R] },
  'return-result': { from: ['STATUS_RESULT_READY'], roles: [R] },
  'result-ready': { from: [RECEIVED, PROCESSING], roles: [S, L] },
  'hand-over': { from: [RECEIVED, PROCESSING, 'STATUS_RESULT_READY'], roles: [R, S, L] },
  supplement: { from: ['STATUS_SUPPLEMENT_REQUESTED'], roles: [R] },
  // Legal from 1, 2, 4 and 6 (once); the page offers it where a fee was asked for.
  'record-payment': { from: ['STATUS_FEE_REQUESTED'], roles: [R], when: (d) => !d.fee_paid },
  'request-supplement': { from: [RECEIVED, PROCESSING], roles: [R, S] },
  // Once per dossier, and not after a payment.
  'request-fee': { from: [RECEIVED, PROCESSING], roles: [R, S], when: (d) => !d.fee_requested },
  // While open, once per dossier (the new appointment is checked by the server).
  apologize: { from: OPEN, roles: [R, S, L], when: (d) => !d.apologized },
  refuse: { from: ['STATUS_REGISTERED_ONLINE'], roles: [R] },
  withdraw: { from: ['STATUS_REGISTERED_ONLINE', ...OPEN], roles: [R] },
  stop: { from: OPEN, roles: [S, L] },
};

/** The command's path where it is not the action's own name. */
const COMMAND: Partial<Record<ActionName, string>> = { accept: 'receive' };

/** The commands this officer may run on this dossier now, in button order. */
export function allowedActions(dossier: Dossier, roles: readonly Role[]): ActionName[] {
  return (Object.keys(ACTIONS) as ActionName[]).filter((name) => {
    const rule = ACTIONS[name];
    return rule.from.includes(dossier.status) && rule.roles.some((r) => roles.includes(r)) && (rule.when?.(dossier) ?? true);
  });
}

/** POST /v1/commands/{name} (command.proto's message for it) with the form's Idempotency-Key; the CommandReply. */
export async function runCommand(name: ActionName, body: object, idempotencyKey: string): Promise<unknown> {
  return request('POST', `/v1/commands/${COMMAND[name] ?? name}`, { body, headers: { 'Idempotency-Key': idempotencyKey } });
}

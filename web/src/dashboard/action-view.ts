// "Cần xử lý ngay": overdue and due-soon dossiers grouped by unit and by the officer
// holding them (with counts), the apologies due, and the dossiers waiting for a
// supplement too long. Every code opens the dossier's detail.

import type { Alert, DossierSummary, Officer } from '../contract';
import { h } from '../dom';
import { formatDateTime } from '../format';
import { displayName } from '../officers';
import { timeLeftText, urgencyLabel, urgencyMark, urgencyTone } from '../urgency';
import { formatCount } from './numbers';
import { ACTION_CAP, type ActionData } from './action-data';

function codeButton(code: string, onOpen: (code: string) => void): HTMLElement {
  const button = h('button', { className: 'link-button', attrs: { type: 'button', 'data-code': code } }, code);
  button.addEventListener('click', () => onOpen(code));
  return button;
}

function dossierLine(d: DossierSummary, onOpen: (code: string) => void): HTMLElement {
  return h(
    'li',
    { className: 'action-dossier' },
    codeButton(d.code, onOpen),
    ' ',
    h('span', { className: `badge ${urgencyTone(d.urgency)}` }, `${urgencyMark(d.urgency)} ${urgencyLabel(d.urgency, d.status)}`),
    ' ',
    h('span', { className: 'cell-note action-left' }, [timeLeftText(d.urgency, d.working_seconds_left), d.procedure_name].filter((s) => s !== '').join(' · ')),
  );
}

function counts(rows: DossierSummary[]): string {
  const overdue = rows.filter((d) => d.urgency === 'URGENCY_OVERDUE').length;
  const soon = rows.length - overdue;
  return `✗ Quá hạn: ${formatCount(overdue)} · ⚠ Sắp đến hạn: ${formatCount(soon)}`;
}

/** Unit → holder → dossiers, in the server's order (most urgent first) within each. */
function grouped(rows: DossierSummary[], officers: readonly Officer[], onOpen: (code: string) => void): HTMLElement {
  const units = new Map<string, Map<string, DossierSummary[]>>();
  for (const d of rows) {
    // The holder's own unit by name where the officer is known: a dossier still at the
    // counter carries the office's code ("000.00.07.H06") as its holder_unit.
    const name = officers.find((o) => o.user === d.holder_user && o.unit !== '')?.unit ?? d.holder_unit;
    const unit = units.get(name) ?? new Map<string, DossierSummary[]>();
    units.set(name, unit);
    const list = unit.get(d.holder_user) ?? [];
    unit.set(d.holder_user, list);
    list.push(d);
  }
  return h(
    'div',
    { className: 'action-units' },
    ...[...units.entries()].map(([unit, holders]) => {
      const all = [...holders.values()].flat();
      return h(
        'section',
        { className: 'action-unit', attrs: { 'data-unit': unit } },
        h('h4', {}, unit !== '' ? unit : 'Chưa giao đơn vị', ' ', h('span', { className: 'cell-note' }, counts(all))),
        h(
          'ul',
          { className: 'action-holders' },
          ...[...holders.entries()].map(([user, list]) =>
            h(
              'li',
              { className: 'action-holder', attrs: { 'data-holder': user } },
              h('p', { className: 'action-holder-name' }, user !== '' ? displayName(officers, user) : 'Chưa giao cán bộ', ' ', h('span', { className: 'cell-note' }, counts(list))),
              h('ul', { className: 'action-dossiers' }, ...list.map((d) => dossierLine(d, onOpen))),
            ),
          ),
        ),
      );
    }),
  );
}

function alertLine(a: Alert, onOpen: (code: string) => void): HTMLElement {
  return h('li', { className: 'action-dossier' }, codeButton(a.dossier_code, onOpen), ' ', h('span', { className: 'cell-note' }, `Hẹn trả ${formatDateTime(a.appointment_at)} · cần xin lỗi trước ${formatDateTime(a.moment)}`));
}

function waitingLine(d: DossierSummary, onOpen: (code: string) => void): HTMLElement {
  return h('li', { className: 'action-dossier' }, codeButton(d.code, onOpen), ' ', h('span', { className: 'cell-note' }, [d.procedure_name, d.holder_unit].filter((s) => s !== '').join(' · ')));
}

export function renderActionNow(data: ActionData, officers: readonly Officer[], onOpen: (code: string) => void): HTMLElement {
  return h(
    'div',
    { className: 'action-now' },
    h(
      'section',
      { className: 'action-block', attrs: { 'data-block': 'urgent' } },
      h('h3', {}, `Hồ sơ quá hạn và sắp đến hạn (${formatCount(data.urgent.length)}${data.capped ? '+' : ''})`),
      data.capped && h('p', { className: 'dash-note' }, `Chỉ đọc ${formatCount(ACTION_CAP)} hồ sơ gấp nhất; xem đủ trong danh sách hồ sơ.`),
      data.urgent.length === 0 ? h('p', { className: 'dash-note' }, '✓ Không có hồ sơ quá hạn hay sắp đến hạn.') : grouped(data.urgent, officers, onOpen),
    ),
    h(
      'section',
      { className: 'action-block', attrs: { 'data-block': 'apology' } },
      h('h3', {}, `Cần xin lỗi, hẹn lại (${formatCount(data.apologyDue.length)})`),
      data.alertsRefused
        ? h('p', { className: 'dash-note' }, 'Tài khoản này không xem cảnh báo.')
        : data.apologyDue.length === 0
          ? h('p', { className: 'dash-note' }, '✓ Không có hồ sơ cần xin lỗi.')
          : h('ul', { className: 'action-dossiers' }, ...data.apologyDue.map((a) => alertLine(a, onOpen))),
    ),
    h(
      'section',
      { className: 'action-block', attrs: { 'data-block': 'waiting' } },
      h('h3', {}, `Chờ bổ sung quá lâu (${formatCount(data.waitingTooLong.length)})`),
      h('p', { className: 'dash-note' }, 'Chờ công dân bổ sung lâu hơn toàn bộ thời hạn giải quyết của thủ tục.'),
      data.waitingTooLong.length === 0 ? h('p', { className: 'dash-note' }, '✓ Không có.') : h('ul', { className: 'action-dossiers' }, ...data.waitingTooLong.map((d) => waitingLine(d, onOpen))),
    ),
  );
}

// One dossier ("Hồ sơ <mã>"): what the officer may do with it now, its facts beside
// its history, and the way back to the list.

import type { DossierDetail, DossierEvent, Officer, SessionInfo, Status } from '../contract';
import { h, type Child } from '../dom';
import { formatDateTime } from '../format';
import { actorName, describeEvent } from '../history';
import { CHANNEL_LABELS, STATUS_LABELS, statusTone } from '../labels';
import { officerName } from '../officers';
import { renderActions } from './dossier-actions';

const DASH = '—';

/** Statuses after which nobody holds the dossier any more (domain.md, Statuses). */
const FINAL: readonly Status[] = ['STATUS_REFUSED', 'STATUS_WITHDRAWN', 'STATUS_STOPPED', 'STATUS_RETURNED'];

export interface DetailOptions {
  detail: DossierDetail;
  session: SessionInfo;
  /** For display names; [] when the list could not be had. */
  officers: readonly Officer[];
  /** What the last action did (after it the detail is reloaded). */
  notice?: string;
  onBack: () => void;
  /** Reload the dossier from the server, showing `notice` when given. */
  onReload: (notice?: string) => void;
}

function note(text: string): Child {
  return text !== '' && h('span', { className: 'cell-note' }, text);
}

/** One `dt`/`dd` pair; `name` lets tests (and styles) find it. */
function fact(name: string, label: string, main: Child, ...notes: Child[]): HTMLElement {
  const value = typeof main === 'string' && main === '' ? DASH : main;
  return h('div', { className: 'fact', attrs: { 'data-field': name } }, h('dt', {}, label), h('dd', {}, h('span', { className: 'fact-main' }, value), ...notes));
}

function timelineItem(e: DossierEvent, nameOf: (user: string) => string): HTMLLIElement {
  const { title, details } = describeEvent(e, nameOf);
  const who = e.actor === 'system' ? actorName(e.actor) : nameOf(e.actor);
  return h(
    'li',
    { attrs: { 'data-kind': e.kind } },
    h('time', { attrs: { datetime: e.at } }, formatDateTime(e.at) || DASH),
    h('p', { className: 'event-title' }, title),
    ...details.map((d) => h('p', { className: 'event-detail' }, d)),
    who !== '' && h('p', { className: 'event-actor' }, `Người thực hiện: ${who}`),
  );
}

export function renderDossierDetail({ detail, session, officers, notice = '', onBack, onReload }: DetailOptions): HTMLElement {
  const d = detail.dossier;
  const me: Officer = { user: session.user, display_name: session.display_name, roles: session.roles, unit: session.unit };
  const nameOf = (user: string): string => officerName([me, ...officers], user);
  const back = h('button', { className: 'button secondary back', attrs: { type: 'button' } }, '← Quay lại danh sách');
  back.addEventListener('click', onBack);
  const reload = h('button', { className: 'button secondary small reload', attrs: { type: 'button' } }, 'Tải lại');
  reload.addEventListener('click', () => onReload());

  const appointment = formatDateTime(d.appointment_at);
  const original = formatDateTime(d.original_appointment_at);
  const extended = formatDateTime(d.extended_appointment_at);
  const facts = h(
    'dl',
    { className: 'facts' },
    fact('applicant', 'Người nộp', d.applicant.name, note(d.applicant.phone === '' ? '' : `Điện thoại: ${d.applicant.phone}`)),
    fact('procedure', 'Thủ tục', d.procedure_name !== '' ? d.procedure_name : d.procedure_code, note(d.procedure_name !== '' ? `Mã thủ tục: ${d.procedure_code}` : '')),
    fact('status', 'Trạng thái', h('span', { className: `badge ${statusTone(d.status)}` }, STATUS_LABELS[d.status]), note(d.end_reason === '' ? '' : `Lý do: ${d.end_reason}`)),
    fact('received', 'Ngày tiếp nhận', formatDateTime(d.received_at), note(CHANNEL_LABELS[d.channel] ?? '')),
    fact(
      'appointment',
      'Ngày hẹn trả',
      appointment,
      note(d.appointment_provisional ? 'Tạm tính: lịch nghỉ năm đó chưa được công bố' : ''),
      note(extended === '' ? '' : `Hẹn lại (thư xin lỗi): ${extended}`),
      note(original !== '' && original !== appointment ? `Hẹn trên phiếu tiếp nhận: ${original}` : ''),
    ),
    d.returned_at !== '' && fact('returned', 'Ngày trả kết quả', formatDateTime(d.returned_at)),
    fact('holder', FINAL.includes(d.status) ? 'Người xử lý sau cùng' : 'Người đang xử lý', d.holder_user === '' ? '' : nameOf(d.holder_user), note(d.holder_unit)),
  );

  const history = h(
    'section',
    { className: 'history', attrs: { 'aria-labelledby': 'history-title' } },
    h('h2', { attrs: { id: 'history-title' } }, 'Quá trình xử lý'),
    detail.history.length === 0
      ? h('p', { className: 'empty' }, 'Chưa có sự kiện nào.')
      : h('ol', { className: 'timeline' }, ...detail.history.map((e) => timelineItem(e, nameOf))),
  );

  return h(
    'section',
    { className: 'detail', attrs: { 'aria-labelledby': 'detail-title', 'data-code': d.code } },
    h(
      'div',
      { className: 'detail-head' },
      back,
      h('h1', { attrs: { id: 'detail-title', tabindex: '-1' } }, 'Hồ sơ ', h('span', { className: 'detail-code' }, d.code)),
      reload,
    ),
    notice !== '' && h('p', { className: 'notice done-notice', attrs: { role: 'status' } }, notice),
    renderActions({ dossier: d, session, onDone: (text) => onReload(text), onReload: () => onReload() }),
    h('div', { className: 'detail-body' }, h('div', { className: 'facts-card' }, facts), history),
  );
}

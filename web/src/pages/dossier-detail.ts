// One dossier ("Hồ sơ <mã>"): what the officer may do with it now, its facts beside
// its history, and the way back to the list.

import type { DossierDetail, DossierEvent, Officer, SessionInfo, Status } from '../contract';
import { h, showMessage, type Child } from '../dom';
import { formatDateTime } from '../format';
import { actorName, describeEvent } from '../history';
import { CHANNEL_LABELS, STATUS_LABELS, statusTone } from '../labels';
import { letter, openLetter, type Letter } from '../letters';
import { messages } from '../messages';
import { renderActions, type ActionDone } from './dossier-actions';
import { namesOf, type NameOf } from './officer-name';

const DASH = '—';

/** Statuses after which nobody holds the dossier any more (domain.md, Statuses). */
const FINAL: readonly Status[] = ['STATUS_REFUSED', 'STATUS_WITHDRAWN', 'STATUS_STOPPED', 'STATUS_RETURNED'];

export interface DetailOptions {
  detail: DossierDetail;
  session: SessionInfo;
  /** For display names; [] when the list could not be had. */
  officers: readonly Officer[];
  /** What the last action did (after it the detail is reloaded), and its form to print. */
  notice?: ActionDone | null;
  onBack: () => void;
  /** Where "back" leads, as its button says it; "Quay lại danh sách" by default. */
  backLabel?: string;
  /** Reload the dossier from the server, showing `notice` when given. */
  onReload: (notice?: ActionDone) => void;
}

/** "Đã …" and, when the step calls for a form, its print button (the tab opens on click). */
function doneBar(done: ActionDone): HTMLElement {
  const blocked = h('p', { className: 'form-error', attrs: { role: 'alert', hidden: '' } });
  const l = done.letter;
  const print = l !== undefined && h('button', { className: 'button primary small print-letter', attrs: { type: 'button', 'data-letter': l.kind } }, l.label);
  if (print !== false && l !== undefined) {
    print.addEventListener('click', () => showMessage(blocked, openLetter(l) ? '' : messages.letterBlocked(l.label)));
  }
  return h('div', { className: 'done-bar' }, h('p', { className: 'notice done-notice', attrs: { role: 'status' } }, done.text), print, blocked);
}

function note(text: string): Child {
  return text !== '' && h('span', { className: 'cell-note' }, text);
}

/** One `dt`/`dd` pair; `name` lets tests (and styles) find it. */
function fact(name: string, label: string, main: Child, ...notes: Child[]): HTMLElement {
  const value = typeof main === 'string' && main === '' ? DASH : main;
  return h('div', { className: 'fact', attrs: { 'data-field': name } }, h('dt', {}, label), h('dd', {}, h('span', { className: 'fact-main' }, value), ...notes));
}

function timelineItem(e: DossierEvent, nameOf: NameOf): HTMLLIElement {
  const { title, details } = describeEvent(e);
  const who = e.actor === 'system' || e.actor === '' ? actorName(e.actor) : nameOf(e.actor);
  return h(
    'li',
    { attrs: { 'data-kind': e.kind } },
    h('time', { attrs: { datetime: e.at } }, formatDateTime(e.at) || DASH),
    h('p', { className: 'event-title' }, title),
    ...details.map((pieces) => h('p', { className: 'event-detail' }, ...pieces.map((p) => (typeof p === 'string' ? p : nameOf(p.user))))),
    who !== '' && h('p', { className: 'event-actor' }, 'Người thực hiện: ', who),
  );
}

/** The forms this dossier has, to print again: the receipt once received, Mẫu 02 while waiting, Mẫu 03 once refused, Mẫu 04 once apologised. */
function lettersOf(d: DossierDetail['dossier']): Letter[] {
  const out: Letter[] = [];
  if (d.received_at !== '') out.push(letter('receipt', d.code));
  if (d.status === 'STATUS_SUPPLEMENT_REQUESTED') out.push(letter('supplement-request', d.code));
  if (d.status === 'STATUS_REFUSED') out.push(letter('refusal', d.code));
  if (d.apologized) out.push(letter('apology', d.code));
  // Every hand-over and step so far: the slip travels with the dossier.
  if (d.received_at !== '') out.push(letter('slip', d.code));
  return out;
}

function printButtons(letters: readonly Letter[]): HTMLElement | false {
  if (letters.length === 0) return false;
  const blocked = h('p', { className: 'form-error', attrs: { role: 'alert', hidden: '' } });
  const buttons = letters.map((l) => {
    const b = h('button', { className: 'button secondary small', attrs: { type: 'button', 'data-letter': l.kind } }, l.label);
    b.addEventListener('click', () => showMessage(blocked, openLetter(l) ? '' : messages.letterBlocked(l.label)));
    return b;
  });
  return fact('letters', 'In giấy tờ', h('span', { className: 'letter-buttons' }, ...buttons), blocked);
}

export function renderDossierDetail({ detail, session, officers, notice = null, onBack, backLabel = 'Quay lại danh sách', onReload }: DetailOptions): HTMLElement {
  const d = detail.dossier;
  const nameOf = namesOf(officers, session);
  const back = h('button', { className: 'button secondary back', attrs: { type: 'button' } }, `← ${backLabel}`);
  back.addEventListener('click', onBack);
  const reload = h('button', { className: 'button secondary small reload', attrs: { type: 'button' } }, 'Tải lại');
  reload.addEventListener('click', () => onReload());

  const appointment = formatDateTime(d.appointment_at);
  const original = formatDateTime(d.original_appointment_at);
  const extended = formatDateTime(d.extended_appointment_at);
  const citizen = formatDateTime(d.citizen_appointment_at);
  const facts = h(
    'dl',
    { className: 'facts' },
    fact('applicant', 'Người nộp', d.applicant.name, note(d.applicant.phone === '' ? '' : `Điện thoại: ${d.applicant.phone}`)),
    fact('procedure', 'Thủ tục', d.procedure_name !== '' ? d.procedure_name : d.procedure_code, note(d.procedure_name !== '' ? `Mã thủ tục: ${d.procedure_code}` : '')),
    fact('status', 'Trạng thái', h('span', { className: `badge ${statusTone(d.status)}` }, STATUS_LABELS[d.status]), note(d.end_reason === '' ? '' : `Lý do: ${d.end_reason}`)),
    fact(
      'received',
      'Ngày tiếp nhận',
      d.received_at === '' && d.registered_at !== '' ? 'Chưa tiếp nhận' : formatDateTime(d.received_at),
      note(CHANNEL_LABELS[d.channel] ?? ''),
      note(d.registered_at === '' ? '' : `Đăng ký trực tuyến: ${formatDateTime(d.registered_at)}`),
    ),
    fact(
      'appointment',
      'Ngày hẹn trả',
      appointment,
      note(d.appointment_provisional ? 'Tạm tính: lịch nghỉ năm đó chưa được công bố' : ''),
      note(citizen !== '' && citizen !== appointment ? `Hẹn công dân (tính lại từ khi nhận đủ hồ sơ): ${citizen}` : ''),
      note(d.supplement_late ? 'Đã yêu cầu bổ sung quá thời hạn luật định' : ''),
      note(extended === '' ? '' : `Hẹn lại (thư xin lỗi): ${extended}`),
      note(original !== '' && original !== appointment ? `Hẹn trên phiếu tiếp nhận: ${original}` : ''),
    ),
    fact(
      'documents',
      'Thành phần hồ sơ',
      d.documents.length === 0
        ? ''
        : h(
            'ul',
            { className: 'doc-facts' },
            ...d.documents.map((doc) =>
              h('li', {}, doc.name, note([doc.copies > 1 ? `${doc.copies} bản` : '', doc.digitized ? 'đã số hóa' : '', doc.reused ? 'tái sử dụng dữ liệu' : ''].filter((x) => x !== '').join(', '))),
            ),
          ),
    ),
    d.returned_at !== '' && fact('returned', 'Ngày trả kết quả', formatDateTime(d.returned_at)),
    fact('holder', FINAL.includes(d.status) ? 'Người xử lý sau cùng' : 'Người đang xử lý', d.holder_user === '' ? '' : nameOf(d.holder_user), note(d.holder_unit)),
    printButtons(lettersOf(d)),
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
    notice !== null && doneBar(notice),
    renderActions({ dossier: d, session, onDone: (done) => onReload(done), onReload: () => onReload() }),
    h('div', { className: 'detail-body' }, h('div', { className: 'facts-card' }, facts), history),
  );
}

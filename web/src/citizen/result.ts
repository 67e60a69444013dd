// One dossier as its citizen sees it: the status big, the procedure and dates,
// the office's apology when there is one, then the steps oldest first. Only what
// CitizenView carries, which holds no personal data by design.

import { h, type Child } from '../dom';
import { formatDateTime } from '../format';
import type { CitizenStep, CitizenView } from './citizen-view';
import { statusWords } from './status-words';

/** One fact ("Ngày hẹn trả"); callers leave out what the server left empty. */
function fact(field: string, label: string, ...value: Child[]): HTMLElement {
  return h('div', { className: 'fact', attrs: { 'data-field': field } }, h('dt', {}, label), h('dd', {}, ...value));
}

function when(rfc3339: string): Child {
  const shown = formatDateTime(rfc3339);
  return shown === '' ? '' : h('time', { attrs: { datetime: rfc3339 } }, shown);
}

function apology(view: CitizenView): HTMLElement | null {
  if (view.apology_reason === '' && view.new_appointment_at === '') return null;
  return h(
    'section',
    { className: 'apology', attrs: { 'aria-labelledby': 'apology-title' } },
    h('h2', { attrs: { id: 'apology-title' } }, 'Cơ quan xin lỗi vì hồ sơ trễ hạn'),
    view.apology_reason !== '' && h('p', { className: 'apology-reason' }, 'Lý do: ', view.apology_reason),
    view.new_appointment_at !== '' &&
      h('p', { className: 'apology-date' }, 'Ngày hẹn trả mới: ', h('strong', {}, when(view.new_appointment_at))),
  );
}

function step(s: CitizenStep): HTMLElement {
  return h(
    'li',
    { className: 'step' },
    h('p', { className: 'step-title' }, s.title),
    s.at !== '' && h('p', { className: 'step-at' }, when(s.at)),
    s.detail !== '' && h('p', { className: 'step-detail' }, s.detail),
  );
}

/** Nothing when there are no steps: every dossier has at least its reception, so none means a server without them. */
function steps(list: CitizenStep[]): HTMLElement | null {
  if (list.length === 0) return null;
  return h(
    'section',
    { className: 'steps', attrs: { 'aria-labelledby': 'steps-title' } },
    h('h2', { attrs: { id: 'steps-title' } }, 'Quá trình xử lý'),
    h('ol', { className: 'timeline' }, ...list.map(step)),
  );
}

/** `rating`: the rating part (./rating-form.ts), placed after the facts; null when none. */
export function renderResult(view: CitizenView, rating: HTMLElement | null = null): HTMLElement {
  const status = statusWords(view.status, view.status_name);
  const apologised = view.new_appointment_at !== '';
  const procedure = view.procedure_name !== '' ? view.procedure_name : view.procedure_code;
  return h(
    'article',
    { className: 'result', attrs: { 'aria-labelledby': 'result-status', 'data-status': view.status } },
    h('p', { className: 'result-code' }, 'Hồ sơ ', h('strong', {}, view.code)),
    // Focused after a lookup, so a screen reader starts with the answer.
    h('h2', { className: `result-status ${status.tone}`, attrs: { id: 'result-status', tabindex: '-1' } }, status.title),
    status.hint !== '' && h('p', { className: 'result-hint' }, status.hint),
    h(
      'dl',
      { className: 'facts' },
      procedure !== '' && fact('procedure', 'Thủ tục', procedure),
      view.received_at !== '' && fact('received', 'Ngày tiếp nhận', when(view.received_at)),
      apologised
        ? fact('appointment', 'Ngày hẹn trả mới', h('strong', {}, when(view.new_appointment_at)))
        : view.appointment_at !== '' && fact('appointment', 'Ngày hẹn trả', h('strong', {}, when(view.appointment_at))),
      apologised && view.appointment_at !== '' && fact('first-appointment', 'Ngày hẹn trả ban đầu', when(view.appointment_at)),
    ),
    apology(view),
    rating,
    steps(view.steps),
  );
}

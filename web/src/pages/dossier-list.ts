// The dossier list ("Hồ sơ"): a status filter and one table row per dossier;
// a row (or its code, from the keyboard) opens the dossier.

import { STATUSES, type DossierList, type DossierSummary, type Status } from '../contract';
import { h, replace, setText, showMessage } from '../dom';
import { DEFAULT_LIMIT, listDossiers } from '../dossiers';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { STATUS_LABELS, statusTone } from '../labels';

const DASH = '—';

function orDash(text: string): string {
  return text === '' ? DASH : text;
}

function cellWithNote(main: string, note: string): HTMLTableCellElement {
  return h('td', {}, h('span', { className: 'cell-main' }, orDash(main)), note !== '' && h('span', { className: 'cell-note' }, note));
}

function row(d: DossierSummary): HTMLTableRowElement {
  const extended = formatDateTime(d.extended_appointment_at);
  const open = d.code !== '' && h('button', { className: 'link-button', attrs: { type: 'button', 'aria-label': `Mở hồ sơ ${d.code}` } }, d.code);
  return h(
    'tr',
    { className: d.code === '' ? '' : 'openable', attrs: { 'data-code': d.code } },
    h('th', { className: 'col-code', attrs: { scope: 'row' } }, open || DASH),
    h('td', {}, orDash(d.applicant_name)),
    cellWithNote(d.procedure_name !== '' ? d.procedure_name : d.procedure_code, d.procedure_name !== '' ? d.procedure_code : ''),
    h('td', {}, h('span', { className: `badge ${statusTone(d.status)}` }, STATUS_LABELS[d.status])),
    cellWithNote(formatDateTime(d.appointment_at), extended === '' ? '' : `Hẹn lại: ${extended}`),
    cellWithNote(d.holder_user, d.holder_unit),
  );
}

function summaryText(list: DossierList, status: Status | undefined): string {
  const n = list.dossiers.length;
  if (n === 0) return '';
  const where = status === undefined ? '' : ` ở trạng thái “${STATUS_LABELS[status]}”`;
  const head = list.truncated ? `Hiện ${n} hồ sơ đầu tiên${where}` : `${n} hồ sơ${where}`;
  return `${head}, sắp theo ngày hẹn trả. Bấm vào một hồ sơ để xem chi tiết.`;
}

function emptyText(status: Status | undefined): string {
  return status === undefined ? 'Chưa có hồ sơ nào.' : `Không có hồ sơ nào ở trạng thái “${STATUS_LABELS[status]}”.`;
}

export interface DossierListView {
  section: HTMLElement;
  /** Asks the server again, with the filter as it is. */
  reload: () => void;
}

export function renderDossierList(onOpen: (code: string) => void): DossierListView {
  const select = h(
    'select',
    { attrs: { id: 'filter-status', name: 'status' } },
    h('option', { attrs: { value: '' } }, 'Tất cả trạng thái'),
    ...STATUSES.map((s) => h('option', { attrs: { value: s } }, STATUS_LABELS[s])),
  );
  const reload = h('button', { className: 'button secondary', attrs: { type: 'submit' } }, 'Tải lại');
  const filters = h(
    'form',
    { className: 'filters', attrs: { role: 'search', 'aria-label': 'Lọc hồ sơ' } },
    h('label', { attrs: { for: 'filter-status' } }, 'Trạng thái'),
    select,
    reload,
  );

  const summary = h('p', { className: 'list-summary', attrs: { role: 'status' } });
  const error = h('p', { className: 'form-error', attrs: { role: 'alert' } });
  const empty = h('p', { className: 'empty', attrs: { hidden: '' } });
  const truncated = h('p', { className: 'notice', attrs: { hidden: '' } });
  const body = h('tbody');
  const table = h(
    'table',
    { className: 'dossier-table', attrs: { 'aria-labelledby': 'dossiers-title' } },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { className: 'col-code', attrs: { scope: 'col' } }, 'Mã hồ sơ'),
        h('th', { className: 'col-applicant', attrs: { scope: 'col' } }, 'Người nộp'),
        h('th', { className: 'col-procedure', attrs: { scope: 'col' } }, 'Thủ tục'),
        h('th', { className: 'col-status', attrs: { scope: 'col' } }, 'Trạng thái'),
        h('th', { className: 'col-due', attrs: { scope: 'col' } }, 'Ngày hẹn trả'),
        h('th', { className: 'col-holder', attrs: { scope: 'col' } }, 'Người đang xử lý'),
      ),
    ),
    body,
  );
  const wrap = h('div', { className: 'table-wrap' }, table);
  const section = h(
    'section',
    { className: 'dossiers', attrs: { 'aria-labelledby': 'dossiers-title', 'data-state': 'loading' } },
    h('div', { className: 'list-head' }, h('h1', { attrs: { id: 'dossiers-title', tabindex: '-1' } }, 'Hồ sơ'), filters),
    summary,
    error,
    wrap,
    empty,
    truncated,
  );

  // Only the newest request may paint: a slow reply for an old filter is dropped.
  let generation = 0;
  async function load(): Promise<void> {
    const mine = ++generation;
    const status = select.value === '' ? undefined : (select.value as Status);
    section.dataset['state'] = 'loading';
    table.setAttribute('aria-busy', 'true');
    setText(summary, 'Đang tải danh sách…');
    setText(error, '');
    try {
      const list = await listDossiers(status === undefined ? {} : { status });
      if (mine !== generation) return;
      replace(body, ...list.dossiers.map(row));
      wrap.hidden = list.dossiers.length === 0;
      showMessage(empty, list.dossiers.length === 0 ? emptyText(status) : '');
      showMessage(truncated, list.truncated ? `Danh sách chỉ hiện ${DEFAULT_LIMIT} hồ sơ có ngày hẹn trả sớm nhất. Hãy lọc theo trạng thái để xem các hồ sơ khác.` : '');
      setText(summary, summaryText(list, status));
      section.dataset['state'] = 'ready';
    } catch (failure) {
      if (mine !== generation) return;
      setText(summary, '');
      setText(error, describeError(failure));
      section.dataset['state'] = 'error';
    } finally {
      if (mine === generation) table.removeAttribute('aria-busy');
    }
  }

  body.addEventListener('click', (event) => {
    const target = event.target as Element;
    const tr = target.closest('tr');
    const code = tr?.dataset['code'] ?? '';
    if (code === '') return;
    // Selecting text (to copy a code or a name) is not a request to open.
    if (!target.closest('button') && (window.getSelection()?.toString() ?? '') !== '') return;
    onOpen(code);
  });
  select.addEventListener('change', () => void load());
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  void load();
  return { section, reload: () => void load() };
}

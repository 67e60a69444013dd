// The dossier list: the officer's queues as tabs (src/queues.ts), a search (code,
// applicant name, phone) with filters (status, procedure, holder, due before), one
// table row per dossier with where it stands against its deadline, and paging. The
// server sorts by the office's deadline, soonest first, and sends one page at a
// time: nothing here loads the whole table. A row (or its code, from the keyboard)
// opens the dossier.

import { loadCatalog } from '../catalog';
import { STATUSES, type DossierList, type DossierSummary, type Officer, type Procedure, type SessionInfo, type Status } from '../contract';
import { h, replace, setText, showMessage } from '../dom';
import { listDossiers, PAGE_SIZE, type DossierFilter } from '../dossiers';
import { describeError } from '../errors';
import { formatDateTime, parseDate } from '../format';
import { STATUS_LABELS, statusTone } from '../labels';
import { loadOfficers } from '../officers';
import type { Queue } from '../queues';
import { timeLeftText, urgencyLabel, urgencyMark, urgencyTone } from '../urgency';
import { namesOf, type NameOf } from './officer-name';

const DASH = '—';
/** A queue's count asks for this many rows at most ("100+" beyond). */
const COUNT_LIMIT = 100;
/** Typing pauses this long before the list asks the server. */
const SEARCH_DELAY_MS = 350;

function orDash(text: string): string {
  return text === '' ? DASH : text;
}

function cellWithNote(main: string, note: string): HTMLTableCellElement {
  return h('td', {}, h('span', { className: 'cell-main' }, orDash(main)), note !== '' && h('span', { className: 'cell-note' }, note));
}

/** The state badge (words and a mark, never colour alone) and the working time left. */
function standingCell(d: DossierSummary): HTMLTableCellElement {
  const label = urgencyLabel(d.urgency, d.status);
  if (label === '') return h('td', { className: 'col-left' }, DASH);
  return h(
    'td',
    { className: 'col-left', attrs: { 'data-urgency': d.urgency } },
    h('span', { className: `urgency ${urgencyTone(d.urgency)}` }, h('span', { className: 'urgency-mark', attrs: { 'aria-hidden': 'true' } }, urgencyMark(d.urgency)), label),
    h('span', { className: 'cell-note time-left' }, timeLeftText(d.urgency, d.working_seconds_left)),
  );
}

/** Who holds it: the officer by display name (the user name in the tooltip), the unit under it. */
function holderCell(d: DossierSummary, nameOf: NameOf): HTMLTableCellElement {
  if (d.holder_user === '') return cellWithNote('', d.holder_unit);
  return h('td', { className: 'col-holder' }, h('span', { className: 'cell-main' }, nameOf(d.holder_user)), d.holder_unit !== '' && h('span', { className: 'cell-note' }, d.holder_unit));
}

function row(d: DossierSummary, nameOf: NameOf): HTMLTableRowElement {
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
    standingCell(d),
    holderCell(d, nameOf),
  );
}

function option(value: string, label: string): HTMLOptionElement {
  return h('option', { attrs: { value } }, label);
}

/** "09/12/2026" -> "2026-12-10T00:00": due before the end of that Vietnam day; '' when not a date. */
function endOfDay(typed: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parseDate(typed));
  if (m === null) return '';
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return `${next.toISOString().slice(0, 10)}T00:00`;
}

export interface DossierListOptions {
  session: SessionInfo;
  /** This officer's queues, the first the default. */
  queues: readonly Queue[];
  onOpen: (code: string) => void;
  /** The officer chose another queue (the desk puts it in the address). */
  onQueue: (queue: Queue) => void;
}

export interface DossierListView {
  section: HTMLElement;
  /** Asks the server again, with the queue, search, filters and page as they are. */
  reload: () => void;
  /** Shows that queue from its first page, search and filters cleared. */
  show: (queue: Queue) => void;
  /** The queue showing. */
  queue: () => Queue;
}

export function renderDossierList({ session, queues, onOpen, onQueue }: DossierListOptions): DossierListView {
  let queue: Queue = queues[0] as Queue;
  let offset = 0;

  // -- The queue tabs, each with its waiting count where the queue asks for work.
  const counts = new Map<string, HTMLElement>();
  const tabs = queues.map((q) => {
    const count = h('span', { className: 'queue-count' });
    if (q.counted === true) counts.set(q.id, count);
    const tab = h('button', { className: 'queue-tab', attrs: { type: 'button', 'data-queue': q.id } }, h('span', {}, q.label), count);
    tab.addEventListener('click', () => {
      if (q.id === queue.id) return;
      show(q);
      onQueue(q);
    });
    return tab;
  });
  const queueNav = queues.length > 1 && h('nav', { className: 'queue-tabs', attrs: { 'aria-label': 'Danh sách công việc' } }, ...tabs);

  // -- Search and filters.
  const q = h('input', {
    attrs: {
      id: 'list-q',
      name: 'q',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: '200',
      placeholder: 'Mã hồ sơ, tên người nộp hoặc số điện thoại',
    },
  });
  const searchButton = h('button', { className: 'button primary', attrs: { type: 'submit' } }, 'Tìm kiếm');
  const status = h('select', { attrs: { id: 'filter-status', name: 'status' } }, option('', 'Tất cả trạng thái'), ...STATUSES.map((s) => option(s, STATUS_LABELS[s])));
  const procedure = h('select', { attrs: { id: 'filter-procedure', name: 'procedure' } }, option('', 'Tất cả thủ tục'));
  const holder = h('select', { attrs: { id: 'filter-holder', name: 'holder' } }, option('', 'Tất cả người xử lý'));
  const due = h('input', { attrs: { id: 'filter-due', name: 'due_before', type: 'text', inputmode: 'numeric', maxlength: '10', placeholder: 'dd/mm/yyyy', autocomplete: 'off' } });
  const clear = h('button', { className: 'button secondary small', attrs: { type: 'button' } }, 'Xóa bộ lọc');
  const statusField = h('div', { className: 'filter' }, h('label', { attrs: { for: 'filter-status' } }, 'Trạng thái'), status);
  const holderField = h('div', { className: 'filter' }, h('label', { attrs: { for: 'filter-holder' } }, 'Người xử lý'), holder);
  // Searching is the usual way in; the filters fold away until wanted (and stay open while set).
  const filterCount = h('span', { className: 'filter-count' });
  const filters = h(
    'details',
    { className: 'filter-box' },
    h('summary', {}, 'Bộ lọc', filterCount),
    h(
      'div',
      { className: 'filter-row' },
      statusField,
      h('div', { className: 'filter' }, h('label', { attrs: { for: 'filter-procedure' } }, 'Thủ tục'), procedure),
      holderField,
      h('div', { className: 'filter' }, h('label', { attrs: { for: 'filter-due' } }, 'Hạn trả đến hết ngày'), due),
      clear,
    ),
  );
  const search = h(
    'form',
    { className: 'list-search', attrs: { role: 'search', 'aria-label': 'Tìm và lọc hồ sơ' } },
    h('div', { className: 'search-row' }, h('label', { attrs: { for: 'list-q' } }, 'Tìm hồ sơ'), q, searchButton, filters),
  );

  // The choices come from the catalog and the officers; the list works without them.
  loadCatalog().then(
    (catalog: Procedure[]) =>
      procedure.append(...catalog.filter((p) => p.code !== '').map((p) => option(p.code, `${p.name} (${p.code})`))),
    () => {},
  );
  loadOfficers().then(
    (officers: Officer[]) => {
      const handlers = officers.filter((o) => o.roles.some((r) => r === 'ROLE_RECEPTION' || r === 'ROLE_SPECIALIST' || r === 'ROLE_LEADER'));
      const units = [...new Set(handlers.map((o) => o.unit).filter((u) => u !== ''))];
      holder.append(
        h('optgroup', { attrs: { label: 'Cán bộ' } }, ...handlers.map((o) => option(o.user, o.display_name !== '' ? `${o.display_name} (${o.user})` : o.user))),
        h('optgroup', { attrs: { label: 'Cả đơn vị' } }, ...units.map((u) => option(u, u))),
      );
    },
    () => {},
  );

  // -- The list.
  const title = h('h1', { attrs: { id: 'dossiers-title', tabindex: '-1' } });
  const reloadButton = h('button', { className: 'button secondary small', attrs: { type: 'button' } }, 'Tải lại');
  const hint = h('p', { className: 'queue-hint' });
  const summary = h('p', { className: 'list-summary', attrs: { role: 'status' } });
  const error = h('p', { className: 'form-error', attrs: { role: 'alert' } });
  const empty = h('p', { className: 'empty', attrs: { hidden: '' } });
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
        h('th', { className: 'col-left', attrs: { scope: 'col' } }, 'Thời hạn'),
        h('th', { className: 'col-holder', attrs: { scope: 'col' } }, 'Người đang xử lý'),
      ),
    ),
    body,
  );
  const wrap = h('div', { className: 'table-wrap' }, table);
  const previous = h('button', { className: 'button secondary', attrs: { type: 'button' } }, '← Trang trước');
  const next = h('button', { className: 'button secondary', attrs: { type: 'button' } }, 'Trang sau →');
  const pageNumber = h('span', { className: 'page-number' });
  const pager = h('nav', { className: 'pager', attrs: { 'aria-label': 'Phân trang', hidden: '' } }, previous, pageNumber, next);
  const section = h(
    'section',
    { className: 'dossiers', attrs: { 'aria-labelledby': 'dossiers-title', 'data-state': 'loading' } },
    queueNav,
    h('div', { className: 'list-head' }, title, reloadButton),
    hint,
    search,
    summary,
    error,
    wrap,
    empty,
    pager,
  );

  /** In the server's order: the office's deadline, soonest first. */
  function rowsOf(dossiers: readonly DossierSummary[], nameOf: NameOf): HTMLTableRowElement[] {
    return dossiers.map((d) => row(d, nameOf));
  }

  function filter(): DossierFilter {
    const f: DossierFilter = { offset, limit: PAGE_SIZE };
    const s = queue.status ?? (status.value === '' ? undefined : (status.value as Status));
    if (s !== undefined) f.status = s;
    if (queue.mine === true) {
      f.holder = session.user;
      f.open = true; // one's work: what is still running, not what one finished
    }
    else if (holder.value !== '') f.holder = holder.value;
    if (procedure.value !== '') f.procedure = procedure.value;
    const before = endOfDay(due.value);
    if (before !== '') f.due_before = before;
    if (q.value.trim() !== '') f.q = q.value.trim();
    return f;
  }

  /** Anything narrowing the queue beyond itself. */
  function narrowed(f: DossierFilter): boolean {
    return f.q !== undefined || f.procedure !== undefined || f.due_before !== undefined || (queue.status === undefined && f.status !== undefined) || (queue.mine !== true && f.holder !== undefined);
  }

  function summaryText(list: DossierList, f: DossierFilter): string {
    const n = list.dossiers.length;
    if (n === 0) return '';
    const found = narrowed(f) ? 'khớp tìm kiếm' : 'trong danh sách';
    const paged = offset > 0 || list.truncated;
    const range = paged ? `Hồ sơ ${offset + 1}–${offset + n} ${found} (trang ${offset / PAGE_SIZE + 1})` : `${n} hồ sơ ${found}`;
    return `${range}, hạn xử lý gần nhất lên đầu. Bấm vào một hồ sơ để xem chi tiết.`;
  }

  // Only the newest request may paint: a slow reply for an old filter is dropped.
  let generation = 0;
  async function load(): Promise<void> {
    const mine = ++generation;
    const f = filter();
    const set = [queue.status === undefined && status.value !== '', procedure.value !== '', queue.mine !== true && holder.value !== '', due.value.trim() !== ''].filter(Boolean).length;
    setText(filterCount, set === 0 ? '' : ` (${set})`);
    if (due.value.trim() !== '' && f.due_before === undefined) {
      setText(error, 'Ngày trong “Hạn trả đến hết ngày” phải theo dạng dd/mm/yyyy, ví dụ 09/12/2026.');
      due.setAttribute('aria-invalid', 'true');
      section.dataset['state'] = 'error';
      return;
    }
    due.removeAttribute('aria-invalid');
    section.dataset['state'] = 'loading';
    table.setAttribute('aria-busy', 'true');
    setText(summary, 'Đang tải danh sách…');
    setText(error, '');
    try {
      // The officers' names come once per page; without them the rows show user names.
      const [list, officers] = await Promise.all([listDossiers(f), loadOfficers().catch((): Officer[] => [])]);
      if (mine !== generation) return;
      replace(body, ...rowsOf(list.dossiers, namesOf(officers, session)));
      wrap.hidden = list.dossiers.length === 0;
      const none = offset > 0 ? 'Không còn hồ sơ nào ở trang này.' : narrowed(f) ? 'Không có hồ sơ nào khớp tìm kiếm và bộ lọc.' : queue.empty;
      showMessage(empty, list.dossiers.length === 0 ? none : '');
      setText(summary, summaryText(list, f));
      pager.hidden = offset === 0 && !list.truncated;
      previous.disabled = offset === 0;
      next.disabled = !list.truncated;
      setText(pageNumber, `Trang ${offset / PAGE_SIZE + 1}`);
      section.dataset['state'] = 'ready';
      void countQueues(mine);
    } catch (failure) {
      if (mine !== generation) return;
      setText(summary, '');
      setText(error, describeError(failure));
      section.dataset['state'] = 'error';
    } finally {
      if (mine === generation) table.removeAttribute('aria-busy');
    }
  }

  /** The waiting counts, asked after the list itself has painted (it comes first). */
  async function countQueues(mine: number): Promise<void> {
    for (const q2 of queues) {
      const shown = counts.get(q2.id);
      if (shown === undefined) continue;
      try {
        const f: DossierFilter = { limit: COUNT_LIMIT };
        if (q2.status !== undefined) f.status = q2.status;
        if (q2.mine === true) {
          f.holder = session.user;
          f.open = true;
        }
        const list = await listDossiers(f);
        if (mine !== generation) return;
        const n = list.dossiers.length;
        setText(shown, n === 0 ? '' : list.truncated ? `${n}+` : String(n));
        shown.parentElement?.setAttribute('aria-label', n === 0 ? q2.label : `${q2.label}: ${list.truncated ? `hơn ${n}` : n} hồ sơ`);
      } catch {
        setText(shown, ''); // a count is a help, not the work: the list itself says what failed
      }
    }
  }

  function paintQueue(): void {
    setText(title, queue.title);
    setText(hint, queue.hint);
    statusField.hidden = queue.status !== undefined;
    holderField.hidden = queue.mine === true;
    for (const tab of tabs) {
      if (tab.dataset['queue'] === queue.id) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
  }

  /** Empties the search box and every filter. */
  function clearFields(): void {
    for (const field of [q, status, procedure, holder, due]) field.value = '';
  }

  function show(next: Queue): void {
    queue = next;
    filters.open = false;
    offset = 0;
    clearFields();
    paintQueue();
    void load();
  }

  function restart(): void {
    offset = 0;
    void load();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  q.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(restart, SEARCH_DELAY_MS);
  });
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    restart();
  });
  for (const control of [status, procedure, holder, due]) control.addEventListener('change', restart);
  clear.addEventListener('click', () => {
    clearFields();
    restart();
    q.focus();
  });
  reloadButton.addEventListener('click', () => void load());
  previous.addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    void load().then(() => title.focus());
  });
  next.addEventListener('click', () => {
    offset += PAGE_SIZE;
    void load().then(() => title.focus());
  });

  body.addEventListener('click', (event) => {
    const target = event.target as Element;
    const tr = target.closest('tr');
    const code = tr?.dataset['code'] ?? '';
    if (code === '') return;
    // Selecting text (to copy a code or a name) is not a request to open.
    if (!target.closest('button') && (window.getSelection()?.toString() ?? '') !== '') return;
    onOpen(code);
  });

  paintQueue();
  return { section, reload: () => void load(), show, queue: () => queue };
}

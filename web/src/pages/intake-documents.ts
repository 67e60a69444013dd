// "2. Thành phần hồ sơ" of the intake form: the documents the citizen hands in.
//
// When the catalog lists the procedure's documents (Procedure.documents), they come as
// a checklist, all unticked: the officer ticks what is on the counter, so that nothing
// is recorded as handed in that was not. A document needed only in a case shows that
// case under its name. The officer can still add any other document by name (added
// ones start ticked: typing a name means it is there). Only ticked documents are sent.
// A procedure the catalog lists no documents for keeps the free list alone.
//
// The list lives in the intake draft (sessionStorage), ticks included, so a reload
// loses nothing; picking another procedure starts a new list (nothing ticked carried
// over: the old procedure's papers are not this one's).

import { fold } from '../catalog';
import type { Procedure } from '../contract';
import { h, replace, setText } from '../dom';
import type { DocumentInput } from '../reception';

export interface DocumentDraft extends DocumentInput {
  /** Ticked: handed in, sent with the dossier. */
  on: boolean;
  /** From the catalog's list: unticked rather than removed. */
  listed: boolean;
  /** The case a listed document is needed in; '' when always. */
  when: string;
}

/** The part of the intake draft this section reads and writes. */
export interface DocumentsDraft {
  documents: DocumentDraft[];
  /** The document name typed but not yet added. */
  document_name: string;
}

/** The procedure's checklist as the form starts it: nothing ticked. */
export function checklistOf(p: Procedure): DocumentDraft[] {
  return p.documents.map((d) => ({ name: d.name, copies: d.copies, digitized: false, reused: false, on: false, listed: true, when: d.when }));
}

/** The documents of a stored draft (anything malformed dropped). */
export function readDocuments(raw: unknown): DocumentDraft[] {
  const s = (v: unknown): string => (typeof v === 'string' ? v : '');
  return (Array.isArray(raw) ? (raw as unknown[]) : [])
    .filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && s((x as Record<string, unknown>)['name']) !== '')
    .map((x) => ({
      name: s(x['name']),
      // A draft from before the checklist held only added documents, ticked unless unticked.
      on: x['on'] !== false,
      copies: typeof x['copies'] === 'number' && x['copies'] >= 1 ? Math.min(Math.trunc(x['copies']), 99) : 1,
      digitized: x['digitized'] === true,
      reused: x['reused'] === true,
      listed: x['listed'] === true,
      when: s(x['when']),
    }));
}

/** The ticked documents, as the receive command takes them. */
export function handedIn(documents: readonly DocumentDraft[]): DocumentInput[] {
  return documents.filter((d) => d.on).map(({ name, copies, digitized, reused }) => ({ name, copies, digitized, reused }));
}

/**
 * The words that tell one paper from another: "Tờ khai … (theo mẫu)" and "to khai …" are
 * the same paper (case, diacritics, spaces and remarks in brackets aside).
 */
function paperKey(name: string): string {
  return fold(name.replace(/\([^)]*\)/g, ' ')).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** "nếu đã từng kết hôn" -> "Nếu đã từng kết hôn": the catalog writes the case as a clause. */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

export interface DocumentsView {
  section: HTMLFieldSetElement;
  /** The name field: a name typed but not added stops the form being sent. */
  nameInput: HTMLInputElement;
  /** Paints the list from the draft and says where it comes from (`procedure`: null until picked or while the catalog loads). */
  paint: (procedure: Procedure | null) => void;
  /** Says where the list comes from, leaving the rows (and the focus) as they are. */
  describe: (procedure: Procedure | null) => void;
}

let uid = 0;

/** `draft` is read on every change (the form replaces its draft on reset); `save` stores it. */
export function renderDocuments(draft: () => DocumentsDraft, save: () => void): DocumentsView {
  let procedure: Procedure | null = null;

  const help = h('p', { className: 'field-note doc-help' });
  const checklist = h('ul', { className: 'doc-list doc-checklist', attrs: { 'aria-label': 'Giấy tờ theo danh mục của thủ tục' } });
  const basis = h('p', { className: 'doc-basis' });
  const assumed = h('p', { className: 'doc-assumed', attrs: { hidden: '' } }, '⚠ Danh sách tham khảo, cần đối chiếu: soạn theo mẫu chung toàn quốc, xã chưa xác nhận.');
  const listed = h(
    'div',
    { className: 'doc-listed', attrs: { hidden: '' } },
    checklist,
    basis,
    assumed,
  );
  const added = h('ul', { className: 'doc-list doc-added', attrs: { 'aria-label': 'Giấy tờ khác công dân nộp' } });
  const empty = h('p', { className: 'field-note doc-empty' }, 'Chưa có giấy tờ nào.');
  const nameInput = h('input', { attrs: { id: 'intake-doc-name', name: 'document_name', type: 'text', autocomplete: 'off', placeholder: 'Ví dụ: Tờ khai; Bản sao CCCD' } });
  const addButton = h('button', { className: 'button secondary', attrs: { type: 'button' } }, 'Thêm giấy tờ');
  const addTitle = h('p', { className: 'doc-add-title', attrs: { hidden: '' } }, 'Giấy tờ khác');
  const section = h(
    'fieldset',
    { className: 'intake-part part-documents' },
    h('legend', {}, '2. Thành phần hồ sơ'),
    help,
    listed,
    addTitle,
    added,
    empty,
    h('div', { className: 'doc-add' }, h('label', { attrs: { for: 'intake-doc-name' } }, 'Tên giấy tờ'), h('div', { className: 'doc-add-row' }, nameInput, addButton)),
  );

  function row(d: DocumentDraft): HTMLLIElement {
    const id = `intake-doc-${++uid}`;
    const on = h('input', { className: 'doc-on', attrs: { id, type: 'checkbox' } });
    on.checked = d.on;
    // The checkbox is named by the document alone; what ticking means and the case are its description.
    const name = h('span', { className: 'doc-name', attrs: { id: `${id}-name` } }, d.name);
    on.setAttribute('aria-labelledby', `${id}-name`);
    const when = d.when !== '' && h('span', { className: 'doc-when', attrs: { id: `${id}-when` } }, sentence(d.when));
    on.setAttribute('aria-describedby', when !== false ? `${id}-tick ${id}-when` : `${id}-tick`);
    const tick = h('span', { className: 'doc-tick' }, on, h('span', { className: 'doc-tick-label', attrs: { id: `${id}-tick` } }, 'Đã nộp'));
    const copies = h('input', { className: 'doc-copies', attrs: { id: `${id}-copies`, type: 'number', min: '1', max: '99', inputmode: 'numeric', value: String(d.copies) } });
    const digitized = h('input', { attrs: { id: `${id}-digitized`, type: 'checkbox' } });
    digitized.checked = d.digitized;
    const reused = h('input', { attrs: { id: `${id}-reused`, type: 'checkbox' } });
    reused.checked = d.reused;
    const remove = !d.listed && h('button', { className: 'link-button doc-remove', attrs: { type: 'button', 'aria-label': `Xóa giấy tờ “${d.name}”` } }, 'Xóa');
    const li = h(
      'li',
      { className: 'doc-row', attrs: { 'data-source': d.listed ? 'catalog' : 'added' } },
      h('label', { className: 'doc-main', attrs: { for: id } }, tick, h('span', { className: 'doc-text' }, name, when)),
      h(
        'span',
        { className: 'doc-options' },
        h('label', { className: 'doc-option', attrs: { for: `${id}-copies` } }, 'Số bản', copies),
        h('label', { className: 'doc-option', attrs: { for: `${id}-digitized` } }, digitized, 'Đã số hóa'),
        h('label', { className: 'doc-option', attrs: { for: `${id}-reused`, title: 'Lấy từ dữ liệu đã số hóa hoặc cơ sở dữ liệu quốc gia, công dân không phải nộp lại' } }, reused, 'Tái sử dụng dữ liệu'),
        remove,
      ),
    );
    const mark = (): void => {
      // A listed document is expected unticked until handed in; an added one unticked is struck out.
      li.classList.toggle('on', d.on);
      li.classList.toggle('off', !d.on && !d.listed);
    };
    mark();
    on.addEventListener('change', () => {
      d.on = on.checked;
      mark();
      save();
    });
    copies.addEventListener('change', () => {
      const n = Number.parseInt(copies.value, 10);
      d.copies = Number.isFinite(n) && n >= 1 ? Math.min(n, 99) : 1;
      copies.value = String(d.copies);
      save();
    });
    digitized.addEventListener('change', () => {
      d.digitized = digitized.checked;
      save();
    });
    reused.addEventListener('change', () => {
      d.reused = reused.checked;
      save();
    });
    if (remove !== false) {
      remove.addEventListener('click', () => {
        const documents = draft().documents;
        const index = documents.filter((x) => !x.listed).indexOf(d);
        documents.splice(documents.indexOf(d), 1);
        save();
        paint(procedure);
        // The focus to the row that took its place (else the one before, else the name field).
        const left = added.querySelectorAll<HTMLInputElement>('.doc-on');
        const next = left[Math.min(index, left.length - 1)];
        (next ?? nameInput).focus();
      });
    }
    return li;
  }

  function paint(p: Procedure | null): void {
    const documents = draft().documents;
    const fromCatalog = documents.filter((d) => d.listed);
    const others = documents.filter((d) => !d.listed);
    replace(checklist, ...fromCatalog.map(row));
    replace(added, ...others.map(row));
    listed.hidden = fromCatalog.length === 0;
    added.hidden = others.length === 0;
    addTitle.hidden = fromCatalog.length === 0;
    // Before a procedure is picked the help line says it all.
    empty.hidden = documents.length > 0 || p === null;
    nameInput.value = draft().document_name;
    describe(p);
  }

  // Where the list comes from, once the catalog says (a reload paints the list before it arrives).
  function describe(p: Procedure | null): void {
    procedure = p;
    const fromCatalog = draft().documents.some((d) => d.listed);
    const source = p !== null && p.documents.length > 0 ? p : null;
    setText(basis, source !== null && source.documents_basis !== '' ? `Căn cứ: ${source.documents_basis}` : '');
    basis.hidden = basis.textContent === '';
    assumed.hidden = source === null || !source.documents_assumed;
    if (fromCatalog) {
      setText(help, 'Đánh dấu “Đã nộp” giấy tờ công dân mang đến; chỉ giấy tờ được đánh dấu mới ghi vào hồ sơ.');
    } else if (p === null) {
      setText(help, 'Chọn thủ tục để xem giấy tờ cần nộp; giấy tờ khác thêm theo tên.');
    } else {
      setText(help, 'Danh mục chưa có sẵn giấy tờ của thủ tục: thêm từng giấy tờ công dân nộp. Giấy tờ được đánh dấu “Đã nộp” được ghi vào hồ sơ.');
    }
  }

  /** Adds the typed name; a document already in the list (the catalog's or added) is ticked instead of listed twice. */
  function add(): boolean {
    const name = nameInput.value.trim().replace(/\s+/g, ' ');
    if (name === '') return false;
    const documents = draft().documents;
    const same = documents.find((d) => paperKey(d.name) === paperKey(name));
    if (same !== undefined) same.on = true;
    else documents.push({ name, on: true, copies: 1, digitized: false, reused: false, listed: false, when: '' });
    draft().document_name = '';
    save();
    paint(procedure);
    nameInput.focus();
    return true;
  }
  addButton.addEventListener('click', () => {
    if (!add()) nameInput.focus();
  });
  nameInput.addEventListener('keydown', (event) => {
    // Enter with a name adds it; Enter in the empty field submits the form, as everywhere.
    if (event.key === 'Enter' && nameInput.value.trim() !== '') {
      event.preventDefault();
      add();
    }
  });
  nameInput.addEventListener('input', () => {
    draft().document_name = nameInput.value;
    save();
  });

  return { section, nameInput, paint, describe };
}

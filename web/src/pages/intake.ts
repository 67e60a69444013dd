// "Tiếp nhận hồ sơ": the reception officer's intake form. Pick the procedure (code or
// words of its name, with or without diacritics), tick the documents handed in
// (the catalog's checklist for the procedure, and any other added by name; see
// intake-documents.ts), fill in the applicant, "Tiếp nhận"; then the new code, the appointment, the
// lookup secret and the receipt (Mẫu 01) to print.
//
// Once a procedure is picked, the appointment the dossier will get is shown before
// confirming (GET /v1/appointment, the server's calendar), asked again whenever the
// procedure changes or the form is shown again.
//
// The form is kept in sessionStorage as it is typed (a reload or a server restart
// loses nothing) together with its Idempotency-Key, made when the form is opened or
// reset and kept until the server accepts it: a double click or a retry after a
// lost reply is the same request, never a second dossier.

import { ApiError } from '../api';
import { previewAppointment } from '../appointment';
import { loadCatalog, searchProcedures } from '../catalog';
import type { Procedure, SessionInfo } from '../contract';
import { h, replace, setText, showMessage } from '../dom';
import { describeError } from '../errors';
import { formatClockAndDate, formatDateTime, formatMoney } from '../format';
import { durationText, RECEIVE_CHANNEL_LABELS } from '../labels';
import { messages } from '../messages';
import {
  newIdempotencyKey,
  receiptUrl,
  receiveDossier,
  RECEIVE_CHANNELS,
  type ApplicantInput,
  type ReceiveChannel,
} from '../reception';
import { checklistOf, handedIn, readDocuments, renderDocuments, type DocumentDraft } from './intake-documents';

/** Suggestions shown at once; more are counted, not listed. */
const MAX_SUGGESTIONS = 8;

/** What the success panel shows (kept until "Tiếp nhận hồ sơ khác"). */
interface Done {
  code: string;
  appointment_at: string;
  provisional: boolean;
  lookup_secret: string;
  applicant: string;
  procedure: string;
  channel: string;
}

interface Draft {
  key: string;
  procedure: { code: string; name: string } | null;
  /** The picker's text when nothing is picked. */
  query: string;
  documents: DocumentDraft[];
  /** The document name typed but not yet added. */
  document_name: string;
  applicant: ApplicantInput;
  channel: ReceiveChannel;
  sets: string;
  done: Done | null;
}

function emptyDraft(): Draft {
  return {
    key: newIdempotencyKey(),
    procedure: null,
    query: '',
    documents: [],
    document_name: '',
    applicant: { name: '', id_number: '', phone: '', address: '', email: '' },
    channel: 'CHANNEL_COUNTER',
    sets: '1',
    done: null,
  };
}

// ---- sessionStorage -------------------------------------------------------

function storageKey(user: string): string {
  return `motcua.intake.${user}`;
}

const s = (v: unknown): string => (typeof v === 'string' ? v : '');

function readDraft(user: string): Draft {
  const fresh = emptyDraft();
  let raw: unknown = null;
  try {
    raw = JSON.parse(sessionStorage.getItem(storageKey(user)) ?? 'null');
  } catch {
    return fresh;
  }
  if (typeof raw !== 'object' || raw === null) return fresh;
  const o = raw as Record<string, unknown>;
  const a = (typeof o['applicant'] === 'object' && o['applicant'] !== null ? o['applicant'] : {}) as Record<string, unknown>;
  const p = (typeof o['procedure'] === 'object' && o['procedure'] !== null ? o['procedure'] : null) as Record<string, unknown> | null;
  const d = (typeof o['done'] === 'object' && o['done'] !== null ? o['done'] : null) as Record<string, unknown> | null;
  const channel = (RECEIVE_CHANNELS as readonly unknown[]).includes(o['channel']) ? (o['channel'] as ReceiveChannel) : fresh.channel;
  return {
    key: s(o['key']) !== '' ? s(o['key']) : fresh.key,
    procedure: p !== null && s(p['code']) !== '' ? { code: s(p['code']), name: s(p['name']) } : null,
    query: s(o['query']),
    documents: readDocuments(o['documents']),
    document_name: s(o['document_name']),
    applicant: { name: s(a['name']), id_number: s(a['id_number']), phone: s(a['phone']), address: s(a['address']), email: s(a['email']) },
    channel,
    sets: s(o['sets']) !== '' ? s(o['sets']) : fresh.sets,
    done:
      d !== null && s(d['code']) !== ''
        ? {
            code: s(d['code']),
            appointment_at: s(d['appointment_at']),
            provisional: d['provisional'] === true,
            lookup_secret: s(d['lookup_secret']),
            applicant: s(d['applicant']),
            procedure: s(d['procedure']),
            channel: s(d['channel']),
          }
        : null,
  };
}

function writeDraft(user: string, draft: Draft): void {
  try {
    sessionStorage.setItem(storageKey(user), JSON.stringify(draft));
  } catch {
    // Storage full or refused: the form still works, it just does not survive a reload.
  }
}

/** Forgets this officer's form (on signing out: it holds a citizen's personal data). */
export function forgetIntake(user: string): void {
  try {
    sessionStorage.removeItem(storageKey(user));
  } catch {
    // Nothing stored.
  }
}

// ---- the page -------------------------------------------------------------

export interface IntakeView {
  section: HTMLElement;
  /** Puts the focus where the officer starts: the picker, or the success panel's print button. */
  focus: () => void;
}

function feeText(p: Procedure): string {
  const unconfirmed = p.unconfirmed.includes('fee_vnd') ? ' (chưa xác nhận)' : '';
  if (p.fee_vnd === null) return 'Danh mục chưa có mức lệ phí';
  if (p.fee_vnd === 0) return `Không thu lệ phí${unconfirmed}`;
  return `${formatMoney(p.fee_vnd)}${unconfirmed}`;
}

function textField(id: string, label: string, attrs: Record<string, string>, note = ''): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { attrs: { id, name: id, type: 'text', autocomplete: 'off', ...attrs } });
  const required = attrs['required'] !== undefined;
  const field = h(
    'div',
    { className: 'field' },
    h('label', { attrs: { for: id } }, label, required && h('span', { className: 'required' }, ' (bắt buộc)')),
    input,
    note !== '' && h('span', { className: 'field-note' }, note),
  );
  return { field, input };
}

/** `onOpen` opens a dossier's detail (the one just received, to hand it over). */
export function renderIntake(session: SessionInfo, onOpen: (code: string) => void): IntakeView {
  let draft = readDraft(session.user);
  let catalog: Procedure[] | null = null;
  /** The picked procedure, complete once the catalog is in. */
  let chosen: Procedure | null = null;
  let busy = false;

  const save = (): void => writeDraft(session.user, draft);

  // -- 1. The procedure picker (ARIA combobox with a listbox of suggestions).
  const picker = h('input', {
    attrs: {
      id: 'intake-procedure',
      name: 'procedure',
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'intake-procedure-list',
      'aria-describedby': 'intake-procedure-hint',
      placeholder: 'Ví dụ: 1.004873 hoặc xac nhan hon nhan',
    },
  });
  const listbox = h('ul', { className: 'combo-list', attrs: { id: 'intake-procedure-list', role: 'listbox', 'aria-label': 'Thủ tục khớp', hidden: '' } });
  const pickerStatus = h('p', { className: 'combo-status', attrs: { role: 'status' } });
  const retryCatalog = h('button', { className: 'button secondary small', attrs: { type: 'button', hidden: '' } }, 'Tải lại danh mục');
  const procedureCard = h('div', { className: 'procedure-card', attrs: { hidden: '', 'aria-live': 'polite' } });
  const procedureSection = h(
    'fieldset',
    { className: 'intake-part part-procedure' },
    h('legend', {}, '1. Thủ tục'),
    h('label', { attrs: { for: 'intake-procedure' } }, 'Tìm thủ tục theo mã hoặc tên'),
    h('div', { className: 'combo' }, picker, listbox),
    h('p', { className: 'field-note', attrs: { id: 'intake-procedure-hint' } }, 'Gõ có dấu hay không dấu đều được; ↑ ↓ để chọn, Enter để lấy.'),
    pickerStatus,
    retryCatalog,
    procedureCard,
  );

  let shown: Procedure[] = [];
  let active = -1;

  function closeList(): void {
    listbox.hidden = true;
    picker.setAttribute('aria-expanded', 'false');
    picker.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function paintActive(): void {
    listbox.querySelectorAll('[role="option"]').forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    const li = active >= 0 ? listbox.children[active] : undefined;
    if (li instanceof HTMLElement) {
      picker.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else picker.removeAttribute('aria-activedescendant');
  }

  function suggest(): void {
    if (catalog === null) {
      closeList();
      return;
    }
    const query = picker.value;
    const matches = query.trim() === '' || (chosen !== null && query === chosen.name) ? [] : searchProcedures(catalog, query);
    shown = matches.slice(0, MAX_SUGGESTIONS);
    active = -1;
    replace(
      listbox,
      ...shown.map((p, i) =>
        h(
          'li',
          {
            className: p.receivable ? 'combo-option' : 'combo-option disabled',
            attrs: { id: `intake-procedure-option-${i}`, role: 'option', 'aria-selected': 'false', ...(!p.receivable && { 'aria-disabled': 'true' }), 'data-code': p.code },
          },
          h('span', { className: 'option-name' }, p.name),
          h('span', { className: 'option-meta' }, [p.code !== '' ? p.code : 'Chưa có mã', p.field].filter((x) => x !== '').join(' · ')),
          !p.receivable && h('span', { className: 'option-note' }, `${messages.notReceivable}: ${p.note}`),
        ),
      ),
    );
    listbox.hidden = shown.length === 0;
    picker.setAttribute('aria-expanded', String(shown.length > 0));
    picker.removeAttribute('aria-activedescendant');
    if (query.trim() === '' || (chosen !== null && query === chosen.name)) setText(pickerStatus, '');
    else if (matches.length === 0) setText(pickerStatus, `Không có thủ tục nào khớp “${query.trim()}”.`);
    else if (matches.length > shown.length) setText(pickerStatus, `${matches.length} thủ tục khớp; hiện ${shown.length} thủ tục đầu, gõ thêm để thu hẹp.`);
    else setText(pickerStatus, `${matches.length} thủ tục khớp.`);
  }

  function move(step: 1 | -1): void {
    if (listbox.hidden) suggest();
    if (shown.length === 0) return;
    for (let i = 1; i <= shown.length; i++) {
      const next = (((active + step * i) % shown.length) + shown.length) % shown.length;
      if (shown[next]?.receivable === true) {
        active = next;
        break;
      }
    }
    paintActive();
  }

  // The appointment a dossier received now would get; kept across repaints of the card.
  const preview = h('p', { className: 'appointment-preview', attrs: { 'data-field': 'appointment-preview', 'aria-live': 'polite' } });
  let previewed = 0;
  function refreshPreview(): void {
    const p = chosen;
    const mine = ++previewed;
    preview.removeAttribute('data-at');
    if (p === null || !p.receivable || catalog === null) {
      replace(preview);
      return;
    }
    replace(preview, h('span', { className: 'cell-note' }, 'Đang tính ngày hẹn trả…'));
    previewAppointment(p.code).then(
      (a) => {
        if (mine !== previewed) return;
        preview.dataset['at'] = a.appointment_at;
        replace(
          preview,
          'Ngày hẹn trả: ',
          h('strong', {}, formatClockAndDate(a.appointment_at)),
          a.provisional && h('span', { className: 'cell-note' }, 'Tạm tính: lịch nghỉ năm đó chưa được công bố'),
          h('span', { className: 'cell-note' }, 'Nếu tiếp nhận ngay bây giờ; được tính lại đúng lúc bấm “Tiếp nhận”.'),
        );
      },
      (failure: unknown) => {
        if (mine !== previewed) return;
        replace(preview, h('span', { className: 'cell-note' }, `Chưa xem trước được ngày hẹn trả: ${describeError(failure)}. Ngày hẹn được tính khi bấm “Tiếp nhận”.`));
      },
    );
  }

  function paintProcedure(): void {
    if (chosen === null) {
      procedureCard.hidden = true;
      replace(procedureCard);
      return;
    }
    const p = chosen;
    const duration = durationText(p.duration);
    const durationNote = p.duration.text_vi !== '' && p.duration.text_vi !== duration ? p.duration.text_vi : '';
    const unconfirmedDeadline = p.unconfirmed.some((u) => u.startsWith('deadline')) ? ' (chưa xác nhận)' : '';
    replace(
      procedureCard,
      h('p', { className: 'procedure-name', attrs: { 'data-field': 'procedure-name' } }, p.name),
      h(
        'dl',
        { className: 'procedure-facts' },
        h('div', {}, h('dt', {}, 'Mã thủ tục'), h('dd', { attrs: { 'data-field': 'procedure-code' } }, p.code, p.field !== '' && h('span', { className: 'cell-note' }, `Lĩnh vực: ${p.field}`))),
        h(
          'div',
          {},
          h('dt', {}, 'Thời hạn giải quyết'),
          h(
            'dd',
            { attrs: { 'data-field': 'procedure-duration' } },
            h('strong', {}, (duration !== '' ? duration : durationNote !== '' ? '' : 'Chưa rõ') + unconfirmedDeadline),
            durationNote !== '' && h('span', { className: 'cell-note' }, durationNote),
          ),
        ),
        h('div', {}, h('dt', {}, 'Lệ phí'), h('dd', { attrs: { 'data-field': 'procedure-fee' } }, h('strong', { className: 'money' }, feeText(p)))),
      ),
      !p.receivable && h('p', { className: 'form-error' }, `${messages.notReceivable}: ${p.note}`),
      preview,
    );
    procedureCard.hidden = false;
    if (preview.dataset['code'] !== p.code || preview.dataset['at'] === undefined) {
      preview.dataset['code'] = p.code;
      refreshPreview();
    }
  }

  function pick(p: Procedure | undefined): void {
    if (p === undefined || !p.receivable) return;
    // Another procedure, another list: nothing ticked for the old one is carried over.
    const changed = draft.procedure?.code !== p.code;
    chosen = p;
    picker.value = p.name;
    draft.procedure = { code: p.code, name: p.name };
    draft.query = '';
    closeList();
    setText(pickerStatus, '');
    picker.removeAttribute('aria-invalid');
    paintProcedure();
    if (changed) {
      draft.documents = checklistOf(p);
      docs.paint(p);
    } else docs.describe(p);
    save();
  }

  picker.addEventListener('input', () => {
    if (chosen === null) draft.query = picker.value;
    save();
    suggest();
  });
  picker.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        if (listbox.hidden) return; // the form's Enter: submit
        event.preventDefault();
        pick(active >= 0 ? shown[active] : shown.find((p) => p.receivable));
        break;
      case 'Escape':
        if (!listbox.hidden) {
          event.preventDefault();
          closeList();
        } else if (chosen !== null && picker.value !== chosen.name) {
          event.preventDefault();
          picker.value = chosen.name;
          setText(pickerStatus, '');
        }
        break;
      default:
    }
  });
  picker.addEventListener('blur', () => {
    closeList();
    // The field always names the procedure that will be sent.
    if (chosen !== null && picker.value !== chosen.name) {
      picker.value = chosen.name;
      setText(pickerStatus, '');
    }
  });
  listbox.addEventListener('mousedown', (event) => event.preventDefault()); // keep the focus in the field
  listbox.addEventListener('click', (event) => {
    const li = (event.target as Element).closest('[role="option"]');
    if (li === null) return;
    pick(shown[Array.prototype.indexOf.call(listbox.children, li)]);
  });

  function fetchCatalog(): void {
    retryCatalog.hidden = true;
    setText(pickerStatus, 'Đang tải danh mục thủ tục…');
    loadCatalog().then(
      (procedures) => {
        catalog = procedures;
        setText(pickerStatus, '');
        if (draft.procedure !== null) {
          const found = procedures.find((p) => p.code === draft.procedure?.code);
          if (found !== undefined) {
            chosen = found;
            picker.value = found.name;
          } else {
            setText(pickerStatus, `Thủ tục ${draft.procedure.code} không còn trong danh mục: chọn lại.`);
            chosen = null;
            draft.procedure = null;
            save();
          }
          paintProcedure();
          docs.describe(chosen);
        } else if (document.activeElement === picker) suggest();
      },
      (failure: unknown) => {
        setText(pickerStatus, describeError(failure));
        retryCatalog.hidden = false;
      },
    );
  }
  retryCatalog.addEventListener('click', () => {
    picker.focus();
    fetchCatalog();
  });

  // -- 2. Documents handed in (intake-documents.ts).
  const docs = renderDocuments(() => draft, save);
  const docName = docs.nameInput;
  const docSection = docs.section;

  // -- 3. The applicant, the channel, the number of sets.
  const name = textField('intake-name', 'Họ và tên người nộp', { required: '', maxlength: '200', autocapitalize: 'words' });
  const idNumber = textField('intake-id-number', 'Số CCCD', { inputmode: 'numeric', maxlength: '20' });
  const phone = textField('intake-phone', 'Số điện thoại', { type: 'tel', inputmode: 'tel', maxlength: '20' });
  const addressField = textField('intake-address', 'Địa chỉ', { maxlength: '300' });
  const email = textField('intake-email', 'Thư điện tử', { type: 'email', inputmode: 'email', maxlength: '200', spellcheck: 'false', autocapitalize: 'none' });
  const applicantInputs: Record<keyof ApplicantInput, HTMLInputElement> = {
    name: name.input,
    id_number: idNumber.input,
    phone: phone.input,
    address: addressField.input,
    email: email.input,
  };
  const channel = h(
    'select',
    { attrs: { id: 'intake-channel', name: 'channel' } },
    ...RECEIVE_CHANNELS.map((c) => h('option', { attrs: { value: c } }, RECEIVE_CHANNEL_LABELS[c])),
  );
  const sets = h('input', { attrs: { id: 'intake-sets', name: 'sets', type: 'number', min: '1', max: '99', inputmode: 'numeric' } });
  const applicantSection = h(
    'fieldset',
    { className: 'intake-part part-applicant' },
    h('legend', {}, '3. Người nộp hồ sơ'),
    name.field,
    h('div', { className: 'field-pair' }, idNumber.field, phone.field),
    addressField.field,
    email.field,
    h(
      'div',
      { className: 'field-pair wide-narrow' },
      h('div', { className: 'field' }, h('label', { attrs: { for: 'intake-channel' } }, 'Kênh tiếp nhận'), channel),
      h('div', { className: 'field' }, h('label', { attrs: { for: 'intake-sets' } }, 'Số bộ hồ sơ'), sets),
    ),
  );
  for (const [key, input] of Object.entries(applicantInputs) as [keyof ApplicantInput, HTMLInputElement][]) {
    input.addEventListener('input', () => {
      draft.applicant[key] = input.value;
      input.removeAttribute('aria-invalid');
      save();
    });
  }
  channel.addEventListener('change', () => {
    draft.channel = channel.value as ReceiveChannel;
    save();
  });
  sets.addEventListener('input', () => {
    draft.sets = sets.value;
    sets.removeAttribute('aria-invalid');
    save();
  });

  // -- Confirm.
  const submit = h('button', { className: 'button primary submit', attrs: { type: 'submit' } }, 'Tiếp nhận');
  const error = h('p', { className: 'form-error intake-error', attrs: { role: 'alert', id: 'intake-error' } });
  const actions = h('div', { className: 'intake-actions' }, submit, error);
  const form = h(
    'form',
    { className: 'intake-form', attrs: { novalidate: '', 'aria-labelledby': 'intake-title', 'aria-describedby': 'intake-error' } },
    h('div', { className: 'intake-column' }, procedureSection, docSection),
    h('div', { className: 'intake-column' }, applicantSection, actions),
  );

  // -- Success.
  const doneCode = h('dd', { className: 'done-code', attrs: { 'data-field': 'code' } });
  const doneAppointment = h('dd', { className: 'done-appointment', attrs: { 'data-field': 'appointment' } });
  const doneSecret = h('dd', { className: 'done-secret', attrs: { 'data-field': 'lookup-secret' } });
  const doneApplicant = h('dd', { attrs: { 'data-field': 'applicant' } });
  const doneProcedure = h('dd', { attrs: { 'data-field': 'procedure' } });
  const print = h('button', { className: 'button primary', attrs: { type: 'button' } }, 'In giấy tiếp nhận');
  const openDossier = h('button', { className: 'button secondary', attrs: { type: 'button' } }, 'Mở hồ sơ để bàn giao');
  const another = h('button', { className: 'button secondary', attrs: { type: 'button' } }, 'Tiếp nhận hồ sơ khác');
  const doneError = h('p', { className: 'form-error', attrs: { role: 'alert' } });
  const done = h(
    'section',
    { className: 'intake-done', attrs: { 'aria-labelledby': 'done-title', hidden: '' } },
    h('h2', { attrs: { id: 'done-title', tabindex: '-1' } }, '✓ Đã tiếp nhận hồ sơ'),
    h(
      'dl',
      { className: 'done-facts' },
      h('div', {}, h('dt', {}, 'Mã hồ sơ'), doneCode),
      h('div', {}, h('dt', {}, 'Ngày hẹn trả kết quả'), doneAppointment),
      h('div', {}, h('dt', {}, 'Mã tra cứu'), doneSecret),
      h('div', {}, h('dt', {}, 'Người nộp'), doneApplicant),
      h('div', {}, h('dt', {}, 'Thủ tục'), doneProcedure),
    ),
    h('p', { className: 'field-note' }, 'Giấy tiếp nhận mở ở thẻ mới; in bằng Ctrl+P (khổ A5).'),
    h('div', { className: 'done-actions' }, print, openDossier, another),
    doneError,
  );

  const section = h(
    'section',
    { className: 'intake', attrs: { 'aria-labelledby': 'intake-title' } },
    h('h1', { attrs: { id: 'intake-title', tabindex: '-1' } }, 'Tiếp nhận hồ sơ'),
    form,
    done,
  );

  function paintForm(): void {
    chosen = draft.procedure === null ? null : catalog?.find((p) => p.code === draft.procedure?.code) ?? null;
    if (draft.procedure !== null && chosen === null && catalog === null) {
      // The catalog is still on its way: name the procedure until it arrives.
      chosen = { code: draft.procedure.code, name: draft.procedure.name, field: '', duration: { unit: '', amount: 0, cutoff: '', text_vi: '' }, fee_vnd: null, unconfirmed: [], receivable: true, note: '', documents: [], documents_basis: '', documents_assumed: false };
    }
    picker.value = chosen !== null ? chosen.name : draft.query;
    closeList();
    setText(pickerStatus, '');
    paintProcedure();
    if (catalog === null && draft.procedure !== null) procedureCard.hidden = true;
    docs.paint(catalog === null ? null : chosen);
    for (const [key, input] of Object.entries(applicantInputs) as [keyof ApplicantInput, HTMLInputElement][]) {
      input.value = draft.applicant[key];
      input.removeAttribute('aria-invalid');
    }
    channel.value = draft.channel;
    sets.value = draft.sets;
    setText(error, '');
  }

  function paintDone(d: Done): void {
    setText(doneCode, d.code);
    replace(
      doneAppointment,
      h('span', {}, formatDateTime(d.appointment_at)),
      d.provisional && h('span', { className: 'cell-note' }, 'Tạm tính: lịch nghỉ năm đó chưa được công bố'),
    );
    setText(doneSecret, d.lookup_secret);
    setText(doneApplicant, d.applicant);
    replace(doneProcedure, d.procedure, d.channel !== '' && h('span', { className: 'cell-note' }, d.channel));
    showMessage(doneError, '');
  }

  function showMode(): void {
    form.hidden = draft.done !== null;
    done.hidden = draft.done === null;
    if (draft.done !== null) paintDone(draft.done);
  }

  function fail(text: string, field: HTMLElement | null): void {
    setText(error, text);
    if (field !== null) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return; // one request at a time, however often the button is pressed
    setText(error, '');
    if (chosen === null) return fail(messages.missingProcedure, picker);
    if (!chosen.receivable) return fail(`${messages.notReceivable}: ${chosen.note}`, picker);
    if (docName.value.trim() !== '') return fail(messages.pendingDocument(docName.value.trim()), docName);
    // Fields marked required must hold more than spaces.
    for (const input of Object.values(applicantInputs)) {
      if (input.required && input.value.trim() === '') {
        const label = form.querySelector(`label[for="${input.id}"]`)?.firstChild?.textContent ?? '';
        return fail(messages.missingField(label.toLowerCase()), input);
      }
    }
    const setCount = Number(sets.value);
    if (!Number.isInteger(setCount) || setCount < 1) return fail(messages.badSets, sets);

    const applicant = Object.fromEntries(
      Object.entries(applicantInputs).map(([key, input]) => [key, input.value.trim().replace(/\s+/g, ' ')]),
    ) as unknown as ApplicantInput;
    const documents = handedIn(draft.documents);
    const procedure = chosen;

    busy = true;
    submit.disabled = true;
    setText(submit, 'Đang tiếp nhận…');
    form.setAttribute('aria-busy', 'true');
    receiveDossier({ procedure_code: procedure.code, applicant, channel: draft.channel, documents, sets: setCount }, draft.key)
      .then(
        (reply) => {
          const d = reply.dossier;
          // Accepted: the typed form is done with; the panel stays until "Tiếp nhận hồ sơ khác".
          draft = {
            ...emptyDraft(),
            done: {
              code: d.code,
              appointment_at: d.appointment_at,
              provisional: d.appointment_provisional,
              lookup_secret: reply.lookup_secret,
              applicant: d.applicant.name !== '' ? d.applicant.name : applicant.name,
              procedure: d.procedure_name !== '' ? `${d.procedure_name} (${d.procedure_code})` : d.procedure_code,
              channel: RECEIVE_CHANNEL_LABELS[d.channel as ReceiveChannel] ?? '',
            },
          };
          save();
          paintForm();
          showMode();
          if (section.isConnected) print.focus();
        },
        (failure: unknown) => {
          let text = describeError(failure);
          if (failure instanceof ApiError && failure.status === 0) text = `${text} ${messages.retrySafe}`;
          if (failure instanceof ApiError && failure.status === 409 && failure.code === 'conflict') {
            // This key went with a different form before; the next press is a new request.
            text = `${text} ${messages.keyConflict}`;
            draft.key = newIdempotencyKey();
            save();
          }
          setText(error, text);
        },
      )
      .finally(() => {
        busy = false;
        submit.disabled = false;
        setText(submit, 'Tiếp nhận');
        form.removeAttribute('aria-busy');
      });
  });

  print.addEventListener('click', () => {
    if (draft.done === null) return;
    // The session cookie goes with it: the server's own A5 page, in a tab of its own.
    const tab = window.open(receiptUrl(draft.done.code), '_blank');
    if (tab === null) showMessage(doneError, messages.popupBlocked);
    else {
      tab.opener = null;
      showMessage(doneError, '');
    }
  });

  openDossier.addEventListener('click', () => {
    if (draft.done !== null) onOpen(draft.done.code);
  });

  another.addEventListener('click', () => {
    draft = emptyDraft();
    save();
    paintForm();
    showMode();
    picker.focus();
  });

  paintForm();
  showMode();
  fetchCatalog();

  return {
    section,
    focus: () => {
      if (chosen !== null && draft.done === null) refreshPreview(); // time has passed since
      if (draft.done !== null) print.focus();
      else picker.focus();
    },
  };
}

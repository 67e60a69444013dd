// "Xử lý hồ sơ": the buttons for what this officer may do with the dossier now
// (src/actions.ts), each opening a small form in the page. The form's
// Idempotency-Key is made when it opens, so pressing again after a lost reply is
// the same command, never a second one. Accepted: the detail reloads with a
// notice, and the form the step calls for (src/letters.ts) ready to print: the
// refusal and the apology letters open at once (they go to the citizen now), the
// receipt and the supplementation request wait for the officer's button. Refused:
// the server's message beside the form's button, nothing else changes. Escape
// closes the form, the focus back on its button.

import { ApiError } from '../api';
import { allowedActions, runCommand, type ActionName } from '../actions';
import { loadCatalog } from '../catalog';
import type { Dossier, Officer, SessionInfo } from '../contract';
import { h, replace, setText, type Child } from '../dom';
import { describeError } from '../errors';
import { formatDateTime, formatMoney, parseDateTime } from '../format';
import { STATUS_LABELS } from '../labels';
import { letter, openLetter, type Letter } from '../letters';
import { messages } from '../messages';
import { loadOfficers } from '../officers';
import { newIdempotencyKey } from '../reception';

interface Labels {
  /** The button that opens the form. */
  button: string;
  /** The form's heading. */
  title: string;
}

const LABELS: Record<ActionName, Labels> = {
  accept: { button: 'Tiếp nhận', title: 'Tiếp nhận hồ sơ đăng ký trực tuyến' },
  'return-result': { button: 'Trả kết quả', title: 'Trả kết quả cho công dân' },
  'result-ready': { button: 'Có kết quả', title: 'Hồ sơ đã có kết quả' },
  'hand-over': { button: 'Bàn giao', title: 'Bàn giao hồ sơ' },
  supplement: { button: 'Nhận bổ sung', title: 'Nhận hồ sơ bổ sung' },
  'record-payment': { button: 'Ghi nhận nộp phí', title: 'Ghi nhận nộp phí, lệ phí' },
  'request-supplement': { button: 'Yêu cầu bổ sung', title: 'Yêu cầu bổ sung hồ sơ' },
  'request-fee': { button: 'Yêu cầu nộp phí', title: 'Yêu cầu nộp phí, lệ phí' },
  apologize: { button: 'Xin lỗi, hẹn lại', title: 'Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)' },
  refuse: { button: 'Từ chối tiếp nhận', title: 'Từ chối tiếp nhận hồ sơ (Mẫu 03)' },
  withdraw: { button: 'Rút hồ sơ', title: 'Công dân yêu cầu rút hồ sơ' },
  stop: { button: 'Dừng xử lý', title: 'Dừng xử lý hồ sơ' },
};

/** Actions that end the dossier: drawn in red, apart from the usual next step. */
const FINAL: readonly ActionName[] = ['refuse', 'withdraw', 'stop'];

/** What an accepted action tells the officer: a sentence, and the form to print, if any. */
export interface ActionDone {
  text: string;
  letter?: Letter;
}

/** A form's parts: its fields, and the request it makes (or the page's own refusal). */
interface Built {
  fields: Child[];
  /** The body to send, or [message, field] when something is missing. */
  body: () => object | [string, HTMLElement];
  /** The sentence shown once the server accepted. */
  notice: () => string;
  /** The form to print afterwards; `now`: open it at once (it is handed to the citizen now). */
  letter?: { made: Letter; now: boolean };
}

function field(id: string, label: string, control: HTMLElement, required = false, note = ''): HTMLElement {
  return h(
    'div',
    { className: 'field' },
    h('label', { attrs: { for: id } }, label, required && h('span', { className: 'required' }, ' (bắt buộc)')),
    control,
    note !== '' && h('span', { className: 'field-note' }, note),
  );
}

function input(id: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { attrs: { id, type: 'text', autocomplete: 'off', maxlength: '500', ...attrs } });
}

function lines(area: HTMLTextAreaElement): string[] {
  return area.value.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
}

/** Radio buttons in a fieldset; `checked` preselects one. */
function choice(name: string, legend: string, options: Record<string, string>, checked = ''): { set: HTMLElement; value: () => string } {
  const radios = Object.entries(options).map(([value, label]) => {
    const radio = h('input', { attrs: { type: 'radio', name, value, id: `${name}-${value}` } });
    radio.checked = value === checked;
    return h('label', { className: 'choice-option', attrs: { for: radio.id } }, radio, label);
  });
  const set = h('fieldset', { className: 'choice' }, h('legend', {}, legend, h('span', { className: 'required' }, ' (bắt buộc)')), ...radios);
  return { set, value: () => set.querySelector<HTMLInputElement>('input:checked')?.value ?? '' };
}

const need = (what: string, control: HTMLElement): [string, HTMLElement] => [`Nhập ${what}.`, control];

/** "15.000", "15000 đ" -> 15000; NaN when it is not a whole amount. */
function amountOf(text: string): number {
  const digits = text.replace(/[.\s]|đ$/g, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : Number.NaN;
}

function moneyField(id: string, label: string, initial: number): { field: HTMLElement; input: HTMLInputElement; amount: () => number } {
  const box = input(id, { inputmode: 'numeric', maxlength: '20', placeholder: 'Ví dụ: 15.000', 'aria-describedby': `${id}-shown` });
  const shown = h('span', { className: 'field-note money-shown', attrs: { id: `${id}-shown`, 'aria-live': 'polite' } });
  const paint = (): void => {
    const n = amountOf(box.value);
    setText(shown, box.value.trim() === '' ? '' : Number.isNaN(n) ? 'Chỉ nhập số tiền bằng chữ số.' : `= ${formatMoney(n)}`);
  };
  box.addEventListener('input', paint);
  if (initial > 0) box.value = String(initial);
  paint();
  const wrap = field(id, label, box, true);
  wrap.append(shown);
  return { field: wrap, input: box, amount: () => amountOf(box.value) };
}

function build(action: ActionName, d: Dossier, session: SessionInfo): Built {
  const code = d.code;
  const note = input('act-note');
  const noteField = field('act-note', 'Ghi chú', note);
  const withNote = <T extends object>(body: T): T & { note?: string } => (note.value.trim() === '' ? body : { ...body, note: note.value.trim() });

  switch (action) {
    case 'hand-over': {
      const to = h('select', { attrs: { id: 'act-to', required: '' } }, h('option', { attrs: { value: '' } }, 'Đang tải danh sách cán bộ…'));
      const electronic = h('input', { attrs: { id: 'act-electronic', type: 'checkbox' } });
      electronic.checked = true;
      let officers: Officer[] = [];
      const fill = (all: Officer[]): void => {
        // Those who handle dossiers, the officer at the desk left out; grouped by unit.
        officers = all.filter((o) => o.user !== session.user && o.roles.some((r) => r === 'ROLE_RECEPTION' || r === 'ROLE_SPECIALIST' || r === 'ROLE_LEADER'));
        const units = [...new Set(officers.map((o) => o.unit))];
        replace(
          to,
          h('option', { attrs: { value: '' } }, '— Chọn cán bộ nhận —'),
          ...units.map((unit) =>
            h(
              'optgroup',
              { attrs: { label: unit !== '' ? unit : 'Chưa rõ đơn vị' } },
              ...officers.filter((o) => o.unit === unit).map((o) => h('option', { attrs: { value: o.user } }, o.display_name !== '' ? `${o.display_name} (${o.user})` : o.user)),
            ),
          ),
        );
      };
      loadOfficers().then(fill, (failure: unknown) => replace(to, h('option', { attrs: { value: '' } }, `Không tải được danh sách cán bộ: ${describeError(failure)}`)));
      const chosen = (): Officer | undefined => officers.find((o) => o.user === to.value);
      const unit = h('span', { className: 'field-note', attrs: { 'aria-live': 'polite' } });
      to.addEventListener('change', () => setText(unit, chosen() === undefined ? '' : `Đơn vị nhận: ${chosen()?.unit ?? ''}`));
      const toField = field('act-to', 'Người nhận bàn giao', to, true);
      toField.append(unit);
      return {
        fields: [
          toField,
          h('label', { className: 'choice-option', attrs: { for: 'act-electronic' } }, electronic, 'Bàn giao điện tử (bỏ chọn nếu chuyển hồ sơ giấy)'),
          noteField,
        ],
        body: () => {
          const o = chosen();
          if (o === undefined) return ['Chọn cán bộ nhận bàn giao.', to];
          return withNote({ dossier_code: code, to_unit: o.unit, to_user: o.user, electronic: electronic.checked });
        },
        notice: () => {
          const o = chosen();
          return `Đã bàn giao hồ sơ cho ${o?.display_name ?? to.value}${o !== undefined && o.unit !== '' ? ` (${o.unit})` : ''}.`;
        },
      };
    }
    case 'request-supplement': {
      const reason = input('act-reason');
      const documents = h('textarea', { attrs: { id: 'act-documents', rows: '3', maxlength: '2000' } });
      return {
        fields: [field('act-reason', 'Lý do', reason, true), field('act-documents', 'Giấy tờ cần bổ sung', documents, false, 'Mỗi dòng một giấy tờ.')],
        body: () => (reason.value.trim() === '' ? need('lý do yêu cầu bổ sung', reason) : { dossier_code: code, reason: reason.value.trim(), documents: lines(documents) }),
        notice: () => 'Đã yêu cầu bổ sung hồ sơ; thời hạn giải quyết tạm dừng đến khi công dân bổ sung.',
        letter: { made: letter('supplement-request', code), now: false },
      };
    }
    case 'supplement': {
      const documents = h('textarea', { attrs: { id: 'act-documents', rows: '3', maxlength: '2000' } });
      return {
        fields: [field('act-documents', 'Giấy tờ công dân nộp bổ sung', documents, false, 'Mỗi dòng một giấy tờ.')],
        body: () => ({ dossier_code: code, documents: lines(documents).map((name) => ({ name, copies: 1 })) }),
        notice: () => 'Đã nhận hồ sơ bổ sung; thời hạn giải quyết được tính tiếp.',
      };
    }
    case 'result-ready': {
      const kind = choice('act-kind', 'Loại kết quả', { RESULT_KIND_PAPER: 'Bản giấy', RESULT_KIND_ELECTRONIC: 'Bản điện tử' });
      const number = input('act-number', { maxlength: '100' });
      return {
        fields: [kind.set, field('act-number', 'Số, ký hiệu kết quả', number), noteField],
        body: () => {
          const k = kind.value();
          if (k === '') return ['Chọn loại kết quả: bản giấy hoặc bản điện tử.', kind.set.querySelector('input') ?? kind.set];
          return withNote({ dossier_code: code, result_kind: k, ...(number.value.trim() !== '' && { result_number: number.value.trim() }) });
        },
        notice: () => 'Đã ghi nhận hồ sơ có kết quả.',
      };
    }
    case 'return-result': {
      const method = choice(
        'act-method',
        'Hình thức trả',
        { RETURN_METHOD_COUNTER: 'Tại Bộ phận Một cửa', RETURN_METHOD_POST: 'Qua bưu chính', RETURN_METHOD_ELECTRONIC: 'Trực tuyến' },
        'RETURN_METHOD_COUNTER',
      );
      const receivedBy = input('act-received-by', { maxlength: '200', placeholder: 'Họ tên người đến nhận' });
      return {
        fields: [method.set, field('act-received-by', 'Người nhận kết quả', receivedBy)],
        body: () => {
          const m = method.value();
          if (m === '') return ['Chọn hình thức trả kết quả.', method.set.querySelector('input') ?? method.set];
          return { dossier_code: code, method: m, ...(receivedBy.value.trim() !== '' && { received_by: receivedBy.value.trim() }) };
        },
        notice: () => 'Đã trả kết quả.',
      };
    }
    case 'request-fee': {
      const money = moneyField('act-amount', 'Số tiền (đồng)', 0);
      // The catalog's fee, when it knows one and nothing was typed yet.
      loadCatalog().then(
        (catalog) => {
          const fee = catalog.find((p) => p.code === d.procedure_code)?.fee_vnd ?? 0;
          if (fee > 0 && money.input.value === '') {
            money.input.value = String(fee);
            money.input.dispatchEvent(new Event('input'));
          }
        },
        () => {},
      );
      return {
        fields: [money.field, noteField],
        body: () => {
          const n = money.amount();
          if (!(n > 0)) return need('số tiền lớn hơn 0, bằng chữ số', money.input);
          return withNote({ dossier_code: code, amount_vnd: n });
        },
        notice: () => `Đã yêu cầu nộp ${formatMoney(money.amount())}.`,
      };
    }
    case 'record-payment': {
      const money = moneyField('act-amount', 'Số tiền đã nộp (đồng)', d.fee_vnd);
      const method = choice(
        'act-method',
        'Hình thức nộp',
        { PAYMENT_METHOD_CASH: 'Tiền mặt', PAYMENT_METHOD_NATIONAL_PORTAL: 'Cổng Dịch vụ công quốc gia', PAYMENT_METHOD_PROVINCIAL_GATEWAY: 'Cổng dịch vụ công của tỉnh' },
        'PAYMENT_METHOD_CASH',
      );
      const receipt = input('act-receipt', { maxlength: '100' });
      return {
        fields: [money.field, method.set, field('act-receipt', 'Số biên lai', receipt)],
        body: () => {
          const n = money.amount();
          if (!(n > 0)) return need('số tiền lớn hơn 0, bằng chữ số', money.input);
          return { dossier_code: code, amount_vnd: n, method: method.value(), ...(receipt.value.trim() !== '' && { receipt_number: receipt.value.trim() }) };
        },
        notice: () => `Đã ghi nhận nộp ${formatMoney(money.amount())}.`,
      };
    }
    case 'accept':
      return {
        fields: [
          h('p', { className: 'field-note' }, 'Kiểm tra thành phần hồ sơ công dân đã nộp trực tuyến trước khi tiếp nhận. Thời hạn giải quyết bắt đầu tính từ lúc tiếp nhận.'),
        ],
        // An online registration is accepted under its own channel and procedure (lifecycle.cc).
        body: () => ({ dossier_code: code, channel: 'CHANNEL_ONLINE' }),
        notice: () => 'Đã tiếp nhận hồ sơ đăng ký trực tuyến; thời hạn giải quyết bắt đầu tính.',
        letter: { made: letter('receipt', code), now: false },
      };
    case 'refuse': {
      const reason = input('act-reason');
      return {
        fields: [
          h('p', { className: 'action-warning' }, 'Từ chối là bước cuối: hồ sơ không được tiếp nhận. Phiếu từ chối (Mẫu 03) mở ra để in ngay sau đó.'),
          field('act-reason', 'Lý do từ chối', reason, true, 'In nguyên văn trên phiếu gửi công dân.'),
        ],
        body: () => (reason.value.trim() === '' ? need('lý do từ chối tiếp nhận', reason) : { dossier_code: code, reason: reason.value.trim() }),
        notice: () => 'Đã từ chối tiếp nhận hồ sơ.',
        letter: { made: letter('refusal', code), now: true },
      };
    }
    case 'withdraw': {
      const reason = input('act-reason');
      return {
        fields: [
          h('p', { className: 'action-warning' }, 'Rút hồ sơ là bước cuối: hồ sơ sẽ không được xử lý tiếp.'),
          field('act-reason', 'Lý do (theo đề nghị của công dân)', reason),
        ],
        body: () => ({ dossier_code: code, ...(reason.value.trim() !== '' && { reason: reason.value.trim() }) }),
        notice: () => 'Đã ghi nhận công dân rút hồ sơ.',
      };
    }
    case 'apologize': {
      const reason = input('act-reason');
      const when = input('act-new-appointment', { inputmode: 'numeric', maxlength: '16', placeholder: 'dd/mm/yyyy HH:mm', required: '' });
      const signer = input('act-signed-by', { maxlength: '200' });
      const current = formatDateTime(d.appointment_at);
      return {
        fields: [
          field('act-reason', 'Lý do chậm trễ', reason, true),
          field('act-new-appointment', 'Ngày hẹn trả mới', when, true, `Ngày giờ Việt Nam, ví dụ 15/12/2026 16:00; sau ngày hẹn hiện tại${current === '' ? '' : ` (${current})`}. Chỉ được hẹn lại một lần.`),
          field('act-signed-by', 'Người ký', signer, false, 'Thủ trưởng cơ quan ký thư xin lỗi.'),
        ],
        body: () => {
          if (reason.value.trim() === '') return need('lý do chậm trễ', reason);
          const at = parseDateTime(when.value);
          if (at === '') return ['Nhập ngày giờ hẹn trả mới theo dạng dd/mm/yyyy HH:mm, ví dụ 15/12/2026 16:00.', when];
          return { dossier_code: code, reason: reason.value.trim(), new_appointment_at: at, ...(signer.value.trim() !== '' && { signed_by: signer.value.trim() }) };
        },
        notice: () => `Đã xin lỗi và hẹn lại ngày trả: ${formatDateTime(parseDateTime(when.value))}.`,
        letter: { made: letter('apology', code), now: true },
      };
    }
    case 'stop': {
      const reason = input('act-reason');
      return {
        fields: [
          h('p', { className: 'action-warning' }, 'Dừng xử lý là bước cuối: hồ sơ sẽ không được xử lý tiếp.'),
          field('act-reason', 'Lý do dừng xử lý', reason, true),
        ],
        body: () => (reason.value.trim() === '' ? need('lý do dừng xử lý', reason) : { dossier_code: code, reason: reason.value.trim() }),
        notice: () => 'Đã dừng xử lý hồ sơ.',
      };
    }
  }
}

export interface ActionsOptions {
  dossier: Dossier;
  session: SessionInfo;
  /** The server accepted: reload the dossier, then show what was done. */
  onDone: (done: ActionDone) => void;
  /** Reload the dossier as it is now. */
  onReload: () => void;
}

export function renderActions({ dossier, session, onDone, onReload }: ActionsOptions): HTMLElement {
  const names = allowedActions(dossier, session.roles);
  const slot = h('div', { className: 'action-slot' });
  let open: { name: ActionName; button: HTMLButtonElement } | null = null;

  function close(focus: boolean): void {
    if (open === null) return;
    open.button.setAttribute('aria-expanded', 'false');
    if (focus) open.button.focus();
    open = null;
    replace(slot);
  }

  function show(name: ActionName, button: HTMLButtonElement): void {
    close(false);
    open = { name, button };
    button.setAttribute('aria-expanded', 'true');
    const built = build(name, dossier, session);
    let key = newIdempotencyKey(); // one per opening: a retry of this form is the same command
    let busy = false;
    const submit = h('button', { className: FINAL.includes(name) ? 'button danger' : 'button primary', attrs: { type: 'submit' } }, `Xác nhận ${LABELS[name].button.toLowerCase()}`);
    const cancel = h('button', { className: 'button secondary', attrs: { type: 'button' } }, 'Hủy');
    const error = h('p', { className: 'form-error action-error', attrs: { role: 'alert', id: 'action-error' } });
    const stale = h('button', { className: 'button secondary small', attrs: { type: 'button', hidden: '' } }, 'Tải lại hồ sơ');
    const form = h(
      'form',
      { className: 'action-form', attrs: { id: 'action-form', novalidate: '', 'aria-labelledby': 'action-form-title', 'data-action': name } },
      h('h3', { attrs: { id: 'action-form-title' } }, LABELS[name].title),
      ...built.fields,
      h('div', { className: 'action-submit' }, submit, cancel, error, stale),
    );
    cancel.addEventListener('click', () => close(true));
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !busy) {
        event.preventDefault();
        close(true);
      }
    });
    stale.addEventListener('click', () => onReload());
    /** The message shown is the page's own (cleared once the officer corrects the form). */
    let own = false;
    const edited = (): void => {
      form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
      if (own) setText(error, '');
    };
    form.addEventListener('input', edited);
    form.addEventListener('change', edited);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      setText(error, '');
      stale.hidden = true;
      const body = built.body();
      if (Array.isArray(body)) {
        own = true;
        setText(error, body[0]);
        body[1].setAttribute('aria-invalid', 'true');
        body[1].focus();
        return;
      }
      own = false;
      busy = true;
      submit.disabled = true;
      form.setAttribute('aria-busy', 'true');
      runCommand(name, body, key).then(
        () => {
          const made = built.letter;
          // Still inside the click's user activation: the browser lets the tab open.
          const opened = made !== undefined && made.now && openLetter(made.made);
          const text = built.notice();
          onDone(made === undefined ? { text } : { text: opened ? `${text} Đã mở ${made.made.name} ở thẻ mới để in.` : text, letter: made.made });
        },
        (failure: unknown) => {
          busy = false;
          submit.disabled = false;
          form.removeAttribute('aria-busy');
          let text = describeError(failure);
          if (failure instanceof ApiError && failure.status === 0) text = `${text} ${messages.actionRetrySafe}`;
          if (failure instanceof ApiError && failure.status === 409 && failure.code === 'conflict') key = newIdempotencyKey();
          setText(error, text);
          // The dossier moved on since this page was loaded: offer to see it as it is now.
          stale.hidden = !(failure instanceof ApiError && failure.code === 'illegal_transition');
        },
      );
    });
    replace(slot, form);
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  const buttons = names.map((name, i) => {
    const className = FINAL.includes(name) ? 'button secondary danger-outline' : i === 0 ? 'button primary' : 'button secondary';
    const button = h('button', { className, attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'action-form', 'data-action': name } }, LABELS[name].button);
    button.addEventListener('click', () => (open?.name === name ? close(true) : show(name, button)));
    return button;
  });

  return h(
    'section',
    { className: 'actions', attrs: { 'aria-labelledby': 'actions-title' } },
    h('h2', { attrs: { id: 'actions-title' } }, 'Xử lý hồ sơ'),
    names.length === 0
      ? h('p', { className: 'field-note' }, `Hồ sơ đang ở trạng thái “${STATUS_LABELS[dossier.status]}”: không có việc nào dành cho vai trò của bạn.`)
      : h('div', { className: 'action-buttons' }, ...buttons),
    slot,
  );
}

// "Tra cứu hồ sơ": the form (Mã hồ sơ, Mã tra cứu, both on the receipt) and the
// answer under it. Opened from the receipt's QR code (#ma=…&k=…) it fills both and
// looks up at once. A refusal is shown beside the form, as text, with what was
// typed kept; too many tries also hold the button until the server's wait is over.

import { h, replace, setText, showMessage } from '../dom';
import { normalizeCode, normalizeSecret, wantedIn, type Wanted } from './address';
import { LookupError, lookUp } from './lookup';
import { renderRating } from './rating-form';
import { renderResult } from './result';
import { words } from './words';

function input(id: string, name: string): HTMLInputElement {
  return h('input', {
    attrs: {
      id,
      name,
      type: 'text',
      // Codes are not words: no suggestions, no capitalised first letter, no spell check.
      autocomplete: 'off',
      autocapitalize: 'characters',
      autocorrect: 'off',
      spellcheck: 'false',
      required: '',
      'aria-describedby': 'lookup-error',
    },
  });
}

export function renderLookupPage(): HTMLElement {
  const code = input('lookup-code', 'ma');
  const secret = input('lookup-secret', 'k');
  const submit = h('button', { className: 'button primary', attrs: { type: 'submit' } }, 'Tra cứu');
  const error = h('p', { className: 'form-error', attrs: { id: 'lookup-error', role: 'alert' } });
  const answer = h('div', { className: 'answer', attrs: { id: 'lookup-answer', 'aria-busy': 'false' } });
  showMessage(error, '');

  // method="post": should the handler ever fail, a native submit must not put
  // the secret into a URL (GET would: ?ma=…&k=…, in the server's log).
  const form = h(
    'form',
    { className: 'lookup-form', attrs: { method: 'post', novalidate: '' } },
    h(
      'div',
      { className: 'lookup-fields' },
      h('div', { className: 'field' }, h('label', { attrs: { for: 'lookup-code' } }, 'Mã hồ sơ'), code),
      h('div', { className: 'field' }, h('label', { attrs: { for: 'lookup-secret' } }, 'Mã tra cứu'), secret),
      submit,
    ),
    h('p', { className: 'lookup-help' }, 'Hai mã này in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.'),
    error,
  );

  let busy = false;
  let heldUntil = 0; // after a 429: no new try before this (ms since the epoch)

  function hold(seconds: number): void {
    heldUntil = Date.now() + seconds * 1000;
    submit.disabled = true;
    setTimeout(() => {
      if (Date.now() >= heldUntil && !busy) submit.disabled = false;
    }, seconds * 1000);
  }

  function fail(message: string, focus: HTMLInputElement | null): void {
    showMessage(error, message);
    if (focus !== null) focus.focus();
  }

  function run(wanted: Wanted): void {
    if (busy || Date.now() < heldUntil) return;
    busy = true;
    submit.disabled = true;
    setText(submit, 'Đang tra cứu…');
    showMessage(error, '');
    answer.setAttribute('aria-busy', 'true');
    lookUp(wanted.code, wanted.secret).then(
      (view) => {
        replace(answer, renderResult(view, renderRating(view, wanted.secret)));
        answer.querySelector<HTMLElement>('#result-status')?.focus();
      },
      (failure: unknown) => {
        // A previous answer would now sit under a refusal for other codes: clear it.
        replace(answer);
        if (!(failure instanceof LookupError)) return fail(words.unexpected, null);
        // Wrong code or secret (one answer for both): the secret is the likelier slip.
        fail(failure.message, failure.status === 404 ? secret : null);
        if (failure.status === 429) hold(failure.retryAfter ?? 30);
      },
    ).finally(() => {
      busy = false;
      setText(submit, 'Tra cứu');
      answer.setAttribute('aria-busy', 'false');
      if (Date.now() >= heldUntil) submit.disabled = false;
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = { code: normalizeCode(code.value), secret: normalizeSecret(secret.value) };
    if (wanted.code === '') return fail(words.missingCode, code);
    if (wanted.secret === '') return fail(words.missingSecret, secret);
    run(wanted);
  });

  // From the QR code: fill both and look up. Again when another code is opened in this tab.
  // Then the fragment goes: the secret must not stay in the address bar (or the history
  // of a shared phone), and a reload should not repeat a lookup the citizen did not ask for.
  function fromAddress(): void {
    const wanted = wantedIn(window.location.hash);
    if (wanted === null) return;
    code.value = wanted.code;
    secret.value = wanted.secret;
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    run(wanted);
  }
  window.addEventListener('hashchange', fromAddress);

  const page = h(
    'main',
    { className: 'lookup', attrs: { id: 'main' } },
    h(
      'header',
      { className: 'lookup-header' },
      h('p', { className: 'lookup-brand' }, 'Bộ phận Một cửa'),
      h('h1', {}, 'Tra cứu hồ sơ'),
    ),
    form,
    answer,
  );
  queueMicrotask(() => {
    if (wantedIn(window.location.hash) !== null) fromAddress();
    else code.focus();
  });
  return page;
}

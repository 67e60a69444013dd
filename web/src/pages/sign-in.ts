// The sign-in page ("Đăng nhập").

import type { SessionInfo } from '../contract';
import { h, setText, showMessage } from '../dom';
import { describeError } from '../errors';
import { messages } from '../messages';
import { signIn } from '../session';

export interface SignInOptions {
  /** A neutral note above the form (e.g. "Đã đăng xuất."). */
  notice?: string;
  /** An error to show at once (e.g. the server could not be reached at start). */
  error?: string;
  onSignedIn: (info: SessionInfo) => void;
}

export function renderSignIn(options: SignInOptions): HTMLElement {
  const user = h('input', {
    attrs: {
      id: 'signin-user',
      name: 'user',
      type: 'text',
      autocomplete: 'username',
      autocapitalize: 'none',
      spellcheck: 'false',
      required: '',
    },
  });
  const password = h('input', {
    attrs: {
      id: 'signin-password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: '',
    },
  });
  const submit = h('button', { className: 'button primary', attrs: { type: 'submit' } }, 'Đăng nhập');
  const notice = h('p', { className: 'notice', attrs: { role: 'status' } });
  const error = h('p', { className: 'form-error', attrs: { role: 'alert', id: 'signin-error' } });
  showMessage(notice, options.notice ?? '');
  setText(error, options.error ?? '');

  // method="post": should the script ever fail, a native submit must not put
  // the password into a URL.
  const form = h(
    'form',
    { className: 'signin-form', attrs: { method: 'post', novalidate: '', 'aria-describedby': 'signin-error' } },
    h('div', { className: 'field' }, h('label', { attrs: { for: 'signin-user' } }, 'Tên đăng nhập'), user),
    h('div', { className: 'field' }, h('label', { attrs: { for: 'signin-password' } }, 'Mật khẩu'), password),
    submit,
  );

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return; // one sign-in at a time, however often the button is pressed
    const name = user.value.trim();
    if (name === '' || password.value === '') {
      setText(error, messages.missingCredentials);
      (name === '' ? user : password).focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    setText(submit, 'Đang đăng nhập…');
    setText(error, '');
    showMessage(notice, '');
    signIn(name, password.value).then(
      (info) => {
        password.value = '';
        options.onSignedIn(info);
      },
      (failure: unknown) => {
        busy = false;
        submit.disabled = false;
        setText(submit, 'Đăng nhập');
        setText(error, describeError(failure));
        password.select();
        password.focus();
      },
    );
  });

  const page = h(
    'main',
    { className: 'signin', attrs: { id: 'main' } },
    h(
      'div',
      { className: 'signin-card' },
      h('p', { className: 'signin-brand' }, 'Bộ phận Một cửa'),
      h('h1', {}, 'Đăng nhập'),
      notice,
      form,
      error,
    ),
  );
  queueMicrotask(() => user.focus());
  return page;
}

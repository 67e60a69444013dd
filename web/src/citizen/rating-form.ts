// "Đánh giá mức độ hài lòng": offered once the dossier is finished and not yet rated
// (CitizenView.may_rate). Five large choices (phone first: one per line, whole-row tap
// targets), an optional comment, "Gửi đánh giá". After it is taken: thanks and the level
// given; a refusal (409: already rated, not finished) is the server's sentence, as text.
// Already rated: the level given, and no form.

import { h, replace, setText, showMessage } from '../dom';
import type { CitizenView } from './citizen-view';
import { LookupError } from './lookup';
import { COMMENT_MAX, LEVELS, levelWords, rate, type Level } from './rating';
import { words } from './words';

function given(level: string, thanks: boolean): HTMLElement {
  return h(
    'div',
    { className: 'rating-done', attrs: { role: 'status', tabindex: '-1', id: 'rating-done' } },
    thanks && h('p', { className: 'rating-thanks' }, 'Cảm ơn ông/bà đã đánh giá!'),
    h('p', {}, 'Mức độ hài lòng đã đánh giá: ', h('strong', { attrs: { 'data-level': level } }, levelWords(level))),
  );
}

export function renderRating(view: CitizenView, secret: string): HTMLElement | null {
  if (!view.may_rate) {
    if (view.satisfaction === '') return null;
    return h('section', { className: 'rating', attrs: { 'aria-labelledby': 'rating-title' } }, h('h2', { attrs: { id: 'rating-title' } }, 'Đánh giá mức độ hài lòng'), given(view.satisfaction, false));
  }

  const choices = LEVELS.map(([level, label], i) =>
    h(
      'label',
      { className: 'rating-choice', attrs: { 'data-level': level } },
      h('input', { attrs: { type: 'radio', name: 'satisfaction', value: level, ...(i === 0 && { required: '' }) } }),
      h('span', {}, label),
    ),
  );
  const comment = h('textarea', { attrs: { id: 'rating-comment', name: 'comment', rows: '3', maxlength: String(COMMENT_MAX), 'aria-describedby': 'rating-count' } });
  const count = h('p', { className: 'rating-count', attrs: { id: 'rating-count' } }, `0/${COMMENT_MAX} ký tự`);
  const submit = h('button', { className: 'button primary', attrs: { type: 'submit' } }, 'Gửi đánh giá');
  const error = h('p', { className: 'form-error', attrs: { role: 'alert', id: 'rating-error' } });
  showMessage(error, '');

  const form = h(
    'form',
    { className: 'rating-form', attrs: { method: 'post', novalidate: '' } },
    h('fieldset', { className: 'rating-levels' }, h('legend', {}, 'Ông/bà hài lòng thế nào với việc giải quyết hồ sơ này?'), ...choices),
    h('div', { className: 'field' }, h('label', { attrs: { for: 'rating-comment' } }, 'Góp ý (không bắt buộc)'), comment, count),
    submit,
    error,
  );
  const section = h('section', { className: 'rating', attrs: { 'aria-labelledby': 'rating-title' } }, h('h2', { attrs: { id: 'rating-title' } }, 'Đánh giá mức độ hài lòng'), form);

  comment.addEventListener('input', () => setText(count, `${comment.value.length}/${COMMENT_MAX} ký tự`));

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const picked = form.querySelector<HTMLInputElement>('input[name="satisfaction"]:checked');
    if (picked === null) {
      showMessage(error, 'Chọn một mức độ hài lòng.');
      form.querySelector<HTMLInputElement>('input[name="satisfaction"]')?.focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    setText(submit, 'Đang gửi…');
    showMessage(error, '');
    rate(view.code, secret, picked.value as Level, comment.value.trim().slice(0, COMMENT_MAX)).then(
      (rated) => {
        replace(section, h('h2', { attrs: { id: 'rating-title' } }, 'Đánh giá mức độ hài lòng'), given(rated.satisfaction !== '' ? rated.satisfaction : picked.value, true));
        section.querySelector<HTMLElement>('#rating-done')?.focus();
      },
      (failure: unknown) => {
        busy = false;
        submit.disabled = false;
        setText(submit, 'Gửi đánh giá');
        showMessage(error, failure instanceof LookupError ? failure.message : words.unexpected);
        // Already rated (409): the form has nothing left to offer.
        if (failure instanceof LookupError && failure.status === 409) {
          form.querySelector('fieldset')?.setAttribute('disabled', '');
          comment.disabled = true;
          submit.hidden = true;
        }
      },
    );
  });
  return section;
}

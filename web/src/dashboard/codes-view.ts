// The dossiers behind one figure (GET /v1/stats?codes=1): the numerator's codes, or
// the denominator's split into those also in the numerator and those not (for the
// on-time rate, the late ones). Each dossier code opens its detail; the codes of
// internal_process_published are procedure codes, shown as text.

import { h } from '../dom';
import { formatCount } from './numbers';
import { OUTSIDE_NUMERATOR, RATE_LABELS } from './rate-labels';
import type { RateFigure, RateName } from './stats';
import type { FigurePart } from './targets-view';

function codeList(rate: RateName, codes: string[], onOpen: (code: string) => void): HTMLElement {
  if (codes.length === 0) return h('p', { className: 'dash-note' }, 'Không có hồ sơ nào.');
  const procedures = rate === 'internal_process_published';
  return h(
    'ul',
    { className: 'code-list' },
    ...codes.map((code) => {
      if (procedures) return h('li', {}, h('span', { className: 'code-text' }, code));
      const button = h('button', { className: 'link-button', attrs: { type: 'button', 'data-code': code } }, code);
      button.addEventListener('click', () => onOpen(code));
      return h('li', {}, button);
    }),
  );
}

function group(title: string, kind: string, rate: RateName, codes: string[], onOpen: (code: string) => void): HTMLElement {
  return h(
    'section',
    { className: 'code-group', attrs: { 'data-group': kind } },
    h('h4', {}, `${title} (${formatCount(codes.length)})`),
    codeList(rate, codes, onOpen),
  );
}

export function renderCodes(rate: RateName, part: FigurePart, figure: RateFigure, onOpen: (code: string) => void, onClose: () => void): HTMLElement {
  const codes = figure.codes ?? { num: [], den: [] };
  const unit = rate === 'internal_process_published' ? 'thủ tục' : 'hồ sơ';
  const close = h('button', { className: 'button secondary small', attrs: { type: 'button' } }, 'Đóng');
  close.addEventListener('click', onClose);
  let body: HTMLElement[];
  if (part === 'num') {
    body = [group(`Các ${unit} tính vào tử số`, 'num', rate, codes.num, onOpen)];
  } else {
    const inNum = new Set(codes.num);
    const outside = codes.den.filter((c) => !inNum.has(c));
    body = [
      group(OUTSIDE_NUMERATOR[rate] ?? `Các ${unit} không tính vào tử số`, 'outside', rate, outside, onOpen),
      group(`Các ${unit} tính vào tử số`, 'inside', rate, codes.den.filter((c) => inNum.has(c)), onOpen),
    ];
  }
  return h(
    'div',
    { className: 'codes-panel', attrs: { 'data-rate': rate, 'data-part': part } },
    h(
      'div',
      { className: 'codes-head' },
      h('h3', { attrs: { id: 'codes-title', tabindex: '-1' } }, `${RATE_LABELS[rate]} — ${part === 'num' ? 'tử số' : 'mẫu số'}: ${formatCount(part === 'num' ? figure.num : figure.den)} ${unit}`),
      close,
    ),
    ...body,
  );
}

// "Các bước xử lý theo đơn vị, cán bộ": the steps of the internal processes that ended in
// the period, by who held them (Statistics.by_step_holder), each against its own deadline:
// early, on time, late, and those a withdrawal or a stop ended untimed, with the average
// working time a step took. Where a dossier goes late is where its steps went late. The
// server's rows, not recounted.

import { h } from '../dom';
import { formatCount, formatWorkingTime } from './numbers';
import type { StepHolderRow } from './stats';

/** How many rows from `start` on share its unit. */
function runLength(list: StepHolderRow[], start: number): number {
  let end = start + 1;
  while (end < list.length && list[end]?.unit === list[start]?.unit) end++;
  return end - start;
}

function officer(row: StepHolderRow): string {
  if (row.officer_name !== '') return row.officer_name;
  // No officer named: the unit as a whole held the step.
  return row.officer !== '' ? row.officer : 'Cả đơn vị';
}

export function renderSteps(rows: StepHolderRow[]): HTMLElement {
  if (rows.length === 0) return h('p', { className: 'empty' }, 'Chưa có bước xử lý nào kết thúc trong kỳ.');
  const th = (text: string, className = 'num') => h('th', { className, attrs: { scope: 'col' } }, text);
  return h(
    'div',
    { className: 'table-wrap' },
    h(
      'table',
      { className: 'dossier-table step-table' },
      h('thead', {}, h('tr', {}, th('Đơn vị', 'col-unit'), th('Cán bộ', 'col-officer'), th('Số bước'), th('Trước hạn'), th('Đúng hạn'), th('Quá hạn'), th('Không tính hạn'), th('Thời gian trung bình một bước', 'col-time'))),
      h(
        'tbody',
        {},
        ...rows.map((r, i) =>
          h(
            'tr',
            { attrs: { 'data-unit': r.unit, 'data-officer': r.officer } },
            // The unit once, over all its officers (the server orders by unit).
            i > 0 && rows[i - 1]?.unit === r.unit ? null : h('td', { className: 'step-unit', attrs: { rowspan: String(runLength(rows, i)) } }, r.unit !== '' ? r.unit : 'Không rõ đơn vị'),
            h('td', { ...(r.officer !== '' && r.officer_name !== '' ? { attrs: { title: r.officer } } : {}) }, officer(r)),
            h('td', { className: 'num' }, formatCount(r.finished)),
            h('td', { className: 'num' }, formatCount(r.early)),
            h('td', { className: 'num' }, formatCount(r.on_time)),
            h('td', { className: `num${r.late > 0 ? ' late' : ''}` }, r.late > 0 ? `✗ ${formatCount(r.late)}` : '0'),
            h('td', { className: 'num' }, formatCount(r.untimed)),
            h('td', {}, formatWorkingTime(r.average_working_seconds)),
          ),
        ),
      ),
    ),
  );
}

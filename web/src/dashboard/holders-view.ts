// "Theo đơn vị, cán bộ": the dossiers resolved in the period by who held them when the
// result was ready (Statistics.by_holder), grouped by unit: resolved, on time, late and
// the average working time taken, per procedure. The server's rows, not recounted.

import { h } from '../dom';
import { formatCount, formatWorkingTime } from './numbers';
import type { HolderRow } from './stats';

function officer(row: HolderRow): string {
  if (row.officer_name !== '') return row.officer_name;
  // No officer: the dossiers were held by the unit as a whole (HolderRow.officer).
  return row.officer !== '' ? row.officer : 'Cả đơn vị';
}

/** How many rows from `start` on share its officer. */
function runLength(list: HolderRow[], start: number): number {
  let end = start + 1;
  while (end < list.length && list[end]?.officer === list[start]?.officer) end++;
  return end - start;
}

export function renderHolders(rows: HolderRow[]): HTMLElement {
  if (rows.length === 0) return h('p', { className: 'empty' }, 'Chưa có hồ sơ nào được giải quyết trong kỳ.');
  const units = new Map<string, HolderRow[]>();
  for (const r of rows) units.set(r.unit, [...(units.get(r.unit) ?? []), r]);
  return h(
    'div',
    { className: 'holders' },
    ...[...units.entries()].map(([unit, list]) =>
      h(
        'section',
        { className: 'holder-unit', attrs: { 'data-unit': unit } },
        h('h3', {}, unit !== '' ? unit : 'Không rõ đơn vị'),
        h(
          'div',
          { className: 'table-wrap' },
          h(
            'table',
            { className: 'dossier-table holder-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { className: 'col-officer', attrs: { scope: 'col' } }, 'Cán bộ'),
                h('th', { className: 'col-name', attrs: { scope: 'col' } }, 'Thủ tục'),
                h('th', { className: 'num', attrs: { scope: 'col' } }, 'Đã giải quyết'),
                h('th', { className: 'num', attrs: { scope: 'col' } }, 'Đúng hạn'),
                h('th', { className: 'num', attrs: { scope: 'col' } }, 'Quá hạn'),
                h('th', { className: 'col-time', attrs: { scope: 'col' } }, 'Thời gian giải quyết trung bình'),
              ),
            ),
            h(
              'tbody',
              {},
              ...list.map((r, i) =>
                h(
                  'tr',
                  { attrs: { 'data-officer': r.officer, 'data-procedure': r.procedure_code } },
                  // The officer once, over all their rows in a run (the server's order keeps them together).
                  i > 0 && list[i - 1]?.officer === r.officer
                    ? null
                    : h('td', { className: 'holder-officer', attrs: { rowspan: String(runLength(list, i)), ...(r.officer !== '' && r.officer_name !== '' ? { title: r.officer } : {}) } }, officer(r)),
                  h('td', {}, r.procedure_name !== '' ? r.procedure_name : r.procedure_code),
                  h('td', { className: 'num' }, formatCount(r.resolved)),
                  h('td', { className: 'num' }, formatCount(r.on_time)),
                  h('td', { className: `num${r.late > 0 ? ' late' : ''}` }, r.late > 0 ? `✗ ${formatCount(r.late)}` : '0'),
                  h('td', {}, formatWorkingTime(r.average_working_seconds)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

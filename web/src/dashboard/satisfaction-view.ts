// "Mức độ hài lòng": the citizens' ratings per procedure and in total
// (Statistics.satisfaction, satisfaction_total), five levels as the national portal
// names them, and the "không hài lòng hoặc có phản ánh" count of the national score.

import { h } from '../dom';
import { formatCount } from './numbers';
import type { SatisfactionRow } from './stats';

const LEVELS = [
  ['very_satisfied', 'Rất hài lòng'],
  ['satisfied', 'Hài lòng'],
  ['acceptable', 'Bình thường'],
  ['dissatisfied', 'Không hài lòng'],
  ['very_dissatisfied', 'Rất không hài lòng'],
] as const;

function line(row: SatisfactionRow, total: boolean): HTMLElement {
  const name = total ? 'Tổng cộng' : row.procedure_name !== '' ? row.procedure_name : row.procedure_code;
  return h(
    'tr',
    { className: total ? 'report-total' : '', attrs: { 'data-procedure': total ? 'total' : row.procedure_code } },
    h(total ? 'th' : 'td', total ? { attrs: { scope: 'row' } } : {}, name),
    h('td', { className: 'num', attrs: { 'data-column': 'rated' } }, formatCount(row.rated)),
    ...LEVELS.map(([key]) => h('td', { className: 'num', attrs: { 'data-column': key } }, formatCount(row[key]))),
    h('td', { className: 'num', attrs: { 'data-column': 'dislike' } }, formatCount(row.dislike)),
  );
}

export function renderSatisfaction(rows: SatisfactionRow[], total: SatisfactionRow | null): HTMLElement {
  if (rows.length === 0 || total === null) return h('p', { className: 'empty' }, 'Chưa có đánh giá nào trong kỳ.');
  return h(
    'div',
    { className: 'table-wrap' },
    h(
      'table',
      { className: 'dossier-table satisfaction-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { className: 'col-name', attrs: { scope: 'col' } }, 'Thủ tục'),
          h('th', { className: 'num', attrs: { scope: 'col' } }, 'Số lượt đánh giá'),
          ...LEVELS.map(([, label]) => h('th', { className: 'num', attrs: { scope: 'col' } }, label)),
          h('th', { className: 'num', attrs: { scope: 'col' } }, 'Không hài lòng hoặc có phản ánh'),
        ),
      ),
      h('tbody', {}, ...rows.map((r) => line(r, false))),
      h('tbody', { className: 'report-sum' }, line(total, true)),
    ),
  );
}

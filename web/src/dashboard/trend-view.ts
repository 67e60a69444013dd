// "Diễn biến 12 tháng": each rate month by month (GET /v1/stats/trend), a small line
// chart per rate with its target as a dashed line, and the same figures as a table
// for screen readers and for reading exact values. Months without a denominator are
// gaps in the line and "—" in the table.

import { h } from '../dom';
import { formatCount, formatPercent, formatTargetPercent } from './numbers';
import { monthLabel } from './period';
import { OP_SIGNS, RATE_LABELS } from './rate-labels';
import { isRateName, type RateName, type Statistics } from './stats';
import { clamp01, svg } from './svg';

const W = 240;
const H = 80;
const PAD = 6;
/** Room on the left for "100%" / "0%", below for the first and last month. */
const LEFT = 34;
const BOTTOM = 14;

function chart(rate: RateName, months: Statistics[], goal: number | null): SVGSVGElement {
  const step = months.length > 1 ? (W - LEFT - 2 * PAD) / (months.length - 1) : 0;
  const y = (ratio: number): number => PAD + (1 - clamp01(ratio)) * (H - BOTTOM - 2 * PAD);
  const first = months[0];
  const last = months[months.length - 1];
  const parts: SVGElement[] = [
    svg('rect', { class: 'spark-frame', x: LEFT, y: 0, width: W - LEFT, height: H - BOTTOM }),
    svg('text', { class: 'spark-axis', x: LEFT - 3, y: y(1) + 3, 'text-anchor': 'end' }, '100%'),
    svg('text', { class: 'spark-axis', x: LEFT - 3, y: y(0) + 3, 'text-anchor': 'end' }, '0%'),
    svg('text', { class: 'spark-axis', x: LEFT, y: H - 2 }, first === undefined ? '' : monthLabel(first.from)),
    svg('text', { class: 'spark-axis', x: W, y: H - 2, 'text-anchor': 'end' }, last === undefined ? '' : monthLabel(last.from)),
  ];
  if (goal !== null) parts.push(svg('line', { class: 'spark-goal', x1: LEFT, x2: W, y1: y(goal), y2: y(goal) }));
  // One polyline per run of months with data: a month with den 0 breaks the line.
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) parts.push(svg('polyline', { class: 'spark-line', points: run.join(' ') }));
    run = [];
  };
  months.forEach((m, i) => {
    const f = m.rates[rate];
    if (f.den === 0) return flush();
    const px = LEFT + PAD + i * step;
    run.push(`${px.toFixed(1)},${y(f.ratio).toFixed(1)}`);
    parts.push(svg('circle', { class: 'spark-dot', cx: px.toFixed(1), cy: y(f.ratio).toFixed(1), r: 2.5 }));
  });
  flush();
  return svg('svg', { class: 'spark', viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true', focusable: 'false' }, ...parts);
}

function cell(m: Statistics, rate: RateName): HTMLElement {
  const f = m.rates[rate];
  const attrs = { 'data-rate': rate, 'data-month': m.from.slice(0, 7) };
  if (f.den === 0) return h('td', { attrs: { ...attrs, title: 'Chưa có dữ liệu' } }, '—');
  return h('td', { attrs: { ...attrs, title: `${formatCount(f.num)}/${formatCount(f.den)}` } }, formatPercent(f.ratio));
}

export function renderTrend(months: Statistics[]): HTMLElement {
  if (months.length === 0) return h('p', { className: 'empty' }, 'Chưa có số liệu theo tháng.');
  const last = months[months.length - 1] as Statistics;
  const rates: RateName[] = [];
  for (const t of last.targets) if (isRateName(t.rate) && !rates.includes(t.rate)) rates.push(t.rate);
  const goalOf = (rate: RateName) => last.targets.find((t) => t.rate === rate) ?? null;

  const charts = h(
    'ul',
    { className: 'spark-list' },
    ...rates.map((rate) => {
      const goal = goalOf(rate);
      const latest = last.rates[rate];
      return h(
        'li',
        { className: 'spark-item', attrs: { 'data-rate': rate } },
        h('p', { className: 'spark-title' }, RATE_LABELS[rate]),
        chart(rate, months, goal === null ? null : goal.value),
        h(
          'p',
          { className: 'cell-note' },
          `Tháng ${monthLabel(last.from)}: ${latest.den === 0 ? 'chưa có dữ liệu' : formatPercent(latest.ratio)}`,
          goal === null ? '' : ` · chỉ tiêu ${OP_SIGNS[goal.op] ?? goal.op} ${formatTargetPercent(goal.value)} (nét đứt)`,
        ),
      );
    }),
  );

  const table = h(
    'table',
    { className: 'dossier-table trend-table' },
    h('caption', { className: 'visually-hidden' }, 'Tỷ lệ theo tháng'),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Chỉ tiêu'), ...months.map((m) => h('th', { attrs: { scope: 'col' } }, monthLabel(m.from))))),
    h('tbody', {}, ...rates.map((rate) => h('tr', {}, h('th', { attrs: { scope: 'row' } }, RATE_LABELS[rate]), ...months.map((m) => cell(m, rate))))),
  );
  return h(
    'div',
    { className: 'trend' },
    charts,
    h('details', { className: 'trend-details' }, h('summary', {}, 'Xem số liệu dạng bảng'), h('div', { className: 'table-wrap' }, table)),
  );
}

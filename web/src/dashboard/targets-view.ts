// "Chỉ tiêu kế hoạch": each target of the plan (Statistics.targets, in their order)
// with its rate as a percentage, num/den, the target, met or missed and by how many
// percentage points, and a bar with the target marked. A missed one says so in words
// and with a mark (✗), not by colour alone; a rate with no denominator reads "chưa có
// dữ liệu". Each number opens the dossiers behind it.

import { h } from '../dom';
import { formatCount, formatPercent, formatPoints, formatTargetPercent } from './numbers';
import { OP_SIGNS, RATE_LABELS } from './rate-labels';
import { isRateName, type RateName, type Statistics, type TargetResult } from './stats';
import { clamp01, svg } from './svg';

export type FigurePart = 'num' | 'den';

function targetText(t: TargetResult): string {
  return `${OP_SIGNS[t.op] ?? t.op} ${formatTargetPercent(t.value)}`;
}

type Verdict = 'met' | 'missed' | 'none';

function verdictOf(t: TargetResult): Verdict {
  if (!t.evaluable) return 'none';
  return t.met ? 'met' : 'missed';
}

/** By how much, in the plan's direction: a floor ("> 90%") is beaten or fallen short of, a ceiling ("< 5%") kept under or exceeded. */
function marginWords(t: TargetResult): string {
  if (t.margin === 0) return 'bằng đúng chỉ tiêu';
  const points = formatPoints(t.margin);
  const ceiling = t.op === '<' || t.op === '<=';
  if (ceiling) return t.margin < 0 ? `thấp hơn chỉ tiêu ${points}` : `vượt chỉ tiêu ${points}`;
  return t.margin > 0 ? `vượt ${points}` : `thiếu ${points}`;
}

function verdictText(t: TargetResult, verdict: Verdict): string {
  if (verdict === 'none') return '— Chưa có dữ liệu';
  return `${verdict === 'met' ? '✓ Đạt' : '✗ Chưa đạt'} — ${marginWords(t)}`;
}

/** The bar: 0–100 %, the rate filled, the target a dark upright line. */
function bar(ratio: number, goal: number, verdict: Verdict, label: string): SVGSVGElement {
  const w = clamp01(ratio) * 100;
  const x = clamp01(goal) * 100;
  return svg(
    'svg',
    { class: `bullet bullet-${verdict}`, viewBox: '0 0 100 20', preserveAspectRatio: 'none', role: 'img', 'aria-label': label, focusable: 'false' },
    svg('rect', { class: 'bullet-track', x: 0, y: 4, width: 100, height: 12 }),
    ...(verdict === 'none' ? [] : [svg('rect', { class: 'bullet-value', x: 0, y: 4, width: w, height: 12 })]),
    svg('line', { class: 'bullet-goal', x1: x, x2: x, y1: 0, y2: 20, 'vector-effect': 'non-scaling-stroke' }),
  );
}

function figureButton(rate: RateName, part: FigurePart, value: number, onFigure: (rate: RateName, part: FigurePart) => void): HTMLElement {
  const what = part === 'num' ? 'tử số' : 'mẫu số';
  const button = h(
    'button',
    { className: 'link-button figure-button', attrs: { type: 'button', 'data-part': part, 'aria-label': `${formatCount(value)} — xem các hồ sơ của ${what}: ${RATE_LABELS[rate]}` } },
    formatCount(value),
  );
  button.addEventListener('click', () => onFigure(rate, part));
  return button;
}

function row(stats: Statistics, t: TargetResult, onFigure: (rate: RateName, part: FigurePart) => void): HTMLElement | null {
  if (!isRateName(t.rate)) return null;
  const figure = stats.rates[t.rate];
  const verdict = verdictOf(t);
  const label = RATE_LABELS[t.rate];
  const percent = figure.den === 0 ? 'chưa có dữ liệu' : formatPercent(figure.ratio);
  return h(
    'li',
    { className: `target target-${verdict}`, attrs: { 'data-rate': t.rate, 'data-state': verdict } },
    h('div', { className: 'target-name' }, h('span', { className: 'target-label' }, label)),
    h(
      'div',
      { className: 'target-figure' },
      h('strong', { className: 'target-percent' }, percent),
      h('span', { className: 'target-fraction' }, figureButton(t.rate, 'num', figure.num, onFigure), ' / ', figureButton(t.rate, 'den', figure.den, onFigure)),
    ),
    bar(figure.ratio, t.value, verdict, `${label}: ${percent}, chỉ tiêu ${targetText(t)}`),
    h(
      'div',
      { className: 'target-verdict' },
      // The plan's own words (and its section) on hover: the line stays short.
      h('span', { className: 'target-goal', attrs: { title: [t.section !== '' ? `Mục ${t.section}` : '', t.text].filter((x) => x !== '').join(': ') } }, `Chỉ tiêu: ${targetText(t)}`),
      h('span', { className: 'verdict' }, verdictText(t, verdict)),
    ),
  );
}

export function renderTargets(stats: Statistics, onFigure: (rate: RateName, part: FigurePart) => void): HTMLElement {
  const rows = stats.targets.map((t) => row(stats, t, onFigure)).filter((r): r is HTMLElement => r !== null);
  const missed = stats.targets.filter((t) => t.evaluable && !t.met).length;
  return h(
    'div',
    { className: 'targets' },
    h(
      'p',
      { className: 'dash-note' },
      stats.targets_plan !== '' ? `${stats.targets_plan}. ` : '',
      missed === 0 ? 'Không có chỉ tiêu nào chưa đạt trong kỳ.' : `${missed} chỉ tiêu chưa đạt trong kỳ (đánh dấu ✗).`,
      ' Bấm vào số hồ sơ (tử số / mẫu số) để xem danh sách hồ sơ.',
    ),
    rows.length === 0 ? h('p', { className: 'empty' }, 'Chưa có chỉ tiêu kế hoạch cho kỳ này.') : h('ol', { className: 'target-list' }, ...rows),
  );
}

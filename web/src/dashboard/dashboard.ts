// "Bảng điều hành": the leader's dashboard (leaders, the statistics focal point, the
// administrator). Loaded by the desk with a dynamic import(), so the counter's first
// load does not carry it. The period's statistics (GET /v1/stats) feed the targets,
// the periodic report, the officers' table and the satisfaction table; the trend has
// its own request; "Cần xử lý ngay" is about now, whatever the period.
// Every number shown is the server's; the page only formats it.

import type { Officer } from '../contract';
import { h, replace, setText } from '../dom';
import { describeError } from '../errors';
import { formatDateTime } from '../format';
import { loadOfficers } from '../officers';
import { loadActionData } from './action-data';
import { renderActionNow } from './action-view';
import { renderCodes } from './codes-view';
import { renderHolders } from './holders-view';
import { renderSteps } from './steps-view';
import { periodTitle, type Period } from './period';
import { renderPeriodPicker } from './period-picker';
import { renderReport } from './report-view';
import { renderSatisfaction } from './satisfaction-view';
import type { RateName, Statistics } from './stats';
import { fetchStatistics, fetchTrend } from './stats-api';
import { renderTargets, type FigurePart } from './targets-view';
import { renderTrend } from './trend-view';

export interface DashboardOptions {
  /** Opens a dossier in the desk's detail. */
  onOpen: (code: string) => void;
  /** The user may read the tracking book (Mẫu 06): the report then links it for the period. */
  bookReadable: boolean;
}

export interface DashboardView {
  section: HTMLElement;
  focus: () => void;
  /** Asks again for what changes by the minute ("Cần xử lý ngay"), e.g. when shown again. */
  refresh: () => void;
}

interface Part {
  section: HTMLElement;
  title: HTMLElement;
  body: HTMLElement;
}

function part(id: string, title: string, className = ''): Part {
  const heading = h('h2', { attrs: { id: `${id}-title` } }, title);
  const body = h('div', { className: 'dash-body', attrs: { 'aria-live': 'polite' } });
  const section = h('section', { className: `dash-section ${className}`.trim(), attrs: { id, 'aria-labelledby': `${id}-title`, 'data-state': 'loading' } }, heading, body);
  return { section, title: heading, body };
}

function loading(p: Part): void {
  p.section.dataset['state'] = 'loading';
  p.section.setAttribute('aria-busy', 'true');
  replace(p.body, h('p', { className: 'dash-note' }, 'Đang tải số liệu…'));
}

function ready(p: Part, ...content: HTMLElement[]): void {
  p.section.dataset['state'] = 'ready';
  p.section.removeAttribute('aria-busy');
  replace(p.body, ...content);
}

function failed(p: Part, failure: unknown): void {
  p.section.dataset['state'] = 'error';
  p.section.removeAttribute('aria-busy');
  replace(p.body, h('p', { className: 'form-error', attrs: { role: 'alert' } }, describeError(failure)));
}

export function renderDashboard({ onOpen, bookReadable }: DashboardOptions): DashboardView {
  const title = h('h1', { attrs: { id: 'dashboard-title', tabindex: '-1' } }, 'Bảng điều hành');
  const asOf = h('p', { className: 'dash-note dash-as-of' });
  const targets = part('dash-targets', 'Chỉ tiêu kế hoạch');
  const codesSlot = h('div', { className: 'codes-slot', attrs: { id: 'codes-slot' } });
  targets.section.append(codesSlot);
  const action = part('dash-action', 'Cần xử lý ngay');
  const trend = part('dash-trend', 'Diễn biến 12 tháng');
  const report = part('dash-report', 'Báo cáo định kỳ', 'print-report');
  report.title.setAttribute('id', 'report-title');
  report.section.setAttribute('aria-labelledby', 'report-title');
  const holders = part('dash-holders', 'Kết quả giải quyết theo đơn vị, cán bộ');
  const steps = part('dash-steps', 'Các bước xử lý theo đơn vị, cán bộ');
  const satisfaction = part('dash-satisfaction', 'Mức độ hài lòng của người dân');

  const picker = renderPeriodPicker((period) => void show(period));
  const nav = h(
    'nav',
    { className: 'dash-nav no-print', attrs: { 'aria-label': 'Các phần của bảng điều hành' } },
    ...[targets, action, trend, report, holders, steps, satisfaction].map((p) => h('a', { attrs: { href: `#${p.section.id}` } }, p.title.textContent ?? '')),
  );
  // In-page links must not change the desk's address (the hash is its router).
  nav.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (link === null) return;
    event.preventDefault();
    document.getElementById((link.getAttribute('href') ?? '').slice(1))?.scrollIntoView({ block: 'start' });
  });

  const section = h(
    'section',
    { className: 'dashboard', attrs: { 'aria-labelledby': 'dashboard-title' } },
    h('div', { className: 'dash-top no-print' }, h('div', { className: 'dash-head' }, title, asOf), picker.element),
    nav,
    targets.section,
    action.section,
    trend.section,
    report.section,
    holders.section,
    steps.section,
    satisfaction.section,
  );

  let generation = 0;
  /** The period's statistics with the codes behind each figure, asked for on the first figure opened. */
  let withCodes: Promise<Statistics> | null = null;

  async function openFigure(period: Period, mine: number, rate: RateName, which: FigurePart): Promise<void> {
    replace(codesSlot, h('p', { className: 'dash-note' }, 'Đang tải danh sách hồ sơ…'));
    try {
      if (withCodes === null) withCodes = fetchStatistics(period, true);
      const stats = await withCodes;
      if (mine !== generation) return;
      replace(codesSlot, renderCodes(rate, which, stats.rates[rate], onOpen, () => replace(codesSlot)));
      codesSlot.querySelector<HTMLElement>('#codes-title')?.focus();
    } catch (failure) {
      withCodes = null;
      if (mine === generation) replace(codesSlot, h('p', { className: 'form-error', attrs: { role: 'alert' } }, describeError(failure)));
    }
  }

  async function show(period: Period): Promise<void> {
    const mine = ++generation;
    withCodes = null;
    replace(codesSlot);
    const name = periodTitle(period);
    setText(targets.title, `Chỉ tiêu kế hoạch — ${name}`);
    setText(report.title, `Báo cáo định kỳ — ${name}`);
    setText(holders.title, `Kết quả giải quyết theo đơn vị, cán bộ — ${name}`);
    setText(steps.title, `Các bước xử lý theo đơn vị, cán bộ — ${name}`);
    setText(satisfaction.title, `Mức độ hài lòng của người dân — ${name}`);
    section.dataset['from'] = period.from;
    section.dataset['to'] = period.to;
    for (const p of [targets, report, holders, steps, satisfaction, trend]) loading(p);

    fetchTrend(period).then(
      (months) => mine === generation && ready(trend, renderTrend(months)),
      (failure: unknown) => mine === generation && failed(trend, failure),
    );
    try {
      const stats = await fetchStatistics(period);
      if (mine !== generation) return;
      setText(asOf, [stats.unit, stats.generated_at !== '' ? `Số liệu tính lúc ${formatDateTime(stats.generated_at)}` : ''].filter((s) => s !== '').join(' · '));
      ready(targets, renderTargets(stats, (rate, which) => void openFigure(period, mine, rate, which)));
      ready(report, renderReport(stats, period, bookReadable));
      ready(holders, renderHolders(stats.by_holder));
      ready(steps, renderSteps(stats.by_step_holder));
      ready(satisfaction, renderSatisfaction(stats.satisfaction, stats.satisfaction_total));
    } catch (failure) {
      if (mine !== generation) return;
      for (const p of [targets, report, holders, steps, satisfaction]) failed(p, failure);
    }
  }

  let officers: Officer[] = [];
  let asking = 0;
  function refresh(): void {
    const mine = ++asking;
    loading(action);
    Promise.all([loadActionData(), loadOfficers().catch(() => officers)]).then(
      ([data, names]) => {
        officers = names;
        if (mine === asking) ready(action, renderActionNow(data, officers, onOpen));
      },
      (failure: unknown) => mine === asking && failed(action, failure),
    );
  }

  void show(picker.period());
  refresh();
  return { section, focus: () => title.focus(), refresh };
}

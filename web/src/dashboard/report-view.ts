// "Báo cáo định kỳ": the periodic report per procedure and the total, with the grouped
// header Vietnamese reports use, printable on A4 landscape ("In báo cáo": the print
// sheet shows only this report under its heading, the header repeated on every page,
// at most 40 procedures a page) and downloadable as CSV and Excel.

import { h } from '../dom';
import { formatCount } from './numbers';
import { dateVi, periodTitle, type Period } from './period';
import { REPORT_NUMBERS, type ReportNumber, type ReportRow, type Statistics } from './stats';
import { downloadAddress } from './stats-api';

/** Procedure rows on one printed page. */
export const ROWS_PER_PAGE = 40;

/** The number columns, left to right, as the header below groups them. */
const COLUMNS: readonly ReportNumber[] = REPORT_NUMBERS;

type Span = { text: string; cols?: number; rows?: number; className?: string };

function th(s: Span): HTMLElement {
  const attrs: Record<string, string> = { scope: 'col' };
  if (s.cols !== undefined) attrs['colspan'] = String(s.cols);
  if (s.rows !== undefined) attrs['rowspan'] = String(s.rows);
  return h('th', { className: s.className ?? '', attrs }, s.text);
}

function head(): HTMLElement {
  const rows: Span[][] = [
    [
      { text: 'STT', rows: 3, className: 'col-no' },
      { text: 'Thủ tục hành chính', rows: 3, className: 'col-name' },
      { text: 'Tổng số hồ sơ cần giải quyết', cols: 4 },
      { text: 'Số hồ sơ đã giải quyết', cols: 4 },
      { text: 'Số hồ sơ đang giải quyết', cols: 3 },
      { text: 'Chờ bổ sung', rows: 3 },
      { text: 'Rút hồ sơ / trả lại', cols: 3 },
      { text: 'Trực tuyến tiếp nhận muộn', rows: 3 },
      { text: 'Yêu cầu bổ sung quá hạn', rows: 3 },
    ],
    [
      { text: 'Tổng số', rows: 2 },
      { text: 'Số mới tiếp nhận', cols: 2 },
      { text: 'Từ kỳ trước chuyển qua', rows: 2 },
      { text: 'Tổng số', rows: 2 },
      { text: 'Trước hạn', rows: 2 },
      { text: 'Đúng hạn', rows: 2 },
      { text: 'Quá hạn', rows: 2 },
      { text: 'Tổng số', rows: 2 },
      { text: 'Trong hạn', rows: 2 },
      { text: 'Quá hạn', rows: 2 },
      { text: 'Tổng số', rows: 2 },
      { text: 'Rút hồ sơ', rows: 2 },
      { text: 'Trả lại', rows: 2 },
    ],
    [{ text: 'Trực tuyến' }, { text: 'Trực tiếp, bưu chính' }],
  ];
  // The columns' numbers (1)…(19), as printed reports number them for reference.
  const numbers = h('tr', { className: 'col-numbers' }, ...Array.from({ length: COLUMNS.length + 2 }, (_, i) => h('th', { attrs: { scope: 'col' } }, `(${i + 1})`)));
  return h('thead', {}, ...rows.map((r) => h('tr', {}, ...r.map(th))), numbers);
}

function line(row: ReportRow, index: number | null): HTMLElement {
  const total = index === null;
  const name = total ? 'Tổng cộng' : row.procedure_name !== '' ? row.procedure_name : row.procedure_code !== '' ? row.procedure_code : 'Thủ tục không còn trong danh mục';
  return h(
    'tr',
    { className: total ? 'report-total' : '', attrs: { 'data-procedure': total ? 'total' : row.procedure_code } },
    h('td', { className: 'col-no' }, total ? '' : String(index + 1)),
    h(
      total ? 'th' : 'td',
      { className: 'col-name', ...(total ? { attrs: { scope: 'row' } } : {}) },
      name,
      !total && row.procedure_code !== '' && row.procedure_name !== '' && h('span', { className: 'cell-note' }, row.procedure_code),
    ),
    // Zeros muted: the eye goes to the cells that hold something.
    ...COLUMNS.map((key) => h('td', { className: row[key] === 0 ? 'num zero' : 'num', attrs: { 'data-column': key } }, formatCount(row[key]))),
  );
}

/** GET /v1/book for the period: Mẫu 06, as a printable page or a CSV download. */
function bookAddress(period: Period, format: 'html' | 'csv'): string {
  return `/v1/book?${new URLSearchParams({ from: period.from, to: period.to, format }).toString()}`;
}

export function renderReport(stats: Statistics, period: Period, bookReadable: boolean): HTMLElement {
  const rows = stats.report.rows;
  // One tbody per printed page: the print sheet breaks before each after the first.
  const pages: HTMLElement[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_PAGE) {
    pages.push(h('tbody', { className: 'report-page' }, ...rows.slice(start, start + ROWS_PER_PAGE).map((r, i) => line(r, start + i))));
  }
  const table = h(
    'table',
    { className: 'report-table', attrs: { id: 'report-table', 'aria-labelledby': 'report-title' } },
    head(),
    ...pages,
    h('tbody', { className: 'report-sum' }, line(stats.report.total, null)),
  );

  const print = h('button', { className: 'button primary', attrs: { type: 'button' } }, 'In báo cáo');
  print.addEventListener('click', () => window.print());
  const csv = h('a', { className: 'button secondary', attrs: { href: downloadAddress(period, 'csv'), download: `bao-cao-${period.from}-${period.to}.csv` } }, 'Tải CSV');
  const xlsx = h('a', { className: 'button secondary', attrs: { href: downloadAddress(period, 'xlsx'), download: `bao-cao-${period.from}-${period.to}.xlsx` } }, 'Tải Excel (.xlsx)');

  return h(
    'div',
    { className: 'report' },
    h(
      'div',
      { className: 'report-actions no-print' },
      print,
      csv,
      xlsx,
      // The one-stop's tracking book of the same days, numbered through the year.
      bookReadable && h('a', { className: 'button secondary', attrs: { href: bookAddress(period, 'html'), target: '_blank', rel: 'noopener' } }, 'In sổ theo dõi hồ sơ (Mẫu 06)'),
      bookReadable && h('a', { className: 'button secondary', attrs: { href: bookAddress(period, 'csv'), download: `so-theo-doi-${period.from}-${period.to}.csv` } }, 'Tải sổ theo dõi (CSV)'),
    ),
    // Shown on paper only: whose report and for which period.
    h(
      'header',
      { className: 'print-heading' },
      h('p', { className: 'print-unit' }, stats.unit),
      h('p', { className: 'print-title' }, 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'),
      h('p', { className: 'print-period' }, `Kỳ báo cáo: ${periodTitle(period)} (từ ngày ${dateVi(stats.from)} đến ngày ${dateVi(stats.to)})`),
    ),
    rows.length === 0 && h('p', { className: 'dash-note' }, 'Không có hồ sơ nào trong kỳ.'),
    h('div', { className: 'table-wrap report-wrap' }, table),
  );
}

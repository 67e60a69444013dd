// "Kỳ báo cáo": month (this one by default), quarter, year, or a from–to range typed
// dd/mm/yyyy like the desk's filters (never the browser's date field, whose order
// follows its language). "Xem" applies it; a bad date is refused beside the button.

import { h, showMessage } from '../dom';
import { parseDate } from '../format';
import { monthPeriod, quarterPeriod, vietnamToday, yearPeriod, type Period, type PeriodKind } from './period';

const KINDS: Record<PeriodKind, string> = { month: 'Tháng', quarter: 'Quý', year: 'Năm', range: 'Từ ngày … đến ngày' };

function select(id: string, label: string, options: [string, string][], value: string): { field: HTMLElement; input: HTMLSelectElement } {
  const input = h('select', { attrs: { id, name: id } }, ...options.map(([v, text]) => h('option', { attrs: { value: v } }, text)));
  input.value = value;
  return { field: h('div', { className: 'period-field' }, h('label', { attrs: { for: id } }, label), input), input };
}

function textInput(id: string, label: string, value: string, size: string): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { attrs: { id, name: id, type: 'text', inputmode: 'numeric', autocomplete: 'off', size, value } });
  return { field: h('div', { className: 'period-field' }, h('label', { attrs: { for: id } }, label), input), input };
}

export interface PeriodPicker {
  element: HTMLElement;
  period: () => Period;
}

export function renderPeriodPicker(onPick: (period: Period) => void): PeriodPicker {
  const today = vietnamToday();
  const kind = select('period-kind', 'Kỳ báo cáo', Object.entries(KINDS) as [string, string][], 'month');
  const month = select(
    'period-month',
    'Tháng',
    Array.from({ length: 12 }, (_, i) => [String(i + 1), `Tháng ${i + 1}`] as [string, string]),
    String(today.month),
  );
  const quarter = select('period-quarter', 'Quý', [['1', 'Quý I'], ['2', 'Quý II'], ['3', 'Quý III'], ['4', 'Quý IV']], String(Math.ceil(today.month / 3)));
  const year = textInput('period-year', 'Năm', String(today.year), '5');
  const from = textInput('period-from', 'Từ ngày (dd/mm/yyyy)', '', '11');
  const to = textInput('period-to', 'Đến ngày (dd/mm/yyyy)', '', '11');
  const apply = h('button', { className: 'button primary', attrs: { type: 'submit' } }, 'Xem');
  const error = h('p', { className: 'form-error period-error', attrs: { role: 'alert', id: 'period-error' } });
  showMessage(error, '');

  let current = monthPeriod(today.year, today.month);

  function showFields(): void {
    const k = kind.input.value as PeriodKind;
    month.field.hidden = k !== 'month';
    quarter.field.hidden = k !== 'quarter';
    year.field.hidden = k === 'range';
    from.field.hidden = k !== 'range';
    to.field.hidden = k !== 'range';
  }
  kind.input.addEventListener('change', showFields);
  showFields();

  /** The period typed, or a sentence saying what is wrong with it. */
  function read(): Period | string {
    const k = kind.input.value as PeriodKind;
    if (k === 'range') {
      const a = parseDate(from.input.value);
      const b = parseDate(to.input.value);
      if (a === '') return 'Nhập “Từ ngày” dạng ngày/tháng/năm, ví dụ 01/03/2025.';
      if (b === '') return 'Nhập “Đến ngày” dạng ngày/tháng/năm, ví dụ 31/03/2025.';
      if (b < a) return '“Đến ngày” phải sau “Từ ngày”.';
      return { kind: 'range', from: a, to: b };
    }
    const y = Number(year.input.value.trim());
    if (!/^\d{4}$/.test(year.input.value.trim()) || y < 2000 || y > 2100) return 'Nhập năm gồm 4 chữ số, ví dụ 2025.';
    if (k === 'quarter') return quarterPeriod(y, Number(quarter.input.value));
    if (k === 'year') return yearPeriod(y);
    return monthPeriod(y, Number(month.input.value));
  }

  const form = h(
    'form',
    { className: 'period-picker', attrs: { 'aria-label': 'Chọn kỳ báo cáo', novalidate: '' } },
    kind.field,
    month.field,
    quarter.field,
    year.field,
    from.field,
    to.field,
    apply,
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = read();
    if (typeof picked === 'string') {
      showMessage(error, picked);
      return;
    }
    showMessage(error, '');
    current = picked;
    onPick(picked);
  });
  return { element: form, period: () => current };
}

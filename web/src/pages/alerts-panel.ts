// "Cảnh báo" in the desk's header: how many deadline alerts are open, and under it
// the list, most urgent first (overdue before apology-due, then the earliest
// moment), each opening its dossier. Live (src/alerts.ts): a new alert changes the
// count and the list without a reload, and is announced to screen readers.

import { watchAlerts, type AlertFeedUpdate } from '../alerts';
import type { Alert } from '../contract';
import { h, replace, setText } from '../dom';
import { formatDateTime } from '../format';

const KIND: Record<Alert['kind'], { label: string; moment: string }> = {
  ALERT_KIND_OVERDUE: { label: 'Quá hạn', moment: 'Hạn trả' },
  ALERT_KIND_APOLOGY_DUE: { label: 'Cần xin lỗi, hẹn lại', moment: 'Hạn gửi thư xin lỗi' },
};

export interface AlertsPanel {
  /** The header's button and its drop-down list. */
  element: HTMLElement;
  /** Stops listening (sign-out). */
  stop: () => void;
}

function item(a: Alert, onOpen: (code: string) => void): HTMLLIElement {
  const kind = KIND[a.kind];
  const open = h('button', { className: 'link-button', attrs: { type: 'button', 'aria-label': `Mở hồ sơ ${a.dossier_code}: ${kind.label}` } }, a.dossier_code);
  open.addEventListener('click', () => onOpen(a.dossier_code));
  const appointment = formatDateTime(a.appointment_at);
  return h(
    'li',
    { className: `alert-item ${a.kind === 'ALERT_KIND_OVERDUE' ? 'alert-overdue' : 'alert-apology'}`, attrs: { 'data-code': a.dossier_code, 'data-kind': a.kind } },
    h('span', { className: 'alert-kind' }, a.kind === 'ALERT_KIND_OVERDUE' ? '✗ ' : '⚠ ', kind.label),
    open,
    h('span', { className: 'cell-note' }, `${kind.moment}: ${formatDateTime(a.moment)}`),
    a.kind === 'ALERT_KIND_APOLOGY_DUE' && appointment !== '' && h('span', { className: 'cell-note' }, `Hẹn trả: ${appointment}`),
  );
}

/** `onChange`: the open alerts changed after the first load (a list on screen may be stale). */
export function renderAlertsPanel(onOpen: (code: string) => void, onChange: () => void = () => {}): AlertsPanel {
  let known: string | null = null;
  const count = h('span', { className: 'alerts-count', attrs: { 'aria-hidden': 'true' } }, '…');
  const toggle = h(
    'button',
    { className: 'alerts-toggle', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'alerts-list', 'aria-label': 'Cảnh báo: đang tải' } },
    h('span', {}, 'Cảnh báo'),
    count,
  );
  const note = h('p', { className: 'cell-note alerts-note' });
  const list = h('ol', { className: 'alerts-items' });
  const empty = h('p', { className: 'alerts-empty' }, 'Không có cảnh báo nào đang mở.');
  const panel = h(
    'div',
    { className: 'alerts-list', attrs: { id: 'alerts-list', role: 'region', 'aria-label': 'Cảnh báo thời hạn', hidden: '' } },
    h('p', { className: 'alerts-title' }, 'Cảnh báo thời hạn'),
    list,
    empty,
    note,
  );
  // Spoken when an alert arrives; the visible count changes with it.
  const announce = h('p', { className: 'visually-hidden', attrs: { role: 'status' } });
  const element = h('div', { className: 'alerts' }, toggle, panel, announce);

  function setOpen(open: boolean, focus = false): void {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (!open && focus) toggle.focus();
    if (open) list.querySelector<HTMLElement>('button')?.focus();
  }

  function paint(update: AlertFeedUpdate): void {
    if (!element.isConnected && feed !== null) {
      // The desk is gone (the session ended): stop listening.
      feed.stop();
      return;
    }
    const n = update.alerts.length;
    const ids = update.alerts.map((a) => a.id).join(',');
    if (known !== null && ids !== known) onChange();
    if (!update.failed) known = ids;
    const overdue = update.alerts.filter((a) => a.kind === 'ALERT_KIND_OVERDUE').length;
    setText(count, String(n));
    element.dataset['count'] = String(n);
    element.dataset['source'] = update.source; // 'stream' unless the server refused it
    toggle.classList.toggle('has-overdue', overdue > 0);
    toggle.classList.toggle('has-alerts', n > 0);
    toggle.setAttribute('aria-label', n === 0 ? 'Cảnh báo: không có' : `Cảnh báo: ${n} đang mở${overdue > 0 ? `, ${overdue} quá hạn` : ''}`);
    replace(
      list,
      ...update.alerts.map((a) =>
        item(a, (code) => {
          setOpen(false);
          onOpen(code);
        }),
      ),
    );
    empty.hidden = n > 0;
    setText(note, update.failed ? 'Không tải được danh sách cảnh báo; sẽ thử lại.' : update.source === 'polling' ? 'Danh sách tự cập nhật mỗi 10 giây.' : '');
    if (update.fresh.length > 0) {
      const first = update.fresh[0] as Alert;
      setText(announce, update.fresh.length === 1 ? `Cảnh báo mới: hồ sơ ${first.dossier_code} ${KIND[first.kind].label.toLowerCase()}.` : `${update.fresh.length} cảnh báo mới.`);
    }
  }

  toggle.addEventListener('click', () => setOpen(panel.hidden));
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  // A click elsewhere closes the list.
  document.addEventListener('click', (event) => {
    if (!panel.hidden && !element.contains(event.target as Node)) setOpen(false);
  });

  let feed: { stop: () => void } | null = null;
  feed = watchAlerts(paint);
  return { element, stop: () => feed?.stop() };
}

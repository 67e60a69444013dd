// The open deadline alerts, kept current: GET /v1/alerts?open=1 once, then the
// server's event stream GET /v1/alerts/stream (EventSource, the session cookie
// authenticating it; one `data:` line of Alert JSON per event,
// adapters/http/alert_stream_session.cc), which pushes each alert as it is raised.
// An alert stops being open when its dossier finishes or is apologised for, which
// the stream does not push: the list is asked again after each pushed alert and
// every minute. Where the stream is refused or unavailable, the list is asked
// every 10 seconds instead.

import { request } from './api';
import { decodeAlert, decodeAlertList, type Alert } from './contract';

/** How often the list is asked again with the stream up (to drop handled alerts). */
const REFRESH_MS = 60_000;
/** How often it is asked without the stream. */
const POLL_MS = 10_000;
/** A burst of pushed alerts (a clock jump raises many) makes one request. */
const SETTLE_MS = 500;

export type AlertSource = 'stream' | 'polling';

export interface AlertFeedUpdate {
  /** Open alerts, most urgent first (see `byUrgency`). */
  alerts: Alert[];
  /** Alerts pushed since the last update (for the spoken announcement). */
  fresh: Alert[];
  source: AlertSource;
  /** The last request failed: the list may be stale. */
  failed: boolean;
}

/** Overdue before apology-due; then the earliest moment first; then by id. */
export function byUrgency(a: Alert, b: Alert): number {
  const rank = (x: Alert): number => (x.kind === 'ALERT_KIND_OVERDUE' ? 0 : 1);
  return rank(a) - rank(b) || Date.parse(a.moment) - Date.parse(b.moment) || Number(a.id) - Number(b.id);
}

async function openAlerts(): Promise<Alert[]> {
  const reply = await request('GET', '/v1/alerts', { query: { open: 1, limit: 1000 } });
  return decodeAlertList(reply).alerts;
}

/** Starts watching; `stop` closes the stream and the timers (on sign-out). */
export function watchAlerts(onUpdate: (update: AlertFeedUpdate) => void): { stop: () => void } {
  let alerts = new Map<string, Alert>();
  let fresh: Alert[] = [];
  let source: AlertSource = typeof EventSource === 'function' ? 'stream' : 'polling';
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;

  const emit = (failed: boolean): void => {
    if (stopped) return;
    onUpdate({ alerts: [...alerts.values()].sort(byUrgency), fresh, source, failed });
    fresh = [];
  };

  let asking = 0;
  async function refresh(): Promise<void> {
    const mine = ++asking;
    clearTimeout(timer);
    try {
      const list = await openAlerts();
      if (mine !== asking || stopped) return;
      alerts = new Map(list.map((a) => [a.id, a]));
      emit(false);
    } catch {
      if (mine === asking) emit(true);
    } finally {
      if (mine === asking && !stopped) timer = setTimeout(() => void refresh(), source === 'stream' ? REFRESH_MS : POLL_MS);
    }
  }

  let stream: EventSource | null = null;
  if (source === 'stream') {
    stream = new EventSource('/v1/alerts/stream');
    // Connected (or reconnected): what was raised meanwhile is in the list.
    stream.addEventListener('open', () => void refresh());
    stream.addEventListener('message', (event: MessageEvent<string>) => {
      let alert: Alert | null = null;
      try {
        alert = decodeAlert(JSON.parse(event.data));
      } catch {
        return; // not an alert this page reads: the next refresh has the truth
      }
      if (alert === null || alerts.has(alert.id)) return;
      alerts.set(alert.id, alert); // at once, before the server confirms it is still open
      fresh.push(alert);
      emit(false);
      clearTimeout(settle);
      settle = setTimeout(() => void refresh(), SETTLE_MS);
    });
    stream.addEventListener('error', () => {
      // CONNECTING: the browser retries by itself (the server says after 2 s).
      // CLOSED: refused (401, 403, 404): the stream will not come; ask by polling.
      if (stream?.readyState === EventSource.CLOSED && !stopped) {
        source = 'polling';
        stream = null;
        void refresh();
      }
    });
  }
  void refresh();

  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(settle);
      stream?.close();
    },
  };
}

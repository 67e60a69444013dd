// The signed-in desk: the header bar (officer, unit, the open alerts, "Đăng xuất";
// for a reception officer the tabs "Danh sách hồ sơ" / "Tiếp nhận hồ sơ"), the
// search by dossier code, and below them the dossier list with the officer's
// queues, one dossier's detail, or the intake form.
//
// The open dossier is in the address (#ho-so/<code>), and so are the queue
// (#hang-doi/<queue>), the intake form (#tiep-nhan) and the leader's dashboard
// (#bang-dieu-hanh): the browser's Back button returns to the list and a reload
// reopens the same screen. The dashboard's code is loaded only when first shown.

import type { Role, SessionInfo } from '../contract';
import { h, replace, setText } from '../dom';
import { getDossier } from '../dossiers';
import { describeError } from '../errors';
import { ROLE_LABELS } from '../labels';
import { messages } from '../messages';
import { loadOfficers } from '../officers';
import { QUEUE_SLUGS, queueOfSlug, queuesFor, type Queue } from '../queues';
import { signOut } from '../session';
import { renderAlertsPanel } from './alerts-panel';
import type { ActionDone } from './dossier-actions';
import { renderDossierDetail } from './dossier-detail';
import { renderDossierList } from './dossier-list';
import { forgetIntake, renderIntake, type IntakeView } from './intake';
import type { DashboardView } from '../dashboard/dashboard';

export interface DeskOptions {
  session: SessionInfo;
  onSignedOut: () => void;
}

const ROUTE = '#ho-so/';
const INTAKE = '#tiep-nhan';
const QUEUE = '#hang-doi/';
const DASHBOARD = '#bang-dieu-hanh';

/** Who sees "Bảng điều hành" (GET /v1/stats is theirs: access_policy.cc). */
const DASHBOARD_ROLES: readonly Role[] = ['ROLE_LEADER', 'ROLE_STATISTICS', 'ROLE_ADMIN'];
/** Who may read the tracking book (GET /v1/book): the officers, not statistics or admin. */
const BOOK_ROLES: readonly Role[] = ['ROLE_RECEPTION', 'ROLE_SPECIALIST', 'ROLE_LEADER'];

type View = 'list' | 'detail' | 'intake' | 'dashboard';

/** Who is told of deadline alerts (access_policy.cc, MayReadAlerts). */
const ALERTED: readonly Role[] = ['ROLE_RECEPTION', 'ROLE_SPECIALIST', 'ROLE_LEADER', 'ROLE_ADMIN'];

function codeInAddress(): string {
  if (!location.hash.startsWith(ROUTE)) return '';
  try {
    return decodeURIComponent(location.hash.slice(ROUTE.length));
  } catch {
    return '';
  }
}

function address(code: string): string {
  return code === '' ? location.pathname + location.search : ROUTE + encodeURIComponent(code);
}

/** The queue's address; the first queue is the plain desk. */
function queueAddress(queues: readonly Queue[], queue: Queue): string {
  return queue === queues[0] ? address('') : QUEUE + QUEUE_SLUGS[queue.id];
}

function queueInAddress(queues: readonly Queue[]): Queue | null {
  return location.hash.startsWith(QUEUE) ? queueOfSlug(queues, location.hash.slice(QUEUE.length)) : null;
}

export function renderDesk({ session, onSignedOut }: DeskOptions): HTMLElement {
  const roles = session.roles.map((r) => ROLE_LABELS[r]).join(', ');
  const signOutButton = h('button', { className: 'button secondary on-dark', attrs: { type: 'button' } }, 'Đăng xuất');
  const canReceive = session.roles.includes('ROLE_RECEPTION');
  const canDashboard = session.roles.some((r) => DASHBOARD_ROLES.includes(r));

  // Reception officers switch between the list and the intake form, leaders between the
  // list and the dashboard; no one else has tabs.
  const listTab = h('button', { className: 'tab', attrs: { type: 'button', 'data-view': 'list' } }, 'Danh sách hồ sơ');
  const intakeTab = h('button', { className: 'tab', attrs: { type: 'button', 'data-view': 'intake' } }, 'Tiếp nhận hồ sơ');
  const dashboardTab = h('button', { className: 'tab', attrs: { type: 'button', 'data-view': 'dashboard' } }, 'Bảng điều hành');
  const tabs =
    (canReceive || canDashboard) &&
    h('nav', { className: 'tabs', attrs: { 'aria-label': 'Chức năng' } }, listTab, canReceive && intakeTab, canDashboard && dashboardTab);
  const error = h('p', { className: 'form-error desk-error', attrs: { role: 'alert' } });
  const alerts = session.roles.some((r) => ALERTED.includes(r))
    ? renderAlertsPanel(
        (code) => void open(code, 'push'),
        // A dossier fell due: the list's time left and order are stale.
        () => {
          if (main.dataset['view'] === 'list') list.reload();
        },
      )
    : null;

  const header = h(
    'header',
    { className: 'topbar' },
    h('p', { className: 'topbar-brand' }, 'Bộ phận Một cửa'),
    tabs,
    h(
      'div',
      { className: 'officer', attrs: { 'aria-label': 'Cán bộ đang đăng nhập' } },
      h('span', { className: 'officer-name' }, session.display_name !== '' ? session.display_name : session.user),
      h('span', { className: 'officer-unit' }, [session.unit, roles].filter((s) => s !== '').join(' · ')),
    ),
    alerts?.element,
    signOutButton,
  );

  // Search by code.
  const codeInput = h('input', {
    attrs: {
      id: 'search-code',
      name: 'code',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'none',
      placeholder: 'Ví dụ: 000.00.07.H06-261207-0001',
      'aria-describedby': 'search-error',
    },
  });
  const searchButton = h('button', { className: 'button primary', attrs: { type: 'submit' } }, 'Tìm');
  const searchError = h('p', { className: 'form-error search-error', attrs: { role: 'alert', id: 'search-error' } });
  const search = h(
    'form',
    { className: 'code-search', attrs: { role: 'search', 'aria-label': 'Tìm hồ sơ theo mã' } },
    h('label', { attrs: { for: 'search-code' } }, 'Tìm theo mã hồ sơ'),
    codeInput,
    searchButton,
    searchError,
  );

  const queues = queuesFor(session);
  const list = renderDossierList({
    session,
    queues,
    onOpen: (code) => void open(code, 'push'),
    onQueue: (queue) => history.pushState(null, '', queueAddress(queues, queue)),
  });
  const detailSlot = h('div', { className: 'detail-slot', attrs: { hidden: '' } });
  const main = h('main', { className: 'desk', attrs: { id: 'main', 'data-view': 'list' } }, error, search, list.section, detailSlot);
  const page = h('div', { className: 'desk-page' }, header, main);

  // Made when first shown, then kept: switching tabs loses nothing typed.
  let intake: IntakeView | null = null;
  let dashboard: DashboardView | null = null;
  let dashboardLoading: Promise<DashboardView> | null = null;

  function setView(view: View): void {
    main.dataset['view'] = view;
    search.hidden = view === 'intake' || view === 'dashboard';
    list.section.hidden = view !== 'list';
    detailSlot.hidden = view !== 'detail';
    if (intake !== null) intake.section.hidden = view !== 'intake';
    if (dashboard !== null) dashboard.section.hidden = view !== 'dashboard';
    // The list's tab stands for the list and a dossier's detail.
    const current = view === 'detail' ? 'list' : view;
    for (const tab of [listTab, intakeTab, dashboardTab]) {
      if (tab.dataset['view'] === current) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
  }

  /** The dashboard's module, fetched the first time it is shown (its own chunk). */
  function loadDashboard(): Promise<DashboardView> {
    if (dashboardLoading === null) {
      dashboardLoading = import('../dashboard/dashboard').then(({ renderDashboard }) => {
        const view = renderDashboard({ onOpen: (code) => void open(code, 'push'), bookReadable: session.roles.some((r) => BOOK_ROLES.includes(r)) });
        dashboard = view;
        main.append(view.section);
        return view;
      });
      dashboardLoading.catch(() => {
        dashboardLoading = null; // a lost chunk (offline): try again next time
      });
    }
    return dashboardLoading;
  }

  function showDashboard(focus: boolean): void {
    const mine = ++generation; // a dossier still loading must not paint over it
    idleSearch();
    setText(error, '');
    replace(detailSlot);
    const again = dashboard !== null;
    loadDashboard().then(
      (view) => {
        if (mine !== generation || !page.isConnected) return;
        setView('dashboard');
        document.title = 'Bảng điều hành — Bộ phận Một cửa';
        if (again) view.refresh();
        if (focus) view.focus();
      },
      (failure: unknown) => {
        if (mine === generation) setText(error, describeError(failure));
      },
    );
  }

  function showIntake(focus: boolean): void {
    generation++; // a dossier still loading must not paint over the form
    idleSearch();
    replace(detailSlot);
    if (intake === null) {
      intake = renderIntake(session, (code) => void open(code, 'push'));
      main.append(intake.section);
    }
    setView('intake');
    document.title = 'Tiếp nhận hồ sơ — Bộ phận Một cửa';
    if (focus) intake.focus();
  }

  function showList(focus: boolean): void {
    replace(detailSlot);
    setView('list');
    document.title = 'Hồ sơ — Bộ phận Một cửa';
    const queue = queueInAddress(queues) ?? (queues[0] as Queue);
    if (queue !== list.queue()) list.show(queue);
    else list.reload(); // the dossier may have moved on meanwhile
    if (focus) list.section.querySelector<HTMLElement>('#dossiers-title')?.focus();
  }

  function back(): void {
    // Opened from here: step back in the browser's history, like its Back button.
    if (history.state === 'desk-detail') history.back();
    else if (returnTo === 'dashboard' && canDashboard) {
      history.replaceState(null, '', DASHBOARD);
      showDashboard(true);
    } else {
      history.replaceState(null, '', queueAddress(queues, list.queue()));
      showList(true);
    }
  }

  // Only the newest request may paint.
  let generation = 0;
  /** Where the open dossier was opened from: its "back" returns there. */
  let returnTo: 'list' | 'dashboard' = 'list';
  async function open(code: string, how: 'push' | 'replace' | 'none', notice: ActionDone | null = null): Promise<void> {
    const mine = ++generation;
    if (how === 'push' && main.dataset['view'] !== 'detail') returnTo = main.dataset['view'] === 'dashboard' ? 'dashboard' : 'list';
    setText(searchError, '');
    searchButton.disabled = true;
    setText(searchButton, 'Đang tìm…');
    main.setAttribute('aria-busy', 'true');
    try {
      // The officers only lend their names: the dossier shows without them.
      const [detail, officers] = await Promise.all([getDossier(code), loadOfficers().catch(() => [])]);
      if (mine !== generation || !page.isConnected) return;
      replace(detailSlot, renderDossierDetail({ detail, session, officers, notice, onBack: back, backLabel: returnTo === 'dashboard' ? 'Quay lại bảng điều hành' : 'Quay lại danh sách', onReload: (done) => void open(code, 'none', done ?? null) }));
      setView('detail');
      codeInput.value = '';
      if (how === 'push' && codeInAddress() !== code) history.pushState('desk-detail', '', address(code));
      if (how === 'replace') history.replaceState(history.state, '', address(code));
      detailSlot.querySelector<HTMLElement>('#detail-title')?.focus();
    } catch (failure) {
      if (mine !== generation) return;
      setText(searchError, describeError(failure));
      if (how !== 'none') codeInput.focus(); // to correct the code and try again
      if (how === 'none' && main.dataset['view'] !== 'detail') history.replaceState(null, '', queueAddress(queues, list.queue()));
    } finally {
      if (mine === generation) idleSearch();
    }
  }

  function idleSearch(): void {
    searchButton.disabled = false;
    setText(searchButton, 'Tìm');
    main.removeAttribute('aria-busy');
  }

  search.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = codeInput.value.trim();
    if (code === '') {
      setText(searchError, messages.missingCode);
      codeInput.focus();
      return;
    }
    void open(code, 'push');
  });

  // Back and forward in the browser.
  function onPopState(): void {
    if (!page.isConnected) {
      window.removeEventListener('popstate', onPopState);
      return;
    }
    const code = codeInAddress();
    if (location.hash === INTAKE && !canReceive) history.replaceState(null, '', address(''));
    if (location.hash === DASHBOARD && !canDashboard) history.replaceState(null, '', address(''));
    if (location.hash === INTAKE) showIntake(true);
    else if (location.hash === DASHBOARD) showDashboard(true);
    else if (code === '') {
      generation++;
      idleSearch();
      setText(searchError, '');
      if (main.dataset['view'] !== 'list' || (queueInAddress(queues) ?? queues[0]) !== list.queue()) showList(true);
    } else {
      void open(code, 'none');
    }
  }
  window.addEventListener('popstate', onPopState);

  signOutButton.addEventListener('click', () => {
    if (signOutButton.disabled) return;
    signOutButton.disabled = true;
    setText(signOutButton, 'Đang đăng xuất…');
    setText(error, '');
    signOut().then(
      () => {
        alerts?.stop();
        forgetIntake(session.user); // a citizen's personal data stays with the officer
        window.removeEventListener('popstate', onPopState);
        history.replaceState(null, '', address(''));
        onSignedOut();
      },
      (failure: unknown) => {
        signOutButton.disabled = false;
        setText(signOutButton, 'Đăng xuất');
        setText(error, describeError(failure));
      },
    );
  });

  listTab.addEventListener('click', () => {
    if (main.dataset['view'] === 'list') return;
    history.pushState(null, '', queueAddress(queues, list.queue()));
    showList(true);
  });
  dashboardTab.addEventListener('click', () => {
    if (main.dataset['view'] === 'dashboard') {
      dashboard?.focus();
      return;
    }
    history.pushState('desk-dashboard', '', DASHBOARD);
    showDashboard(true);
  });
  intakeTab.addEventListener('click', () => {
    if (main.dataset['view'] === 'intake') {
      intake?.focus();
      return;
    }
    history.pushState('desk-intake', '', INTAKE);
    showIntake(true);
  });

  // A reload while a dossier (or the intake form) was open: open it again.
  // (Its history entry is now this page's own: "back" simply shows the list.)
  const initial = codeInAddress();
  if (location.hash === INTAKE) {
    if (canReceive) {
      showIntake(false);
      queueMicrotask(() => intake?.focus()); // after the app's own focus on the list
    } else history.replaceState(null, '', address(''));
  } else if (location.hash === DASHBOARD) {
    if (canDashboard) showDashboard(true);
    else history.replaceState(null, '', address(''));
  } else if (initial !== '') {
    history.replaceState(null, '', address(initial));
    queueMicrotask(() => void open(initial, 'none'));
  }
  // The list loads in any case: Back from a reopened dossier finds it ready.
  list.show(queueInAddress(queues) ?? (queues[0] as Queue));
  setView(main.dataset['view'] === 'intake' ? 'intake' : 'list');
  return page;
}

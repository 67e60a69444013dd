// The signed-in desk: the header bar (officer, unit, "Đăng xuất"), the search by
// dossier code, and below them either the dossier list or one dossier's detail.
//
// The open dossier is in the address (#ho-so/<code>), so the browser's Back
// button returns to the list and a reload reopens the same dossier.

import type { SessionInfo } from '../contract';
import { h, replace, setText } from '../dom';
import { getDossier } from '../dossiers';
import { describeError } from '../errors';
import { ROLE_LABELS } from '../labels';
import { messages } from '../messages';
import { signOut } from '../session';
import { renderDossierDetail } from './dossier-detail';
import { renderDossierList } from './dossier-list';

export interface DeskOptions {
  session: SessionInfo;
  onSignedOut: () => void;
}

const ROUTE = '#ho-so/';

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

export function renderDesk({ session, onSignedOut }: DeskOptions): HTMLElement {
  const roles = session.roles.map((r) => ROLE_LABELS[r]).join(', ');
  const signOutButton = h('button', { className: 'button secondary on-dark', attrs: { type: 'button' } }, 'Đăng xuất');
  const error = h('p', { className: 'form-error desk-error', attrs: { role: 'alert' } });

  const header = h(
    'header',
    { className: 'topbar' },
    h('p', { className: 'topbar-brand' }, 'Bộ phận Một cửa'),
    h(
      'div',
      { className: 'officer', attrs: { 'aria-label': 'Cán bộ đang đăng nhập' } },
      h('span', { className: 'officer-name' }, session.display_name !== '' ? session.display_name : session.user),
      h('span', { className: 'officer-unit' }, [session.unit, roles].filter((s) => s !== '').join(' · ')),
    ),
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

  const list = renderDossierList((code) => void open(code, 'push'));
  const detailSlot = h('div', { className: 'detail-slot', attrs: { hidden: '' } });
  const main = h('main', { className: 'desk', attrs: { id: 'main', 'data-view': 'list' } }, error, search, list.section, detailSlot);
  const page = h('div', { className: 'desk-page' }, header, main);

  function showList(focus: boolean): void {
    replace(detailSlot);
    detailSlot.hidden = true;
    list.section.hidden = false;
    main.dataset['view'] = 'list';
    list.reload(); // the dossier may have moved on meanwhile
    if (focus) list.section.querySelector<HTMLElement>('#dossiers-title')?.focus();
  }

  function back(): void {
    // Opened from here: step back in the browser's history, like its Back button.
    if (history.state === 'desk-detail') history.back();
    else {
      history.replaceState(null, '', address(''));
      showList(true);
    }
  }

  // Only the newest request may paint.
  let generation = 0;
  async function open(code: string, how: 'push' | 'replace' | 'none'): Promise<void> {
    const mine = ++generation;
    setText(searchError, '');
    searchButton.disabled = true;
    setText(searchButton, 'Đang tìm…');
    main.setAttribute('aria-busy', 'true');
    try {
      const detail = await getDossier(code);
      if (mine !== generation || !page.isConnected) return;
      replace(detailSlot, renderDossierDetail({ detail, session, onBack: back }));
      detailSlot.hidden = false;
      list.section.hidden = true;
      main.dataset['view'] = 'detail';
      codeInput.value = '';
      if (how === 'push' && codeInAddress() !== code) history.pushState('desk-detail', '', address(code));
      if (how === 'replace') history.replaceState(history.state, '', address(code));
      detailSlot.querySelector<HTMLElement>('#detail-title')?.focus();
    } catch (failure) {
      if (mine !== generation) return;
      setText(searchError, describeError(failure));
      if (how !== 'none') codeInput.focus(); // to correct the code and try again
      if (how === 'none' && main.dataset['view'] !== 'detail') history.replaceState(null, '', address(''));
    } finally {
      if (mine === generation) {
        searchButton.disabled = false;
        setText(searchButton, 'Tìm');
        main.removeAttribute('aria-busy');
      }
    }
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
    if (code === '') {
      generation++;
      setText(searchError, '');
      if (main.dataset['view'] !== 'list') showList(true);
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

  // A reload while a dossier was open: open it again.
  // (Its history entry is now this page's own: "back" simply shows the list.)
  const initial = codeInAddress();
  if (initial !== '') {
    history.replaceState(null, '', address(initial));
    queueMicrotask(() => void open(initial, 'none'));
  }
  return page;
}

// Which screen is showing: sign-in or the desk.

import { setUnauthorizedHandler } from './api';
import type { SessionInfo } from './contract';
import { replace } from './dom';
import { describeError } from './errors';
import { messages } from './messages';
import { renderDesk } from './pages/desk';
import { renderSignIn } from './pages/sign-in';
import { dropSession, restoreSession } from './session';

const TITLE = 'Bộ phận Một cửa';

export function startApp(root: HTMLElement): void {
  let screen: 'sign-in' | 'desk' | 'none' = 'none';

  function showSignIn(options: { notice?: string; error?: string } = {}): void {
    screen = 'sign-in';
    document.title = `Đăng nhập — ${TITLE}`;
    replace(root, renderSignIn({ ...options, onSignedIn: showDesk }));
  }

  function showDesk(session: SessionInfo): void {
    screen = 'desk';
    document.title = `Hồ sơ — ${TITLE}`; // the desk retitles itself for the intake form
    replace(root, renderDesk({ session, onSignedOut: () => showSignIn({ notice: messages.signedOut }) }));
    root.querySelector<HTMLElement>('#dossiers-title')?.focus(); // hidden (no focus) when the desk opens on the form
  }

  // The server ended the session (expiry, revocation, restart): back to sign-in, once.
  setUnauthorizedHandler(() => {
    dropSession();
    if (screen !== 'sign-in') showSignIn({ notice: messages.sessionEnded });
  });

  restoreSession().then(
    (session) => (session === null ? showSignIn() : showDesk(session)),
    (failure: unknown) => showSignIn({ error: describeError(failure) }),
  );
}

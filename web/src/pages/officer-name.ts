// An officer as the page names them: the display name ("Trần Văn Bình"), with the user
// name ("tuphap01") as its tooltip, since that is what the API, the logs and the
// sign-in carry. An officer the list does not know (or no list at all) reads as the
// user name.

import type { Officer, SessionInfo } from '../contract';
import { h } from '../dom';
import { displayName } from '../officers';

/** Makes the name for a user name; `officers` may be [] (the list could not be had). */
export type NameOf = (user: string) => HTMLElement;

export function namesOf(officers: readonly Officer[], session: SessionInfo): NameOf {
  // The signed-in officer is known even when the list is not.
  const me: Officer = { user: session.user, display_name: session.display_name, roles: session.roles, unit: session.unit };
  const all = [me, ...officers];
  return (user) => {
    const name = displayName(all, user);
    return h('span', { className: 'officer-ref', attrs: name === user ? {} : { title: user, 'data-user': user } }, name);
  };
}

// The lookup in the page's address: /tra-cuu#ma=CODE&k=SECRET, what the QR code on
// the receipt carries. A fragment, not a query: the browser never sends it, so the
// secret stays out of the server's and any proxy's logs. The page only reads it;
// it never writes a typed secret into the address (a counter PC's history).

export interface Wanted {
  code: string;
  secret: string;
}

/** The code and secret in `hash` ("#ma=…&k=…"); null unless both are there. */
export function wantedIn(hash: string): Wanted | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = normalizeCode(params.get('ma') ?? '');
  const secret = normalizeSecret(params.get('k') ?? '');
  return code !== '' && secret !== '' ? { code, secret } : null;
}

/** Codes are upper case ("000.00.07.H06-261207-0001"); spaces around are a slip of the finger. */
export function normalizeCode(typed: string): string {
  return typed.trim().toUpperCase();
}

/**
 * Secrets are upper-case letters and digits (no 0, 1, I, L, O), printed as one
 * word; typed in lower case or with spaces on a phone they are still the same.
 */
export function normalizeSecret(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

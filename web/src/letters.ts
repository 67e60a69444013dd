// The forms the server prints for a dossier (adapters/letters/), each an HTML page
// of its own that the officer prints with Ctrl+P: the receipt (Mẫu 01), the
// supplementation request (Mẫu 02), the refusal (Mẫu 03), the apology (Mẫu 04) and
// the process-control slip (Mẫu 05).
// The session cookie authenticates the new tab; nothing is built in the page.

export type LetterKind = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'slip';

export interface Letter {
  kind: LetterKind;
  /** The form's name in a sentence: "phiếu từ chối tiếp nhận (Mẫu 03)". */
  name: string;
  /** The button's words: "In " and the name. */
  label: string;
  url: string;
}

const NAMES: Record<LetterKind, string> = {
  receipt: 'giấy tiếp nhận (Mẫu 01)',
  'supplement-request': 'phiếu yêu cầu bổ sung (Mẫu 02)',
  refusal: 'phiếu từ chối tiếp nhận (Mẫu 03)',
  apology: 'thư xin lỗi, hẹn lại (Mẫu 04)',
  slip: 'phiếu kiểm soát (Mẫu 05)',
};

/** GET /v1/dossiers/{code}/{kind}?format=html, the code percent-encoded. */
export function letter(kind: LetterKind, code: string): Letter {
  const name = NAMES[kind];
  return { kind, name, label: `In ${name}`, url: `/v1/dossiers/${encodeURIComponent(code)}/${kind}?format=html` };
}

/** Opens the form in a new tab; false when the browser blocked it (the page then offers the button). */
export function openLetter(l: Letter): boolean {
  const tab = window.open(l.url, '_blank');
  if (tab === null) return false;
  tab.opener = null;
  return true;
}

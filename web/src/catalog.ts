// The procedure catalog (GET /v1/catalog) and the intake form's search in it:
// by code or by words of the name, with or without Vietnamese diacritics.

import { request } from './api';
import { decodeCatalog, type Procedure } from './contract';

let cached: Promise<Procedure[]> | null = null;

/** The catalog, asked once per page; a failure is forgotten so the next call asks again. */
export function loadCatalog(): Promise<Procedure[]> {
  if (cached === null) {
    cached = request('GET', '/v1/catalog').then(decodeCatalog);
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/**
 * Lower case without diacritics: "Thủ tục Đăng ký" -> "thu tuc dang ky".
 * NFD splits a letter from its marks, the marks go; đ is a letter of its own.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd');
}

function words(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter((w) => w !== '');
}

export interface Match {
  procedure: Procedure;
  /** Lower is better. */
  rank: number;
}

const index = new WeakMap<Procedure, string[]>();

function wordsOf(p: Procedure): string[] {
  let w = index.get(p);
  if (w === undefined) {
    w = words(`${p.code} ${p.name}`);
    index.set(p, w);
  }
  return w;
}

/**
 * The procedures every typed word begins a word of (code or name), best first:
 * the exact code, then codes that start so, then names holding the words in the
 * order typed, then the rest; receivable ones before the others; else catalog order.
 */
export function searchProcedures(all: readonly Procedure[], query: string): Procedure[] {
  const tokens = words(query);
  if (tokens.length === 0) return [];
  const typed = query.trim();
  const phrase = tokens.join(' ');
  const matches: (Match & { order: number })[] = [];
  all.forEach((procedure, order) => {
    const w = wordsOf(procedure);
    if (!tokens.every((t) => w.some((x) => x.startsWith(t)))) return;
    let rank = 3;
    if (procedure.code !== '' && procedure.code === typed) rank = 0;
    else if (procedure.code !== '' && procedure.code.startsWith(typed)) rank = 1;
    else if (w.join(' ').includes(phrase)) rank = 2;
    if (!procedure.receivable) rank += 10;
    matches.push({ procedure, rank, order });
  });
  matches.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return matches.map((m) => m.procedure);
}

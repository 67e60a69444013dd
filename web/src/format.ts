// Dates and times as the counter writes them: dd/mm/yyyy HH:mm, 24-hour,
// always in Vietnam time whatever the officer's computer is set to.

const VIETNAM = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of VIETNAM.formatToParts(instant)) out[part.type] = part.value;
  return out;
}

function parse(rfc3339: string): Date | null {
  if (rfc3339 === '') return null;
  const instant = new Date(rfc3339);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** "05/03/2025 14:30"; '' for an empty or unreadable instant. */
export function formatDateTime(rfc3339: string): string {
  const instant = parse(rfc3339);
  if (instant === null) return '';
  // vi-VN puts the time first ("14:30 05/03/2025"); assemble the order ourselves.
  const p = parts(instant);
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}`;
}

/** "10:30 ngày 09/12/2026", as a sentence (and the receipt) states an appointment; '' when unreadable. */
export function formatClockAndDate(rfc3339: string): string {
  const instant = parse(rfc3339);
  if (instant === null) return '';
  const p = parts(instant);
  return `${p['hour']}:${p['minute']} ngày ${p['day']}/${p['month']}/${p['year']}`;
}

/** "05/03/2025"; '' for an empty or unreadable instant. */
export function formatDate(rfc3339: string): string {
  const instant = parse(rfc3339);
  if (instant === null) return '';
  const p = parts(instant);
  return `${p['day']}/${p['month']}/${p['year']}`;
}

/** "15.000 đ": the dot groups thousands, as Vietnamese writes money. */
export function formatMoney(vnd: number): string {
  const digits = String(Math.abs(Math.trunc(vnd))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${vnd < 0 ? '-' : ''}${digits} đ`;
}

/**
 * A typed Vietnamese date "09/12/2026" (or "9/12/2026") as "2026-12-09"; '' when it is
 * not a real date. Fields take dates as text: a browser's own date field shows the
 * order of its language (mm/dd/yyyy on an English Windows), never reliably dd/mm/yyyy.
 */
export function parseDate(text: string): string {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (m === null) return '';
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return '';
  return d.toISOString().slice(0, 10);
}

/** A typed "11/12/2026 16:00" in Vietnam time (UTC+7 all year) as an RFC 3339 instant; '' when it is not one. */
export function parseDateTime(text: string): string {
  const m = /^\s*(\S+)\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (m === null) return '';
  const date = parseDate(m[1] ?? '');
  const [hour, minute] = [Number(m[2]), Number(m[3])];
  if (date === '' || hour > 23 || minute > 59) return '';
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`).toISOString();
}

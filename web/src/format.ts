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

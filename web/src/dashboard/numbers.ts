// Numbers as a Vietnamese report writes them: a comma before the decimals, a dot
// between thousands; percentages from the server's ratio, never from a recount.

const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1.234". */
export function formatCount(n: number): string {
  return INTEGER.format(n);
}

/** "93,5%" from 0.935. */
export function formatPercent(ratio: number): string {
  return `${ONE_DECIMAL.format(ratio * 100)}%`;
}

/** "90%" for a target (whole numbers as they are, else one decimal). */
export function formatTargetPercent(value: number): string {
  const percent = value * 100;
  return Number.isInteger(Math.round(percent * 1000) / 1000) ? `${Math.round(percent)}%` : `${ONE_DECIMAL.format(percent)}%`;
}

/** "3,2 điểm phần trăm" from a margin of 0.032 (sign dropped: the words say which way). */
export function formatPoints(margin: number): string {
  return `${ONE_DECIMAL.format(Math.abs(margin) * 100)} điểm phần trăm`;
}

/** A working day is 8 hours (the deadline arithmetic's, domain.md "The clock"). */
const WORKING_DAY_SECONDS = 8 * 3600;

/** "2 ngày 3 giờ làm việc", "5 giờ làm việc", "dưới 1 giờ làm việc". */
export function formatWorkingTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / WORKING_DAY_SECONDS);
  const hours = Math.floor((s % WORKING_DAY_SECONDS) / 3600);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ngày`);
  if (hours > 0) parts.push(`${hours} giờ`);
  return parts.length === 0 ? 'dưới 1 giờ làm việc' : `${parts.join(' ')} làm việc`;
}

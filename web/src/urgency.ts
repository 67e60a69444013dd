// Where an open dossier stands against the office's deadline, in the officer's
// words: a state badge that says it in text (never by colour alone) and the
// working time left ("còn 1 ngày 3 giờ làm việc", "quá hạn 2 giờ làm việc").
// The server computes both from its calendar (DossierSummary.urgency and
// working_seconds_left, engine/dossier/standing.h); the page only words them.

import type { Status, Urgency } from './contract';

/** A working day, as the deadline arithmetic counts it (domain.md, "The clock"): 8 hours. */
const WORKING_DAY_SECONDS = 8 * 3600;

const LABELS: Record<Exclude<Urgency, ''>, string> = {
  URGENCY_ON_TRACK: 'Đúng hạn',
  URGENCY_DUE_SOON: 'Sắp đến hạn',
  URGENCY_OVERDUE: 'Quá hạn',
  URGENCY_PAUSED: 'Tạm dừng chờ bổ sung',
};

/** A shape beside the words, so print-outs and colour-blind eyes read it too. */
const MARKS: Record<Exclude<Urgency, ''>, string> = {
  URGENCY_ON_TRACK: '✓',
  URGENCY_DUE_SOON: '⚠',
  URGENCY_OVERDUE: '✗',
  URGENCY_PAUSED: '‖',
};

/** The badge's words; a paused fee wait says what it waits for. '' for a closed dossier. */
export function urgencyLabel(urgency: Urgency, status: Status): string {
  if (urgency === '') return '';
  if (urgency === 'URGENCY_PAUSED' && status === 'STATUS_FEE_REQUESTED') return 'Tạm dừng chờ nộp phí';
  return LABELS[urgency];
}

export function urgencyMark(urgency: Urgency): string {
  return urgency === '' ? '' : MARKS[urgency];
}

/** "1 ngày 3 giờ", "2 giờ 15 phút", "45 phút", "dưới 1 phút": whole units, a day being 8 working hours. */
export function workingSpan(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  const days = Math.floor(s / WORKING_DAY_SECONDS);
  const hours = Math.floor((s % WORKING_DAY_SECONDS) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ngày`);
  if (hours > 0) parts.push(`${hours} giờ`);
  // Minutes matter only within the last day.
  if (days === 0 && minutes > 0) parts.push(`${minutes} phút`);
  return parts.length === 0 ? 'dưới 1 phút' : parts.join(' ');
}

/** "còn 1 ngày 3 giờ làm việc", "quá hạn 2 giờ làm việc"; a paused dossier's time is frozen. '' when unknown. */
export function timeLeftText(urgency: Urgency, seconds: number | null): string {
  if (urgency === '' || seconds === null) return '';
  if (urgency === 'URGENCY_OVERDUE' || seconds < 0) return `quá hạn ${workingSpan(seconds)} làm việc`;
  const left = `còn ${workingSpan(seconds)} làm việc`;
  return urgency === 'URGENCY_PAUSED' ? `${left} khi tính tiếp` : left;
}

/** The CSS class of the badge (its colour and border style). */
export function urgencyTone(urgency: Urgency): string {
  switch (urgency) {
    case 'URGENCY_ON_TRACK':
      return 'urgency-ok';
    case 'URGENCY_DUE_SOON':
      return 'urgency-soon';
    case 'URGENCY_OVERDUE':
      return 'urgency-late';
    case 'URGENCY_PAUSED':
      return 'urgency-paused';
    default:
      return '';
  }
}

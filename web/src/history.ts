// What each event of a dossier's history means, in the officer's words
// (the actions as engine/dossier/names.cc names them).

import { field, type DossierEvent, type EventKind } from './contract';
import { formatDateTime } from './format';
import { CHANNEL_LABELS } from './labels';

const TITLES: Record<EventKind, string> = {
  registered_online: 'Đăng ký trực tuyến',
  received: 'Tiếp nhận hồ sơ',
  refused: 'Từ chối tiếp nhận',
  handed_over: 'Bàn giao hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung hồ sơ',
  supplemented: 'Công dân đã bổ sung hồ sơ',
  fee_requested: 'Yêu cầu nộp phí, lệ phí',
  fee_paid: 'Ghi nhận đã nộp phí, lệ phí',
  stopped: 'Dừng xử lý',
  withdrawn: 'Công dân rút hồ sơ',
  result_ready: 'Hoàn thành xử lý, có kết quả',
  result_returned: 'Trả kết quả',
  apology_issued: 'Xin lỗi và hẹn lại ngày trả',
  rated: 'Công dân đánh giá',
  alert_raised: 'Cảnh báo',
  retimed: 'Tính lại ngày hẹn trả',
  calendar_changed: 'Thay đổi lịch làm việc',
  unknown: 'Sự kiện khác',
};

const RESULT_KINDS: Record<string, string> = {
  RESULT_KIND_PAPER: 'bản giấy',
  RESULT_KIND_ELECTRONIC: 'bản điện tử',
};

const RETURN_METHODS: Record<string, string> = {
  RETURN_METHOD_COUNTER: 'tại Bộ phận Một cửa',
  RETURN_METHOD_POST: 'qua bưu chính',
  RETURN_METHOD_ELECTRONIC: 'trực tuyến',
};

const PAYMENT_METHODS: Record<string, string> = {
  PAYMENT_METHOD_NATIONAL_PORTAL: 'trực tuyến qua Cổng Dịch vụ công quốc gia',
  PAYMENT_METHOD_PROVINCIAL_GATEWAY: 'trực tuyến qua cổng của tỉnh',
  PAYMENT_METHOD_CASH: 'tiền mặt',
};

const SATISFACTION: Record<string, string> = {
  SATISFACTION_VERY_SATISFIED: 'Rất hài lòng',
  SATISFACTION_SATISFIED: 'Hài lòng',
  SATISFACTION_ACCEPTABLE: 'Bình thường',
  SATISFACTION_DISSATISFIED: 'Không hài lòng',
  SATISFACTION_VERY_DISSATISFIED: 'Rất không hài lòng',
};

const ALERTS: Record<string, string> = {
  ALERT_KIND_APOLOGY_DUE: 'Cảnh báo: sắp hết hạn, cần gửi thư xin lỗi',
  ALERT_KIND_OVERDUE: 'Cảnh báo: hồ sơ đã quá hạn',
};

const MONEY = new Intl.NumberFormat('vi-VN');

function money(amount: string): string {
  const n = Number(amount);
  return amount === '' || !Number.isFinite(n) ? '' : `${MONEY.format(n)} đồng`;
}

/** A piece of a detail line: text, or an officer by user name (the page shows their display name). */
export type Piece = string | { user: string };

/** `label: value`, or nothing when the value is empty. */
function line(label: string, value: string): Piece[][] {
  return value === '' ? [] : [[`${label}: ${value}`]];
}

/** `label: officer, unit`, or nothing when neither is known. */
function person(label: string, user: string, unit: string): Piece[][] {
  if (user === '' && unit === '') return [];
  if (user === '') return [[`${label}: ${unit}`]];
  return [[`${label}: `, { user }, ...(unit !== '' ? [`, ${unit}`] : [])]];
}

export interface EventText {
  title: string;
  /** Further lines (reason, appointment, whom to), each a line of text and officers. */
  details: Piece[][];
}

export function describeEvent(e: DossierEvent): EventText {
  const d = e.data;
  const f = (key: string): string => field(d, key);
  const when = (key: string): string => formatDateTime(f(key));
  switch (e.kind) {
    case 'received':
      return {
        title: TITLES.received,
        details: [...line('Kênh', CHANNEL_LABELS[f('channel')] ?? ''), ...line('Hẹn trả', when('appointment_at'))],
      };
    case 'refused':
    case 'stopped':
    case 'withdrawn':
      return { title: TITLES[e.kind], details: line('Lý do', f('reason')) };
    case 'handed_over':
      return {
        title: TITLES.handed_over,
        details: [
          ...person('Từ', f('from_user'), f('from_unit')),
          ...person('Đến', f('to_user'), f('to_unit')),
          ...(d['electronic'] === true ? [['Bàn giao điện tử']] : []),
          ...line('Ghi chú', f('note')),
        ],
      };
    case 'supplement_requested': {
      const documents = Array.isArray(d['documents']) ? d['documents'].filter((x): x is string => typeof x === 'string') : [];
      return {
        title: TITLES.supplement_requested,
        details: [
          ...line('Lý do', f('reason')),
          ...line('Giấy tờ cần bổ sung', documents.join('; ')),
          // The law's limit for asking, and whether this request came after it.
          ...line(d['late'] === true ? 'Yêu cầu muộn, quá hạn' : 'Hạn yêu cầu bổ sung', when('request_limit_at')),
        ],
      };
    }
    case 'supplemented':
      return {
        title: TITLES.supplemented,
        details: [...line('Hẹn trả (thống kê)', when('appointment_after')), ...line('Hẹn công dân (tính lại từ đầu)', when('citizen_appointment_after'))],
      };
    case 'fee_requested':
      return { title: TITLES.fee_requested, details: [...line('Số tiền', money(f('amount_vnd'))), ...line('Ghi chú', f('note'))] };
    case 'fee_paid':
      return {
        title: TITLES.fee_paid,
        details: [
          ...line('Số tiền', money(f('amount_vnd'))),
          ...line('Hình thức', PAYMENT_METHODS[f('method')] ?? ''),
          ...line('Số biên lai', f('receipt_number')),
          ...line('Hẹn trả mới', when('appointment_after')),
        ],
      };
    case 'result_ready':
      return {
        title: TITLES.result_ready,
        details: [
          ...line('Kết quả', RESULT_KINDS[f('result_kind')] ?? ''),
          ...line('Số, ký hiệu', f('result_number')),
          ...line('Ghi chú', f('note')),
        ],
      };
    case 'result_returned':
      return {
        title: TITLES.result_returned,
        details: [...line('Hình thức', RETURN_METHODS[f('method')] ?? ''), ...line('Người nhận', f('received_by'))],
      };
    case 'apology_issued':
      return {
        title: TITLES.apology_issued,
        details: [...line('Hẹn trả mới', when('new_appointment_at')), ...line('Lý do', f('reason')), ...line('Người ký', f('signed_by'))],
      };
    case 'rated':
      return {
        title: TITLES.rated,
        details: [
          ...line('Mức độ', SATISFACTION[f('satisfaction')] ?? ''),
          ...(d['complaint'] === true ? [['Có phản ánh, kiến nghị']] : []),
          ...line('Ý kiến', f('comment')),
        ],
      };
    case 'alert_raised':
      return { title: ALERTS[f('kind')] ?? TITLES.alert_raised, details: line('Thời điểm', when('moment')) };
    case 'retimed':
      return { title: TITLES.retimed, details: [...line('Hẹn trả mới', when('appointment_after')), ...line('Lý do', f('reason'))] };
    case 'calendar_changed':
      return { title: TITLES.calendar_changed, details: line('Nội dung', f('description')) };
    default:
      return { title: TITLES[e.kind], details: [] };
  }
}

/** Who did it: "Hệ thống" for the engine itself. */
export function actorName(actor: string): string {
  return actor === 'system' ? 'Hệ thống' : actor;
}

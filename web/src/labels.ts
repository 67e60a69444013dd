// Vietnamese names for the contract's enums (statuses as engine/dossier/names.cc
// and the national portal name them).

import type { Duration, Role, Status } from './contract';

export const STATUS_LABELS: Record<Status, string> = {
  STATUS_UNSPECIFIED: 'Chưa có',
  STATUS_REGISTERED_ONLINE: 'Mới đăng ký',
  STATUS_RECEIVED: 'Được tiếp nhận',
  STATUS_REFUSED: 'Không được tiếp nhận',
  STATUS_PROCESSING: 'Đang xử lý',
  STATUS_SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung',
  STATUS_FEE_REQUESTED: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  STATUS_WITHDRAWN: 'Công dân yêu cầu rút hồ sơ',
  STATUS_STOPPED: 'Dừng xử lý',
  STATUS_RESULT_READY: 'Đã xử lý xong',
  STATUS_RETURNED: 'Đã trả kết quả',
};

export const ROLE_LABELS: Record<Role, string> = {
  ROLE_RECEPTION: 'Tiếp nhận hồ sơ',
  ROLE_SPECIALIST: 'Chuyên viên xử lý',
  ROLE_LEADER: 'Lãnh đạo',
  ROLE_STATISTICS: 'Thống kê',
  ROLE_ADMIN: 'Quản trị',
};

/** A CSS class per status family, so the badge's colour says where the dossier stands. */
export function statusTone(status: Status): string {
  switch (status) {
    case 'STATUS_REGISTERED_ONLINE':
      return 'tone-new';
    case 'STATUS_SUPPLEMENT_REQUESTED':
    case 'STATUS_FEE_REQUESTED':
      return 'tone-waiting';
    case 'STATUS_RESULT_READY':
      return 'tone-ready';
    case 'STATUS_REFUSED':
    case 'STATUS_WITHDRAWN':
    case 'STATUS_STOPPED':
    case 'STATUS_RETURNED':
      return 'tone-closed';
    default:
      return 'tone-active';
  }
}

/** How the dossier came in (Channel in dossier.proto). */
export const CHANNEL_LABELS: Partial<Record<string, string>> = {
  CHANNEL_COUNTER: 'Trực tiếp tại Bộ phận Một cửa',
  CHANNEL_ONLINE: 'Trực tuyến',
  CHANNEL_POST: 'Qua bưu chính',
};

/** The channels a new dossier is received under, as the select offers them. */
export const RECEIVE_CHANNEL_LABELS = {
  CHANNEL_COUNTER: 'Trực tiếp tại Bộ phận Một cửa',
  CHANNEL_POST: 'Qua bưu chính',
} as const;

/** "3 ngày làm việc", "Trong ngày (nhận trước 15:00)"; '' when the unit is not known. */
export function durationText(d: Duration): string {
  switch (d.unit) {
    case 'DURATION_UNIT_WORKING_DAYS':
      return d.amount > 0 ? `${d.amount} ngày làm việc` : '';
    case 'DURATION_UNIT_WORKING_HOURS':
      return d.amount > 0 ? `${d.amount} giờ làm việc` : '';
    case 'DURATION_UNIT_CALENDAR_DAYS':
      return d.amount > 0 ? `${d.amount} ngày` : '';
    case 'DURATION_UNIT_SAME_DAY':
      return `Trong ngày (nhận trước ${d.cutoff !== '' ? d.cutoff : '15:00'})`;
    default:
      return '';
  }
}

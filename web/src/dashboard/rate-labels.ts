// The rates' Vietnamese names, as the statistics' exports print them
// (adapters/export/stats_labels.cc, RateLabel), and the words for a rate's parts.

import type { RateName } from './stats';

export const RATE_LABELS: Record<RateName, string> = {
  resolved_on_time: 'Hồ sơ giải quyết trước và đúng hạn',
  resolved_early: 'Hồ sơ giải quyết trước hạn',
  electronic_transfer: 'Hồ sơ luân chuyển nội bộ bằng điện tử',
  online_payment: 'Hồ sơ có phí được thanh toán trực tuyến',
  documents_reused: 'Hồ sơ không phải cung cấp lại giấy tờ',
  fully_online: 'Hồ sơ xử lý hoàn toàn trực tuyến',
  remote_online_use: 'Hồ sơ nộp trực tuyến từ xa',
  electronic_result: 'Hồ sơ được cấp kết quả điện tử',
  digitized: 'Hồ sơ được số hoá (thành phần và kết quả)',
  internal_process_published: 'Thủ tục có quy trình nội bộ được công bố',
};

/**
 * What the denominator's codes outside the numerator are, where the rate makes that a
 * thing an officer names (the late ones of the on-time rate); a plain phrase otherwise.
 */
export const OUTSIDE_NUMERATOR: Partial<Record<RateName, string>> = {
  resolved_on_time: 'Giải quyết quá hạn',
  resolved_early: 'Không giải quyết trước hạn',
  internal_process_published: 'Thủ tục chưa công bố quy trình nội bộ',
};

/** "> 90%": the plan's comparison as the plan writes it. */
export const OP_SIGNS: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' };

#include "engine/dossier/names.h"

namespace motcua::dossier {

std::string_view StatusName(v1::Status status) {
  switch (status) {
    case v1::STATUS_REGISTERED_ONLINE: return "Mới đăng ký";
    case v1::STATUS_RECEIVED: return "Được tiếp nhận";
    case v1::STATUS_REFUSED: return "Không được tiếp nhận";
    case v1::STATUS_PROCESSING: return "Đang xử lý";
    case v1::STATUS_SUPPLEMENT_REQUESTED: return "Yêu cầu bổ sung";
    case v1::STATUS_FEE_REQUESTED: return "Yêu cầu thực hiện nghĩa vụ tài chính";
    case v1::STATUS_WITHDRAWN: return "Công dân yêu cầu rút hồ sơ";
    case v1::STATUS_STOPPED: return "Dừng xử lý";
    case v1::STATUS_RESULT_READY: return "Đã xử lý xong";
    case v1::STATUS_RETURNED: return "Đã trả kết quả";
    default: return "Chưa có";
  }
}

std::string DescribeStatus(v1::Status status) {
  std::string s = "'";
  s += StatusName(status);
  s += "'";
  if (status != v1::STATUS_UNSPECIFIED) s += " (" + std::to_string(static_cast<int>(status)) + ")";
  return s;
}

std::string_view ActionName(v1::Event::KindCase kind) {
  using K = v1::Event::KindCase;
  switch (kind) {
    case K::kRegisteredOnline: return "đăng ký trực tuyến";
    case K::kReceived: return "tiếp nhận";
    case K::kRefused: return "từ chối tiếp nhận";
    case K::kHandedOver: return "bàn giao";
    case K::kSupplementRequested: return "yêu cầu bổ sung";
    case K::kSupplemented: return "bổ sung hồ sơ";
    case K::kFeeRequested: return "yêu cầu nộp phí, lệ phí";
    case K::kFeePaid: return "ghi nhận thanh toán";
    case K::kStopped: return "dừng xử lý";
    case K::kWithdrawn: return "rút hồ sơ";
    case K::kResultReady: return "hoàn thành xử lý";
    case K::kResultReturned: return "trả kết quả";
    case K::kApologyIssued: return "xin lỗi và hẹn lại";
    case K::kRated: return "đánh giá";
    case K::kAlertRaised: return "cảnh báo";
    case K::kRetimed: return "tính lại hạn";
    case K::kCalendarChanged: return "thay đổi lịch làm việc";
    case K::KIND_NOT_SET: break;
  }
  return "không xác định";
}

std::string_view KindIdentifier(v1::Event::KindCase kind) {
  using K = v1::Event::KindCase;
  switch (kind) {
    case K::kRegisteredOnline: return "registered_online";
    case K::kReceived: return "received";
    case K::kRefused: return "refused";
    case K::kHandedOver: return "handed_over";
    case K::kSupplementRequested: return "supplement_requested";
    case K::kSupplemented: return "supplemented";
    case K::kFeeRequested: return "fee_requested";
    case K::kFeePaid: return "fee_paid";
    case K::kStopped: return "stopped";
    case K::kWithdrawn: return "withdrawn";
    case K::kResultReady: return "result_ready";
    case K::kResultReturned: return "result_returned";
    case K::kApologyIssued: return "apology_issued";
    case K::kRated: return "rated";
    case K::kAlertRaised: return "alert_raised";
    case K::kRetimed: return "retimed";
    case K::kCalendarChanged: return "calendar_changed";
    case K::KIND_NOT_SET: break;
  }
  return "unknown";
}

}  // namespace motcua::dossier

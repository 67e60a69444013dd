#include "adapters/http/endpoints/citizen_steps.h"

#include <string>

namespace motcua::http {

namespace {

using K = v1::Event::KindCase;

// "15.000 đ": how amounts are written for citizens.
std::string Money(std::int64_t vnd) {
  const std::string digits = std::to_string(vnd < 0 ? -vnd : vnd);
  std::string grouped = vnd < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return grouped + " đ";
}

// "Lý do: …" when a reason was given.
std::string Reason(const std::string& reason) {
  return reason.empty() ? std::string() : "Lý do: " + reason;
}

}  // namespace

std::optional<v1::CitizenStep> CitizenStepOf(const v1::Event& e) {
  v1::CitizenStep step;
  switch (e.kind_case()) {
    case K::kRegisteredOnline:
      step.set_title("Đăng ký hồ sơ trực tuyến");
      break;
    case K::kReceived:
      step.set_title("Tiếp nhận hồ sơ");
      break;
    case K::kRefused:
      step.set_title("Không tiếp nhận hồ sơ");
      step.set_detail(Reason(e.refused().reason()));
      break;
    case K::kHandedOver:
      step.set_title(e.handed_over().to_unit().empty()
                         ? std::string("Chuyển xử lý")
                         : "Chuyển đến " + e.handed_over().to_unit() + " xử lý");
      break;
    case K::kSupplementRequested: {
      step.set_title("Yêu cầu bổ sung hồ sơ");
      std::string detail = Reason(e.supplement_requested().reason());
      std::string documents;
      for (const std::string& d : e.supplement_requested().documents()) {
        documents += (documents.empty() ? "" : "; ") + d;
      }
      if (!documents.empty()) {
        detail += (detail.empty() ? "" : ". ") + std::string("Cần bổ sung: ") + documents;
      }
      step.set_detail(detail);
      break;
    }
    case K::kSupplemented:
      step.set_title("Đã nhận hồ sơ bổ sung");
      break;
    case K::kFeeRequested:
      step.set_title("Yêu cầu nộp phí, lệ phí");
      step.set_detail("Số tiền: " + Money(e.fee_requested().amount_vnd()));
      break;
    case K::kFeePaid:
      step.set_title("Đã nộp phí, lệ phí");
      break;
    case K::kApologyIssued:
      step.set_title("Cơ quan xin lỗi vì trễ hạn và hẹn lại ngày trả kết quả");
      step.set_detail(Reason(e.apology_issued().reason()));
      break;
    case K::kStopped:
      step.set_title("Dừng xử lý hồ sơ");
      step.set_detail(Reason(e.stopped().reason()));
      break;
    case K::kWithdrawn:
      step.set_title("Rút hồ sơ theo yêu cầu của công dân");
      break;
    case K::kResultReady:
      step.set_title("Đã có kết quả, chờ trả");
      break;
    case K::kResultReturned:
      step.set_title("Đã trả kết quả");
      break;
    case K::kRated:
    case K::kAlertRaised:
    case K::kRetimed:
    case K::kCalendarChanged:
    case K::KIND_NOT_SET:
      return std::nullopt;
  }
  *step.mutable_at() = e.at();
  return step;
}

}  // namespace motcua::http

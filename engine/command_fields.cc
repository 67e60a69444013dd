#include "engine/command_fields.h"

#include <string>
#include <vector>

#include "engine/command_target.h"

namespace motcua::engine {

namespace {

// A text field is there when it has something besides spaces: "   " for a
// name is as missing as "" (it would print a blank on the receipt).
bool HasText(const std::string& value) {
  return value.find_first_not_of(" \t\r\n\v\f") != std::string::npos;
}

// The fields found missing so far, in the order the command lists them.
class Missing {
 public:
  // Records `path` (meaning `what`) when `present` is false.
  void Require(bool present, std::string path, std::string what) {
    if (!present) fields_.push_back(std::move(path) + " (" + std::move(what) + ")");
  }

  void RequireDocumentNames(const google::protobuf::RepeatedPtrField<v1::Document>& documents) {
    for (int i = 0; i < documents.size(); ++i) {
      Require(HasText(documents[i].name()), "documents[" + std::to_string(i) + "].name",
              "tên giấy tờ thứ " + std::to_string(i + 1));
    }
  }

  Status ToStatus() const {
    if (fields_.empty()) return Status::Ok();
    std::string message = "thiếu trường ";
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (i > 0) message += ", ";
      message += fields_[i];
    }
    return Status(Error::kInvalidArgument, std::move(message));
  }

 private:
  std::vector<std::string> fields_;
};

constexpr const char* kProcedure = "mã thủ tục";
constexpr const char* kApplicantName = "họ tên người nộp hồ sơ";
constexpr const char* kChannel = "kênh tiếp nhận";

}  // namespace

Status CheckRequiredFields(const v1::Command& c) {
  using C = v1::Command::KindCase;
  if (c.kind_case() == C::KIND_NOT_SET) return Status(Error::kBadRequest, "lệnh không có nội dung");
  Missing missing;
  const bool names_dossier = !TargetCode(c).empty();
  if (!MayCreate(c)) missing.Require(names_dossier, "dossier_code", "mã hồ sơ");

  switch (c.kind_case()) {
    case C::kRegisterOnline: {
      const auto& r = c.register_online();
      missing.Require(HasText(r.procedure_code()), "procedure_code", kProcedure);
      missing.Require(HasText(r.applicant().name()), "applicant.name", kApplicantName);
      missing.RequireDocumentNames(r.documents());
      break;
    }
    case C::kReceive: {
      // Accepting a registration takes its procedure and applicant from it.
      const auto& r = c.receive();
      if (!names_dossier) {
        missing.Require(HasText(r.procedure_code()), "procedure_code", kProcedure);
        missing.Require(HasText(r.applicant().name()), "applicant.name", kApplicantName);
      }
      missing.Require(r.channel() != v1::CHANNEL_UNSPECIFIED, "channel", kChannel);
      missing.RequireDocumentNames(r.documents());
      break;
    }
    case C::kRefuse: {
      const auto& r = c.refuse();
      missing.Require(HasText(r.reason()), "reason", "lý do từ chối");
      if (!names_dossier) {
        missing.Require(HasText(r.procedure_code()), "procedure_code", kProcedure);
        missing.Require(HasText(r.applicant().name()), "applicant.name", kApplicantName);
        missing.Require(r.channel() != v1::CHANNEL_UNSPECIFIED, "channel", kChannel);
      }
      break;
    }
    case C::kHandOver:
      missing.Require(HasText(c.hand_over().to_unit()), "to_unit", "đơn vị nhận bàn giao");
      break;
    case C::kRequestSupplement:
      missing.Require(HasText(c.request_supplement().reason()), "reason",
                      "lý do yêu cầu bổ sung");
      break;
    case C::kSupplement:
      missing.RequireDocumentNames(c.supplement().documents());
      break;
    case C::kRequestFee:
      missing.Require(c.request_fee().amount_vnd() != 0, "amount_vnd", "số tiền phí, lệ phí");
      break;
    case C::kRecordPayment:
      missing.Require(c.record_payment().method() != v1::PAYMENT_METHOD_UNSPECIFIED, "method",
                      "hình thức thanh toán");
      break;
    case C::kStop:
      missing.Require(HasText(c.stop().reason()), "reason", "lý do dừng xử lý");
      break;
    case C::kWithdraw:
      break;  // the reason is optional
    case C::kMarkResultReady:
      missing.Require(c.mark_result_ready().result_kind() != v1::RESULT_KIND_UNSPECIFIED,
                      "result_kind", "loại kết quả");
      break;
    case C::kReturnResult:
      missing.Require(c.return_result().method() != v1::RETURN_METHOD_UNSPECIFIED, "method",
                      "hình thức trả kết quả");
      break;
    case C::kApologize:
      missing.Require(HasText(c.apologize().reason()), "reason", "lý do chậm trễ");
      missing.Require(c.apologize().has_new_appointment_at(), "new_appointment_at",
                      "thời hạn hẹn trả mới");
      break;
    case C::kRate:
      missing.Require(c.rate().satisfaction() != v1::SATISFACTION_UNSPECIFIED, "satisfaction",
                      "mức độ hài lòng");
      break;
    case C::KIND_NOT_SET:
      break;
  }
  return missing.ToStatus();
}

}  // namespace motcua::engine

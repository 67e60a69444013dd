#include "tools/motcua/dossier_printing.h"

#include <string>

#include "adapters/letters/wording.h"
#include "engine/base/proto_time.h"
#include "engine/base/time.h"
#include "engine/dossier/names.h"

namespace motcua::cli {

namespace {

std::string When(const google::protobuf::Timestamp& t) { return FormatVietnamMinute(ToInstant(t)); }

std::string StatusLine(v1::Status status) {
  return std::string(dossier::StatusName(status)) + " (" +
         std::to_string(static_cast<int>(status)) + ")";
}

std::string ChannelName(v1::Channel channel) {
  switch (channel) {
    case v1::CHANNEL_COUNTER:
      return "trực tiếp";
    case v1::CHANNEL_ONLINE:
      return "trực tuyến";
    case v1::CHANNEL_POST:
      return "bưu chính";
    default:
      return "";
  }
}

void Line(std::ostream& out, const char* label, const std::string& value) {
  if (!value.empty()) out << label << ": " << value << "\n";
}

void PrintDossier(const v1::Dossier& d, std::ostream& out) {
  Line(out, "Mã hồ sơ", d.code());
  Line(out, "Thủ tục",
       d.procedure_code() + (d.procedure_name().empty() ? "" : " - " + d.procedure_name()));
  Line(out, "Trạng thái", StatusLine(d.status()));
  if (d.has_received_at()) Line(out, "Tiếp nhận lúc", When(d.received_at()));
  if (d.has_original_appointment_at() &&
      d.original_appointment_at().seconds() != d.appointment_at().seconds()) {
    Line(out, "Hẹn trả ban đầu", When(d.original_appointment_at()));
  }
  if (d.has_appointment_at()) {
    Line(out, "Hẹn trả",
         When(d.appointment_at()) +
             (d.appointment_provisional() ? " (theo lịch nghỉ dự kiến)" : ""));
  }
  if (d.has_citizen_appointment_at() &&
      d.citizen_appointment_at().seconds() != d.appointment_at().seconds()) {
    Line(out, "Hẹn công dân (tính lại từ khi đủ hồ sơ)", When(d.citizen_appointment_at()));
  }
  for (const v1::Supplementation& s : d.supplementations()) {
    if (s.late()) {
      Line(out, "Yêu cầu bổ sung muộn",
           When(s.requested_at()) + ", quá hạn " + When(s.request_limit_at()));
    }
  }
  if (d.has_extended_appointment_at()) {
    Line(out, "Hẹn trả mới (sau thư xin lỗi)", When(d.extended_appointment_at()));
  }
  if (d.has_end_of_processing_at()) Line(out, "Kết thúc xử lý", When(d.end_of_processing_at()));
  if (d.has_returned_at()) Line(out, "Trả kết quả lúc", When(d.returned_at()));
  if (!d.holder_unit().empty() || !d.holder_user().empty()) {
    Line(out, "Đang giữ",
         d.holder_unit() + (d.holder_user().empty() ? "" : " / " + d.holder_user()));
  }
  Line(out, "Lý do", d.end_reason());
}

std::string Details(const v1::Event& e) {
  using K = v1::Event::KindCase;
  switch (e.kind_case()) {
    case K::kReceived:
      return ChannelName(e.received().channel()) + ", hẹn trả " +
             When(e.received().appointment_at());
    case K::kRefused:
      return e.refused().reason();
    case K::kHandedOver: {
      const auto& h = e.handed_over();
      return h.from_unit() + " → " + h.to_unit() +
             (h.to_user().empty() ? "" : " (" + h.to_user() + ")") +
             (h.electronic() ? ", điện tử" : ", bản giấy");
    }
    case K::kSupplementRequested:
      return e.supplement_requested().reason() +
             (e.supplement_requested().late()
                  ? ", yêu cầu muộn (hạn " + When(e.supplement_requested().request_limit_at()) + ")"
                  : "");
    case K::kSupplemented: {
      const v1::Supplemented& s = e.supplemented();
      std::string details =
          s.has_appointment_after() ? "hẹn trả mới " + When(s.appointment_after()) : "";
      if (s.has_citizen_appointment_after()) {
        details += (details.empty() ? "" : ", ") + std::string("hẹn công dân ") +
                   When(s.citizen_appointment_after());
      }
      return details;
    }
    case K::kFeeRequested:
      return std::to_string(e.fee_requested().amount_vnd()) + " đồng";
    case K::kFeePaid:
      return std::to_string(e.fee_paid().amount_vnd()) + " đồng";
    case K::kStopped:
      return e.stopped().reason();
    case K::kWithdrawn:
      return e.withdrawn().reason();
    case K::kApologyIssued:
      return e.apology_issued().reason() + ", hẹn trả mới " +
             When(e.apology_issued().new_appointment_at());
    default:
      return "";
  }
}

}  // namespace

void PrintCommandReply(const v1::CommandReply& reply, std::ostream& out) {
  PrintDossier(reply.dossier(), out);
  Line(out, "Mã tra cứu (in trên giấy tiếp nhận)", reply.lookup_secret());
}

void PrintDossierDetail(const v1::DossierDetail& detail, std::ostream& out) {
  const v1::Dossier& d = detail.dossier();
  PrintDossier(d, out);
  Line(out, "Kênh", ChannelName(d.channel()));
  const v1::Applicant& a = d.applicant();
  Line(out, "Người nộp", a.name());
  Line(out, "Số CCCD", a.id_number());
  Line(out, "Điện thoại", a.phone());
  Line(out, "Địa chỉ", a.address());
  Line(out, "Thư điện tử", a.email());
  if (d.documents_size() > 0) {
    std::string docs;
    for (const v1::Document& doc : d.documents()) {
      if (!docs.empty()) docs += ", ";
      docs += doc.name();
      if (doc.reused()) docs += " (tái sử dụng)";
      if (doc.digitized()) docs += " (đã số hóa)";
    }
    Line(out, "Giấy tờ", docs);
  }
  out << "Quá trình xử lý:\n";
  for (const v1::Event& e : detail.history()) {
    out << "  #" << e.seq() << "  " << When(e.at()) << "  " << e.actor() << "  "
        << dossier::ActionName(e.kind_case());
    const std::string details = Details(e);
    if (!details.empty()) out << ": " << details;
    out << "\n";
  }
}

void PrintDossierList(const v1::DossierList& list, std::ostream& out) {
  if (list.dossiers_size() == 0) {
    out << "Không có hồ sơ nào.\n";
    return;
  }
  for (const v1::DossierSummary& s : list.dossiers()) {
    out << s.code() << "  " << StatusLine(s.status()) << "  hẹn trả "
        << (s.has_appointment_at() ? When(s.appointment_at()) : std::string("-")) << "  "
        << s.procedure_code() << "  " << s.applicant_name();
    if (!s.holder_user().empty() || !s.holder_unit().empty()) {
      out << "  [" << s.holder_unit() << (s.holder_user().empty() ? "" : " / " + s.holder_user())
          << "]";
    }
    out << "\n";
  }
  out << list.dossiers_size() << " hồ sơ";
  if (list.truncated()) out << " (còn nữa; thu hẹp bộ lọc hoặc tăng --limit)";
  out << ".\n";
}

void PrintCatalog(const v1::Catalog& catalog, std::ostream& out) {
  for (const v1::Procedure& p : catalog.procedures()) {
    out << (p.code().empty() ? std::string("(chưa có mã)") : p.code()) << "  " << p.name();
    const std::string duration = letters::DurationWords(p.duration());
    if (!duration.empty()) out << "  [" << duration << "]";
    if (!p.receivable()) out << "  (chưa tiếp nhận được: " << p.note() << ")";
    out << "\n";
  }
}

void PrintCitizenView(const v1::CitizenView& v, std::ostream& out) {
  Line(out, "Mã hồ sơ", v.code());
  Line(out, "Thủ tục", v.procedure_name());
  Line(out, "Trạng thái", v.status_name());
  if (v.has_received_at()) Line(out, "Tiếp nhận lúc", When(v.received_at()));
  if (v.has_appointment_at()) Line(out, "Hẹn trả", When(v.appointment_at()));
  if (v.has_new_appointment_at()) Line(out, "Hẹn trả mới", When(v.new_appointment_at()));
}

}  // namespace motcua::cli

#include "adapters/letters/control_slip.h"

#include "adapters/letters/form_parts.h"
#include "adapters/letters/rule_set.h"
#include "adapters/letters/wording.h"
#include "engine/base/proto_time.h"

namespace motcua::letters {

namespace {

using K = v1::Event::KindCase;

std::string Short(const google::protobuf::Timestamp& t) {
  return FormatVietnam(FromUnixSeconds(t.seconds()), "%H:%M %d/%m/%Y");
}

// "Lãnh đạo UBND xã - Phạm Văn Dũng"; either part may be missing.
std::string Party(const std::string& unit, const std::string& person) {
  if (unit.empty()) return person;
  if (person.empty()) return unit;
  return unit + " - " + person;
}

class SlipTable {
 public:
  SlipTable(const SlipDetails& details, const v1::Dossier& dossier)
      : details_(details), applicant_("Công dân: " + internal::OrNotGiven(dossier.applicant().name())) {}

  void Add(const v1::Event& e) {
    const std::string by = Person(e.actor());
    switch (e.kind_case()) {
      case K::kReceived:
        holder_unit_ = e.received().reception_unit();
        holder_ = by;
        Row(e, "Tiếp nhận hồ sơ", applicant_, Party(holder_unit_, holder_),
            "hẹn trả " + Short(e.received().appointment_at()));
        break;
      case K::kHandedOver: {
        const v1::HandedOver& h = e.handed_over();
        std::string note = h.electronic() ? "Chuyển điện tử" : "Chuyển hồ sơ giấy";
        if (!h.note().empty()) note += "; " + h.note();
        Row(e, EndedStep(e), Party(h.from_unit(), by), Party(h.to_unit(), Person(h.to_user())),
            note);
        holder_unit_ = h.to_unit();
        holder_ = Person(h.to_user());
        break;
      }
      case K::kSupplementRequested: {
        const v1::SupplementRequested& r = e.supplement_requested();
        std::string note = r.reason() + "; tạm dừng tính thời gian";
        if (r.late()) note += "; yêu cầu muộn, quá hạn " + Short(r.request_limit_at());
        Row(e, "Yêu cầu bổ sung hồ sơ", Party(holder_unit_, by), applicant_, note);
        break;
      }
      case K::kSupplemented: {
        const v1::Supplemented& s = e.supplemented();
        std::string note = "tính tiếp thời gian; hẹn trả " + Short(s.appointment_after());
        if (s.has_citizen_appointment_after()) {
          note += "; hẹn công dân (tính lại từ đầu) " + Short(s.citizen_appointment_after());
        }
        Row(e, "Công dân bổ sung hồ sơ", applicant_, Party(holder_unit_, holder_), note);
        break;
      }
      case K::kApologyIssued:
        Row(e, "Xin lỗi, hẹn lại", Party(holder_unit_, by), applicant_,
            e.apology_issued().reason() + "; hẹn lại " +
                Short(e.apology_issued().new_appointment_at()));
        break;
      case K::kResultReady: {
        result_ready_ = true;
        std::string note = e.result_ready().result_kind() == v1::RESULT_KIND_ELECTRONIC
                               ? "Kết quả điện tử"
                               : "Kết quả bản giấy";
        if (!e.result_ready().result_number().empty()) {
          note += " số " + e.result_ready().result_number();
        }
        Row(e, EndedStep(e), Party(holder_unit_, by), "Có kết quả giải quyết", note);
        break;
      }
      case K::kResultReturned:
        Row(e, "Trả kết quả", Party(holder_unit_, by),
            e.result_returned().received_by().empty()
                ? applicant_
                : "Người nhận: " + e.result_returned().received_by(),
            "");
        break;
      case K::kWithdrawn:
        Row(e, EndedStep(e), applicant_, Party(holder_unit_, holder_),
            "Công dân rút hồ sơ" + Reason(e.withdrawn().reason()));
        break;
      case K::kStopped:
        Row(e, EndedStep(e), Party(holder_unit_, by), applicant_,
            "Dừng xử lý" + Reason(e.stopped().reason()));
        break;
      default:
        break;  // fees, ratings, alerts and re-timings are not hand-overs
    }
  }

  Table table() && {
    Table t;
    t.header.assign(std::begin(kSlipColumns), std::end(kSlipColumns));
    t.rows = std::move(rows_);
    return t;
  }

 private:
  static std::string Reason(const std::string& reason) {
    return reason.empty() ? "" : ": " + reason;
  }

  std::string Person(std::string_view user) const {
    return user.empty() ? std::string() : details_.display_name(user);
  }

  // "Bước 2: Thẩm định, đề xuất", the step the event ended; else what the
  // event is.
  std::string EndedStep(const v1::Event& e) const {
    const std::uint32_t n = e.step().ended();
    if (n == 0) {
      switch (e.kind_case()) {
        case K::kHandedOver: return result_ready_ ? "Chuyển kết quả" : "Chuyển xử lý";
        case K::kResultReady: return "Có kết quả";
        case K::kWithdrawn: return "Rút hồ sơ";
        case K::kStopped: return "Dừng xử lý";
        default: return "";
      }
    }
    return StepName(n);
  }

  std::string StepName(std::uint32_t n) const {
    std::string name = "Bước " + std::to_string(n);
    const v1::InternalProcess* p = details_.process;
    if (p != nullptr && n <= static_cast<std::uint32_t>(p->steps_size())) {
      name += ": " + p->steps(static_cast<int>(n) - 1).name();
    }
    return name;
  }

  void Row(const v1::Event& e, std::string step, std::string giver, std::string receiver,
           std::string note) {
    const v1::StepChange& s = e.step();
    std::string due = s.ended() != 0 ? Short(s.ended_due_at()) : "";
    std::string timing(StepTimingWords(s.ended_timing()));
    // The step that starts (or whose deadline moves) is noted for the next row.
    if (s.current() != 0) {
      note += (note.empty() ? "" : "; ") + StepName(s.current()) + ", hạn " + Short(s.due_at());
    }
    rows_.push_back({std::to_string(rows_.size() + 1), std::move(step), std::move(giver),
                     std::move(receiver), Short(e.at()), std::move(due), std::move(timing),
                     std::move(note)});
  }

  const SlipDetails& details_;
  const std::string applicant_;
  std::string holder_unit_;
  std::string holder_;
  bool result_ready_ = false;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::string_view StepTimingWords(v1::StepTiming timing) noexcept {
  switch (timing) {
    case v1::STEP_TIMING_EARLY: return "Trước hạn";
    case v1::STEP_TIMING_ON_TIME: return "Đúng hạn";
    case v1::STEP_TIMING_LATE: return "Quá hạn";
    default: return "";
  }
}

Result<Letter> BuildControlSlip(const v1::Dossier& dossier, const UnitInfo& unit,
                                const SlipDetails& details) {
  if (!dossier.has_received_at()) return internal::MissingError("Mẫu 05", "thời điểm tiếp nhận");
  const Instant received_at = internal::ToInstant(dossier.received_at());
  const RuleSet rules = RuleSetFor(received_at);
  const Instant dated =
      details.events.empty() ? received_at : internal::ToInstant(details.events.back().at());
  Letter letter =
      internal::StartLetter(unit, rules, 5, dated, kControlSlipTitle, PageSize::kA4);
  letter.subtitle = "Mã hồ sơ: " + dossier.code();

  std::vector<Block>& body = letter.body;
  body.push_back(Field{"Người nộp hồ sơ", internal::OrNotGiven(dossier.applicant().name())});
  body.push_back(Field{"Thủ tục hành chính", internal::ProcedureWords(dossier)});
  body.push_back(Field{"Thời gian nhận hồ sơ", ClockAndDateWords(received_at)});
  const auto& promised = dossier.has_original_appointment_at() ? dossier.original_appointment_at()
                                                               : dossier.appointment_at();
  body.push_back(Field{"Thời gian hẹn trả kết quả", ClockAndDateWords(internal::ToInstant(promised))});
  if (dossier.has_appointment_at() && dossier.appointment_at().seconds() != promised.seconds()) {
    body.push_back(Field{"Hẹn trả sau khi tính lại",
                         ClockAndDateWords(internal::ToInstant(dossier.appointment_at()))});
  }
  if (details.process != nullptr) {
    std::string steps;
    for (int i = 0; i < details.process->steps_size(); ++i) {
      const v1::ProcessStep& s = details.process->steps(i);
      steps += (i == 0 ? "" : "; ") + std::to_string(i + 1) + ". " + s.name() + " (" + s.unit() +
               ", " + std::to_string(s.working_hours()) + " giờ)";
    }
    body.push_back(Field{"Quy trình nội bộ áp dụng từ " + details.process->effective_from(), steps});
  } else {
    body.push_back(Field{"Quy trình nội bộ", "thủ tục chưa công bố quy trình nội bộ khi tiếp nhận"});
  }
  SlipTable table(details, dossier);
  for (const v1::Event& e : details.events) table.Add(e);
  body.push_back(std::move(table).table());
  if (dossier.has_end_of_processing_at()) {
    body.push_back(Field{"Kết thúc xử lý",
                         ClockAndDateWords(internal::ToInstant(dossier.end_of_processing_at()))});
  }
  if (dossier.has_returned_at()) {
    body.push_back(Field{"Trả kết quả", ClockAndDateWords(internal::ToInstant(dossier.returned_at()))});
  }
  return letter;
}

}  // namespace motcua::letters

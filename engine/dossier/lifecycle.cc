#include "engine/dossier/lifecycle.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <string>

#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/dossier/appointment.h"
#include "engine/dossier/names.h"

namespace motcua::dossier {

namespace {

using K = v1::Event::KindCase;

bool In(v1::Status s, std::initializer_list<v1::Status> allowed) {
  return std::find(allowed.begin(), allowed.end(), s) != allowed.end();
}

std::string Subject(const v1::Event& event) {
  return event.dossier_code().empty() ? std::string("hồ sơ mới")
                                      : "hồ sơ " + QuoteForMessage(event.dossier_code());
}

Status Illegal(const v1::Event& event, const DossierState& state) {
  std::string msg = Subject(event);
  if (state.exists()) {
    msg += " đang ở trạng thái " + DescribeStatus(state.status_enum());
  } else {
    msg += " chưa tồn tại";
  }
  msg += ": không thể ";
  msg += ActionName(event.kind_case());
  return Status(Error::kIllegalTransition, msg);
}

Status Invalid(const v1::Event& event, const std::string& what) {
  std::string msg = Subject(event) + ", ";
  msg += ActionName(event.kind_case());
  msg += ": " + what;
  return Status(Error::kInvalidArgument, msg);
}

Status Once(const v1::Event& event, const std::string& what) {
  return Status(Error::kAlreadyExists, Subject(event) + ": " + what);
}

Status CheckApplicant(const v1::Event& event, const v1::Applicant& a) {
  if (a.name().empty()) return Invalid(event, "thiếu họ tên người nộp hồ sơ");
  return Status::Ok();
}

Status CheckDocuments(const v1::Event& event,
                      const google::protobuf::RepeatedPtrField<v1::Document>& docs) {
  for (int i = 0; i < docs.size(); ++i) {
    if (docs[i].name().empty()) {
      return Invalid(event, "giấy tờ thứ " + std::to_string(i + 1) + " thiếu tên");
    }
  }
  return Status::Ok();
}

Status CheckProcedure(const v1::Event& event, const std::string& code,
                      const catalog::Catalog* catalog) {
  if (code.empty()) return Invalid(event, "thiếu mã thủ tục");
  if (catalog == nullptr) return Status::Ok();
  const v1::Procedure* p = catalog->Find(code);
  if (p == nullptr) {
    return Status(Error::kNotFound,
                  "không có thủ tục mã " + QuoteForMessage(code) + " trong danh mục");
  }
  if (!p->receivable()) {
    return Invalid(event, "thủ tục " + QuoteForMessage(code) + " chưa đủ thông tin để tiếp nhận: " +
                              QuoteForMessage(p->note(), kMessageMaxBytes));
  }
  return Status::Ok();
}

void ObserveDocuments(const google::protobuf::RepeatedPtrField<v1::Document>& docs,
                      DossierState& state) {
  for (const v1::Document& d : docs) {
    state.documents_reused = state.documents_reused || d.reused();
    state.documents_digitized = state.documents_digitized || d.digitized();
  }
}

void SetAppointment(std::int64_t at, bool provisional, DossierState& state) {
  // New moments to watch; the step's alert stands for its step (ApplyStep),
  // the late intake for the registration, which the statistics read.
  if (at != state.appointment_at) {
    state.alerts_raised &=
        AlertBit(v1::ALERT_KIND_STEP_DUE) | AlertBit(v1::ALERT_KIND_INTAKE_LATE);
  }
  state.appointment_at = at;
  state.appointment_provisional = provisional;
}

// The citizen's appointment a supplementation restarted (appointment.h),
// kept as an offset from the clock start; called after SetAppointment.
void SetCitizenAppointment(std::int64_t at, DossierState& state) {
  constexpr std::int64_t kMaxOffset = std::numeric_limits<std::uint32_t>::max();
  const std::int64_t offset = at - state.clock_start;
  const bool own = at != state.appointment_at && offset > 0 && offset <= kMaxOffset;
  state.citizen_appointment_offset = own ? static_cast<std::uint32_t>(offset) : 0;
}

// Finishing ends the clock; a pause that never ended ends with it.
void Finish(std::int64_t at, v1::Status status, DossierState& state) {
  state.status = static_cast<std::uint8_t>(status);
  if (state.end_of_processing_at == 0) state.end_of_processing_at = at;
  state.paused_at = 0;
}

Status CheckKind(const DossierState& state, const v1::Event& e, const catalog::Catalog* catalog) {
  const v1::Status s = state.status_enum();
  constexpr auto kRec = v1::STATUS_RECEIVED;
  constexpr auto kProc = v1::STATUS_PROCESSING;
  constexpr auto kSupp = v1::STATUS_SUPPLEMENT_REQUESTED;
  constexpr auto kFee = v1::STATUS_FEE_REQUESTED;

  switch (e.kind_case()) {
    case K::kRegisteredOnline: {
      if (state.exists()) return Illegal(e, state);
      const auto& r = e.registered_online();
      MOTCUA_RETURN_IF_ERROR(CheckProcedure(e, r.procedure_code(), catalog));
      MOTCUA_RETURN_IF_ERROR(CheckApplicant(e, r.applicant()));
      return CheckDocuments(e, r.documents());
    }
    case K::kReceived: {
      const auto& r = e.received();
      if (state.exists()) {
        if (s != v1::STATUS_REGISTERED_ONLINE) return Illegal(e, state);
        if (r.channel() != v1::CHANNEL_ONLINE) {
          return Invalid(e, "hồ sơ đăng ký trực tuyến phải được tiếp nhận với kênh trực tuyến");
        }
      } else if (r.channel() != v1::CHANNEL_COUNTER && r.channel() != v1::CHANNEL_POST) {
        return Invalid(e, r.channel() == v1::CHANNEL_ONLINE
                              ? "hồ sơ trực tuyến phải được đăng ký trước khi tiếp nhận"
                              : "thiếu kênh tiếp nhận (trực tiếp, bưu chính hoặc trực tuyến)");
      }
      MOTCUA_RETURN_IF_ERROR(CheckProcedure(e, r.procedure_code(), catalog));
      // Accepting an online registration may leave the applicant as registered.
      if (!state.exists()) MOTCUA_RETURN_IF_ERROR(CheckApplicant(e, r.applicant()));
      MOTCUA_RETURN_IF_ERROR(CheckDocuments(e, r.documents()));
      if (!r.has_appointment_at() || !r.has_clock_start()) {
        return Invalid(e, "thiếu thời điểm bắt đầu tính hạn hoặc thời hạn hẹn trả");
      }
      if (Seconds(r.clock_start()) < Seconds(e.at()) ||
          Seconds(r.appointment_at()) < Seconds(r.clock_start())) {
        return Invalid(e, "thời hạn hẹn trả trước thời điểm tiếp nhận");
      }
      return Status::Ok();
    }
    case K::kRefused: {
      const auto& r = e.refused();
      if (r.reason().empty()) return Invalid(e, "thiếu lý do từ chối");
      if (state.exists()) {
        return s == v1::STATUS_REGISTERED_ONLINE ? Status::Ok() : Illegal(e, state);
      }
      if (r.channel() == v1::CHANNEL_UNSPECIFIED) return Invalid(e, "thiếu kênh tiếp nhận");
      MOTCUA_RETURN_IF_ERROR(CheckProcedure(e, r.procedure_code(), catalog));
      return CheckApplicant(e, r.applicant());
    }
    case K::kHandedOver: {
      if (!In(s, {kRec, kProc, v1::STATUS_RESULT_READY})) return Illegal(e, state);
      if (e.handed_over().to_unit().empty()) return Invalid(e, "thiếu đơn vị nhận bàn giao");
      return Status::Ok();
    }
    case K::kSupplementRequested:
      if (!In(s, {kRec, kProc})) return Illegal(e, state);
      if (e.supplement_requested().reason().empty()) return Invalid(e, "thiếu lý do yêu cầu bổ sung");
      return Status::Ok();
    case K::kSupplemented: {
      if (s != kSupp) return Illegal(e, state);
      MOTCUA_RETURN_IF_ERROR(CheckDocuments(e, e.supplemented().documents()));
      if (!e.supplemented().has_appointment_after()) return Invalid(e, "thiếu thời hạn hẹn trả mới");
      return Status::Ok();
    }
    case K::kFeeRequested:
      if (!In(s, {kRec, kProc})) return Illegal(e, state);
      if (state.fee_requested || state.payment_method != 0) {
        return Once(e, "đã yêu cầu hoặc đã thu phí, lệ phí");
      }
      if (e.fee_requested().amount_vnd() <= 0) return Invalid(e, "số tiền phải lớn hơn 0");
      return Status::Ok();
    case K::kFeePaid: {
      if (!In(s, {v1::STATUS_REGISTERED_ONLINE, kRec, kProc, kFee})) return Illegal(e, state);
      if (state.payment_method != 0) return Once(e, "đã ghi nhận thanh toán");
      const auto& p = e.fee_paid();
      if (p.amount_vnd() <= 0) return Invalid(e, "số tiền phải lớn hơn 0");
      if (p.method() == v1::PAYMENT_METHOD_UNSPECIFIED || !v1::PaymentMethod_IsValid(p.method())) {
        return Invalid(e, "thiếu hình thức thanh toán");
      }
      return Status::Ok();
    }
    case K::kStopped:
      if (!In(s, {kRec, kProc, kSupp, kFee})) return Illegal(e, state);
      if (e.stopped().reason().empty()) return Invalid(e, "thiếu lý do dừng xử lý");
      return Status::Ok();
    case K::kWithdrawn:
      if (!In(s, {v1::STATUS_REGISTERED_ONLINE, kRec, kProc, kSupp, kFee})) return Illegal(e, state);
      return Status::Ok();
    case K::kResultReady: {
      if (!In(s, {kRec, kProc})) return Illegal(e, state);
      auto k = e.result_ready().result_kind();
      if (k != v1::RESULT_KIND_PAPER && k != v1::RESULT_KIND_ELECTRONIC) {
        return Invalid(e, "thiếu loại kết quả (giấy hoặc điện tử)");
      }
      return Status::Ok();
    }
    case K::kResultReturned: {
      if (s != v1::STATUS_RESULT_READY) return Illegal(e, state);
      auto m = e.result_returned().method();
      if (m == v1::RETURN_METHOD_UNSPECIFIED || !v1::ReturnMethod_IsValid(m)) {
        return Invalid(e, "thiếu hình thức trả kết quả");
      }
      return Status::Ok();
    }
    case K::kApologyIssued: {
      if (!In(s, {kRec, kProc, kSupp, kFee})) return Illegal(e, state);
      if (state.apologized) return Once(e, "đã xin lỗi và hẹn lại một lần; chỉ được hẹn lại một lần");
      const auto& a = e.apology_issued();
      if (a.reason().empty()) return Invalid(e, "thiếu lý do chậm trễ");
      if (!a.has_new_appointment_at()) return Invalid(e, "thiếu thời hạn hẹn trả mới");
      std::int64_t next = Seconds(a.new_appointment_at());
      if (next <= state.appointment_at || next <= Seconds(e.at())) {
        return Invalid(e, "thời hạn hẹn mới phải sau thời hạn hẹn hiện tại " +
                              FormatVietnamMinute(FromUnixSeconds(state.appointment_at)));
      }
      return Status::Ok();
    }
    case K::kRated: {
      if (!RatingOpen(s)) return Illegal(e, state);
      if (state.satisfaction != 0) return Once(e, "đã được đánh giá");
      auto sat = e.rated().satisfaction();
      if (sat == v1::SATISFACTION_UNSPECIFIED || !v1::Satisfaction_IsValid(sat)) {
        return Invalid(e, "thiếu mức độ hài lòng");
      }
      return Status::Ok();
    }
    case K::kAlertRaised: {
      auto kind = e.alert_raised().kind();
      if (kind != v1::ALERT_KIND_APOLOGY_DUE && kind != v1::ALERT_KIND_OVERDUE &&
          kind != v1::ALERT_KIND_STEP_DUE && kind != v1::ALERT_KIND_INTAKE_LATE) {
        return Invalid(e, "loại cảnh báo không hợp lệ");
      }
      // A step runs after the result too, until its return (process_steps.h);
      // a late intake is about a registration not yet accepted.
      const bool allowed =
          kind == v1::ALERT_KIND_INTAKE_LATE ? s == v1::STATUS_REGISTERED_ONLINE
          : kind == v1::ALERT_KIND_STEP_DUE  ? In(s, {kRec, kProc, kSupp, kFee, v1::STATUS_RESULT_READY})
                                             : In(s, {kRec, kProc, kSupp, kFee});
      if (!allowed || state.paused()) return Illegal(e, state);
      if (kind == v1::ALERT_KIND_STEP_DUE && state.step_due_at == 0) {
        return Invalid(e, "không có bước xử lý nào đang thực hiện");
      }
      if (state.alerts_raised & AlertBit(kind)) return Once(e, "cảnh báo này đã được ghi nhận");
      return Status::Ok();
    }
    case K::kRetimed:
      if (!In(s, {kRec, kProc, kSupp, kFee})) return Illegal(e, state);
      if (!e.retimed().has_appointment_after()) return Invalid(e, "thiếu thời hạn hẹn trả mới");
      return Status::Ok();
    case K::kCalendarChanged:
      return Status(Error::kInvalidArgument, "sự kiện thay đổi lịch không thuộc về một hồ sơ");
    case K::KIND_NOT_SET:
      break;
  }
  return Status(Error::kBadRequest, Subject(e) + ": sự kiện không có loại");
}

// The engine decided the step change (process_steps.h); the fold copies it.
// A change that starts no step leaves `step` as the last one started, no
// longer running.
void ApplyStep(const v1::StepChange& change, DossierState& state) {
  const std::int64_t due = change.current() == 0 ? 0 : Seconds(change.due_at());
  const std::uint8_t step =
      change.current() == 0 ? state.step : static_cast<std::uint8_t>(change.current());
  if (step != state.step || due != state.step_due_at) {
    state.alerts_raised &= static_cast<std::uint8_t>(~AlertBit(v1::ALERT_KIND_STEP_DUE));
  }
  state.step = step;
  state.step_due_at = due;
}

std::uint8_t ProcessVersionOf(const catalog::Catalog& catalog, std::uint32_t procedure,
                              const std::string& from) {
  if (procedure >= catalog.size() || from.empty()) return 0;
  const v1::Procedure& p = catalog.at(procedure);
  for (int i = 0; i < p.processes_size() && i < 255; ++i) {
    if (p.processes(i).effective_from() == from) return static_cast<std::uint8_t>(i + 1);
  }
  return 0;
}

}  // namespace

bool RatingOpen(v1::Status status) {
  return In(status, {v1::STATUS_REFUSED, v1::STATUS_WITHDRAWN, v1::STATUS_STOPPED,
                     v1::STATUS_RETURNED});
}

Status CheckTransition(const DossierState& state, const v1::Event& event,
                       const catalog::Catalog* catalog) {
  if (event.dossier_code().empty()) return Invalid(event, "thiếu mã hồ sơ");
  if (!event.has_at()) return Invalid(event, "thiếu thời điểm");
  if (state.exists() && Seconds(event.at()) < state.last_event_at) {
    return Invalid(event, "thời điểm " + FormatVietnamMinute(ToInstant(event.at())) +
                              " trước sự kiện trước đó của hồ sơ");
  }
  if (event.has_step() && event.step().current() != 0 && !event.step().has_due_at()) {
    return Invalid(event, "thiếu thời hạn của bước xử lý");
  }
  return CheckKind(state, event, catalog);
}

void Apply(const v1::Event& e, const catalog::Catalog& catalog, StringPool& names,
           DossierState& state) {
  const std::int64_t at = Seconds(e.at());
  state.last_event_at = at;
  if (e.has_step()) ApplyStep(e.step(), state);
  // When the clock stops and restarts is appointment.h's rule; the moved
  // appointment itself comes in the resuming event.
  switch (ClockEffectOf(e)) {
    case ClockEffect::kPause:
      state.paused_at = at;
      break;
    case ClockEffect::kResume:
      state.paused_at = 0;
      break;
    case ClockEffect::kNone:
      break;
  }
  switch (e.kind_case()) {
    case K::kRegisteredOnline: {
      const auto& r = e.registered_online();
      state.status = v1::STATUS_REGISTERED_ONLINE;
      state.channel = v1::CHANNEL_ONLINE;
      state.registered_at = at;
      state.procedure = catalog.IndexOf(r.procedure_code());
      ObserveDocuments(r.documents(), state);
      break;
    }
    case K::kReceived: {
      const auto& r = e.received();
      state.status = v1::STATUS_RECEIVED;
      state.channel = static_cast<std::uint8_t>(r.channel());
      state.received_at = at;
      state.clock_start = Seconds(r.clock_start());
      state.original_appointment_at = Seconds(r.appointment_at());
      SetAppointment(Seconds(r.appointment_at()), r.appointment_provisional(), state);
      state.procedure = catalog.IndexOf(r.procedure_code());
      state.holder_unit = names.Intern(r.reception_unit().empty() ? r.unit() : r.reception_unit());
      state.holder_user = names.Intern(e.actor());
      state.process_version = ProcessVersionOf(catalog, state.procedure, r.process_from());
      ObserveDocuments(r.documents(), state);
      break;
    }
    case K::kRefused: {
      const auto& r = e.refused();
      if (!state.exists()) {
        state.channel = static_cast<std::uint8_t>(r.channel());
        state.procedure = catalog.IndexOf(r.procedure_code());
      }
      Finish(at, v1::STATUS_REFUSED, state);
      break;
    }
    case K::kHandedOver: {
      const auto& h = e.handed_over();
      if (state.status != v1::STATUS_RESULT_READY) state.status = v1::STATUS_PROCESSING;
      if (state.handovers < 255) ++state.handovers;
      state.all_handovers_electronic = state.all_handovers_electronic && h.electronic();
      state.holder_unit = names.Intern(h.to_unit());
      state.holder_user = names.Intern(h.to_user());
      break;
    }
    case K::kSupplementRequested:
      state.resume_status = state.status;
      state.status = v1::STATUS_SUPPLEMENT_REQUESTED;
      if (state.supplement_requests < 255) ++state.supplement_requests;
      if (e.supplement_requested().late()) state.supplement_requested_late = true;
      break;
    case K::kSupplemented: {
      const auto& s = e.supplemented();
      state.status = state.resume_status;
      SetAppointment(Seconds(s.appointment_after()), s.appointment_provisional(), state);
      if (s.has_citizen_appointment_after()) {
        SetCitizenAppointment(Seconds(s.citizen_appointment_after()), state);
      }
      if (s.has_extended_appointment_after()) {
        state.extended_appointment_at = Seconds(s.extended_appointment_after());
      }
      ObserveDocuments(s.documents(), state);
      break;
    }
    case K::kFeeRequested: {
      const auto& f = e.fee_requested();
      state.fee_requested = true;
      state.fee_vnd = f.amount_vnd();
      state.resume_status = state.status;
      state.status = v1::STATUS_FEE_REQUESTED;
      state.fee_pauses_clock = f.pauses_clock();
      break;
    }
    case K::kFeePaid: {
      const auto& p = e.fee_paid();
      state.payment_method = static_cast<std::uint8_t>(p.method());
      if (state.fee_vnd == 0) state.fee_vnd = p.amount_vnd();
      if (state.status == v1::STATUS_FEE_REQUESTED) state.status = state.resume_status;
      if (p.has_appointment_after()) {
        SetAppointment(Seconds(p.appointment_after()), p.appointment_provisional(), state);
      }
      if (p.has_citizen_appointment_after()) {
        SetCitizenAppointment(Seconds(p.citizen_appointment_after()), state);
      }
      if (p.has_extended_appointment_after()) {
        state.extended_appointment_at = Seconds(p.extended_appointment_after());
      }
      break;
    }
    case K::kStopped:
      Finish(at, v1::STATUS_STOPPED, state);
      break;
    case K::kWithdrawn:
      Finish(at, v1::STATUS_WITHDRAWN, state);
      break;
    case K::kResultReady:
      state.result_kind = static_cast<std::uint8_t>(e.result_ready().result_kind());
      Finish(at, v1::STATUS_RESULT_READY, state);
      break;
    case K::kResultReturned:
      state.status = v1::STATUS_RETURNED;
      state.returned_at = at;
      state.return_method = static_cast<std::uint8_t>(e.result_returned().method());
      break;
    case K::kApologyIssued:
      state.apologized = true;
      state.extended_appointment_at = Seconds(e.apology_issued().new_appointment_at());
      // The new appointment is a new deadline to watch: an overdue alert
      // already raised for the old one does not stand for it.
      state.alerts_raised &= static_cast<std::uint8_t>(~AlertBit(v1::ALERT_KIND_OVERDUE));
      break;
    case K::kRated:
      state.satisfaction = static_cast<std::uint8_t>(e.rated().satisfaction());
      state.complaint = e.rated().complaint();
      break;
    case K::kAlertRaised:
      state.alerts_raised |= AlertBit(e.alert_raised().kind());
      break;
    case K::kRetimed:
      SetAppointment(Seconds(e.retimed().appointment_after()),
                     e.retimed().appointment_provisional(), state);
      if (e.retimed().has_citizen_appointment_after()) {
        SetCitizenAppointment(Seconds(e.retimed().citizen_appointment_after()), state);
      }
      break;
    case K::kCalendarChanged:
    case K::KIND_NOT_SET:
      break;
  }
}

}  // namespace motcua::dossier

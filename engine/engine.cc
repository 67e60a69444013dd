#include "engine/engine.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/command_fields.h"
#include "engine/catalog/internal_process.h"
#include "engine/command_target.h"
#include "engine/dossier/apology_rules.h"
#include "engine/dossier/appointment.h"
#include "engine/dossier/lifecycle.h"
#include "engine/dossier/names.h"
#include "engine/dossier/process_steps.h"
#include "engine/dossier/rule_set.h"

namespace motcua::engine {

namespace {

using dossier::DossierState;
using K = v1::Event::KindCase;

constexpr std::uint64_t kForeign = std::uint64_t{1} << 63;
// 2000-01-01: codes carry a two-digit year, so no code day precedes it.
constexpr LocalDays kCodeEpoch{cal::days{10957}};

Status NotFound(std::string_view code) {
  return Status(Error::kNotFound, "không tìm thấy hồ sơ " + QuoteForMessage(code));
}

LocalDays VietnamDay(Instant t) { return cal::floor<cal::days>(ToVietnam(t)); }

}  // namespace

Engine::Engine(EngineOptions options, std::shared_ptr<const catalog::Catalog> catalog,
               std::shared_ptr<const calendar::WorkingCalendar> calendar, SecretSource& secrets)
    : options_(std::move(options)),
      catalog_(std::move(catalog)),
      calendar_(std::move(calendar)),
      secrets_(secrets) {}

void Engine::SetCalendar(std::shared_ptr<const calendar::WorkingCalendar> calendar) {
  calendar_ = std::move(calendar);
}

std::uint32_t Engine::IdOf(std::string_view code) const {
  if (auto parsed = dossier::ParseCode(code)) {
    std::uint32_t unit = units_.Find(parsed->unit);
    if (unit != 0 && dossier::IsCanonical(*parsed, code)) {
      std::uint64_t key = (std::uint64_t{unit} << 48) |
                          (static_cast<std::uint64_t>((parsed->day - kCodeEpoch).count()) << 28) |
                          parsed->sequence;
      auto it = ids_.find(key);
      return it == ids_.end() ? kNoDossier : it->second;
    }
  }
  auto it = foreign_ids_.find(std::string(code));
  return it == foreign_ids_.end() ? kNoDossier : it->second;
}

std::uint32_t Engine::Create(const std::string& code) {
  auto id = static_cast<std::uint32_t>(states_.size());
  std::uint64_t key = 0;
  auto parsed = dossier::ParseCode(code);
  if (parsed && parsed->sequence < (1u << 28) && parsed->day >= kCodeEpoch &&
      units_.size() < (1u << 15) && dossier::IsCanonical(*parsed, code)) {
    std::uint64_t unit = units_.Intern(parsed->unit);
    key = (unit << 48) | (static_cast<std::uint64_t>((parsed->day - kCodeEpoch).count()) << 28) |
          parsed->sequence;
    ids_.emplace(key, id);
    sequencer_.Observe(std::string(parsed->unit), parsed->day, parsed->sequence);
  } else {
    key = kForeign | foreign_codes_.size();
    foreign_codes_.push_back(code);
    foreign_ids_.emplace(code, id);
  }
  keys_.push_back(key);
  states_.emplace_back();
  return id;
}

std::string Engine::CodeOf(std::uint32_t id) const {
  std::uint64_t key = keys_[id];
  if (key & kForeign) return foreign_codes_[key & ~kForeign];
  auto unit = static_cast<std::uint32_t>(key >> 48);
  LocalDays day = kCodeEpoch + cal::days((key >> 28) & ((1u << 20) - 1));
  return dossier::FormatCode(units_.Get(unit), day, static_cast<std::uint32_t>(key & ((1u << 28) - 1)));
}

const DossierState* Engine::Find(std::string_view code) const {
  std::uint32_t id = IdOf(code);
  return id == kNoDossier ? nullptr : &states_[id];
}

void Engine::ForEach(
    const std::function<void(const std::string&, const DossierState&)>& visit) const {
  for (std::uint32_t id = 0; id < states_.size(); ++id) visit(CodeOf(id), states_[id]);
}

EngineImage Engine::Image() const {
  EngineImage image;
  image.names.reserve(names_.size());
  for (std::uint32_t id = 1; id < names_.size(); ++id) image.names.push_back(names_.Get(id));
  for (std::uint32_t id = 1; id < units_.size(); ++id) image.units.push_back(units_.Get(id));
  image.counters = sequencer_.Counters();
  image.keys = keys_;
  image.foreign_codes = foreign_codes_;
  image.states = states_;
  return image;
}

namespace {

// Names as an image lists them: each non-empty and listed once, so that
// interning them in order gives each the id it had.
bool DistinctNames(const std::vector<std::string>& names) {
  std::unordered_set<std::string_view> seen;
  for (const std::string& name : names) {
    if (name.empty() || !seen.insert(name).second) return false;
  }
  return true;
}

}  // namespace

Status Engine::Restore(EngineImage image) {
  if (!states_.empty() || names_.size() != 1 || units_.size() != 1) {
    return Status(Error::kInvalidArgument, "an image is restored into an empty engine only");
  }
  // Everything is checked before anything changes: a refused image leaves
  // the engine empty, ready for a whole replay.
  const auto corrupt = [](const std::string& what) {
    return Status(Error::kCorrupt, "engine image: " + what);
  };
  if (!DistinctNames(image.names)) return corrupt("a name is empty or repeated");
  if (!DistinctNames(image.units)) return corrupt("a unit is empty or repeated");
  if (image.keys.size() != image.states.size()) return corrupt("keys and states differ in count");
  const std::size_t names = image.names.size() + 1;  // id 0: the empty name
  for (const DossierState& state : image.states) {
    if (state.holder_unit >= names || state.holder_user >= names) {
      return corrupt("a holder's name is out of range");
    }
  }
  std::unordered_map<std::uint64_t, std::uint32_t> ids;
  std::unordered_map<std::string, std::uint32_t> foreign_ids;
  ids.reserve(image.keys.size());
  for (std::uint32_t id = 0; id < image.keys.size(); ++id) {
    const std::uint64_t key = image.keys[id];
    if (key & kForeign) {
      const std::uint64_t index = key & ~kForeign;
      if (index >= image.foreign_codes.size() ||
          !foreign_ids.emplace(image.foreign_codes[index], id).second) {
        return corrupt("a foreign code is out of range or repeated");
      }
    } else if ((key >> 48) == 0 || (key >> 48) > image.units.size() ||
               !ids.emplace(key, id).second) {
      return corrupt("a code's unit is out of range, or the code is repeated");
    }
  }
  if (foreign_ids.size() != image.foreign_codes.size()) return corrupt("a foreign code is unused");

  for (const std::string& name : image.names) names_.Intern(name);
  for (const std::string& unit : image.units) units_.Intern(unit);
  for (const dossier::CodeSequencer::Counter& c : image.counters) {
    sequencer_.Observe(c.unit, c.day, c.last);
  }
  ids_ = std::move(ids);
  foreign_ids_ = std::move(foreign_ids);
  keys_ = std::move(image.keys);
  foreign_codes_ = std::move(image.foreign_codes);
  states_ = std::move(image.states);
  return Status::Ok();
}

Status Engine::Replay(const v1::Event& event) {
  if (event.kind_case() == K::kCalendarChanged) return Status::Ok();
  std::uint32_t id = IdOf(event.dossier_code());
  DossierState fresh;
  const DossierState& before = id == kNoDossier ? fresh : states_[id];
  if (Status s = dossier::CheckTransition(before, event, /*catalog=*/nullptr); !s.ok()) {
    return Status(Error::kCorrupt, "sự kiện số " + std::to_string(event.seq()) +
                                       " trái quy trình: " + s.message());
  }
  if (id == kNoDossier) id = Create(event.dossier_code());
  dossier::Apply(event, *catalog_, names_, states_[id]);
  return Status::Ok();
}

std::string Engine::NewCode(Instant at, CommitBatch& batch) {
  LocalDays day = VietnamDay(at);
  std::uint32_t last = sequencer_.Last(options_.unit_code, day);
  batch.counters_before.push_back({options_.unit_code, day, last});
  std::uint32_t next = sequencer_.Next(options_.unit_code, day);
  batch.counters.push_back({options_.unit_code, day, next});
  return dossier::FormatCode(options_.unit_code, day, next);
}

Result<v1::Event> Engine::BuildEvent(const v1::Command& c, Instant now,
                                     std::string* lookup_secret) {
  using C = v1::Command::KindCase;
  // Before any lookup: a missing field is the caller's to fix, whatever the
  // dossier (an empty procedure code is not an unknown procedure).
  MOTCUA_RETURN_IF_ERROR(CheckRequiredFields(c));
  v1::Event e;
  SetInstant(now, e.mutable_at());
  e.set_actor(c.actor());
  const std::string& code = TargetCode(c);
  e.set_dossier_code(code);
  const DossierState* state = nullptr;
  if (!code.empty()) {
    state = Find(code);
    if (state == nullptr) return NotFound(code);
  }

  switch (c.kind_case()) {
    case C::kRegisterOnline: {
      const auto& r = c.register_online();
      auto* ev = e.mutable_registered_online();
      ev->set_procedure_code(r.procedure_code());
      *ev->mutable_applicant() = r.applicant();
      *ev->mutable_documents() = r.documents();
      ev->set_sets(r.sets());
      break;
    }
    case C::kReceive: {
      const auto& r = c.receive();
      auto* ev = e.mutable_received();
      ev->set_procedure_code(r.procedure_code());  // FillDerived defaults it
      *ev->mutable_applicant() = r.applicant();
      ev->set_channel(r.channel());
      *ev->mutable_documents() = r.documents();
      ev->set_sets(r.sets() == 0 ? 1 : r.sets());
      ev->set_unit(options_.unit_code);
      ev->set_lookup_secret(secrets_.NewLookupSecret());
      *lookup_secret = ev->lookup_secret();
      break;  // clock start and appointment: FillDerived
    }
    case C::kRefuse: {
      const auto& r = c.refuse();
      auto* ev = e.mutable_refused();
      ev->set_reason(r.reason());
      if (code.empty()) {
        ev->set_procedure_code(r.procedure_code());
        *ev->mutable_applicant() = r.applicant();
        ev->set_channel(r.channel());
        ev->set_unit(options_.unit_code);
      }
      break;
    }
    case C::kHandOver: {
      const auto& h = c.hand_over();
      MOTCUA_RETURN_IF_ERROR(CheckRecipient(h.to_unit(), h.to_user()));
      auto* ev = e.mutable_handed_over();
      ev->set_from_unit(!h.from_unit().empty()          ? h.from_unit()
                        : state->holder_unit != 0 ? names_.Get(state->holder_unit)
                                                  : options_.unit_code);
      ev->set_from_user(c.actor());
      ev->set_to_unit(h.to_unit());
      ev->set_to_user(h.to_user());
      ev->set_electronic(h.electronic());
      ev->set_note(h.note());
      break;
    }
    case C::kRequestSupplement: {
      auto* ev = e.mutable_supplement_requested();
      ev->set_reason(c.request_supplement().reason());
      *ev->mutable_documents() = c.request_supplement().documents();
      break;
    }
    case C::kSupplement:
      *e.mutable_supplemented()->mutable_documents() = c.supplement().documents();
      break;  // the new appointment: FillDerived
    case C::kRequestFee: {
      auto* ev = e.mutable_fee_requested();
      ev->set_amount_vnd(c.request_fee().amount_vnd());
      ev->set_note(c.request_fee().note());
      ev->set_pauses_clock(options_.fee_wait_pauses_clock);
      break;
    }
    case C::kRecordPayment: {
      const auto& p = c.record_payment();
      auto* ev = e.mutable_fee_paid();
      ev->set_amount_vnd(p.amount_vnd() != 0 ? p.amount_vnd() : state->fee_vnd);
      ev->set_method(p.method());
      ev->set_receipt_number(p.receipt_number());
      break;
    }
    case C::kStop:
      e.mutable_stopped()->set_reason(c.stop().reason());
      break;
    case C::kWithdraw:
      e.mutable_withdrawn()->set_reason(c.withdraw().reason());
      break;
    case C::kMarkResultReady: {
      auto* ev = e.mutable_result_ready();
      ev->set_result_kind(c.mark_result_ready().result_kind());
      ev->set_result_number(c.mark_result_ready().result_number());
      ev->set_note(c.mark_result_ready().note());
      break;
    }
    case C::kReturnResult:
      e.mutable_result_returned()->set_method(c.return_result().method());
      e.mutable_result_returned()->set_received_by(c.return_result().received_by());
      break;
    case C::kApologize: {
      const auto& a = c.apologize();
      // The lifecycle refuses a second apology or a closed dossier first.
      if (a.has_new_appointment_at() && state->procedure < catalog_->size() && state->open() &&
          !state->apologized) {
        if (Status s = dossier::CheckNewAppointment(*calendar_, catalog_->at(state->procedure),
                                                    *state, now, ToInstant(a.new_appointment_at()));
            !s.ok()) {
          // Worded as the lifecycle's refusals: the dossier, the action, why.
          return Status(s.code(), "hồ sơ " + QuoteForMessage(code) + ", " +
                                      std::string(dossier::ActionName(K::kApologyIssued)) + ": " +
                                      s.message());
        }
      }
      auto* ev = e.mutable_apology_issued();
      ev->set_reason(a.reason());
      if (a.has_new_appointment_at()) *ev->mutable_new_appointment_at() = a.new_appointment_at();
      ev->set_signed_by(a.signed_by());
      break;
    }
    case C::kRate: {
      auto* ev = e.mutable_rated();
      ev->set_satisfaction(c.rate().satisfaction());
      ev->set_complaint(c.rate().complaint());
      ev->set_comment(c.rate().comment());
      break;
    }
    case C::KIND_NOT_SET:
      return Status(Error::kBadRequest, "lệnh không có nội dung");
  }
  return e;
}

Status Engine::CheckRecipient(const std::string& unit, const std::string& user) const {
  const std::vector<std::string>& units = recipients_.units;
  if (units.empty() || unit.empty()) return Status::Ok();  // any unit; a missing one: lifecycle
  if (std::find(units.begin(), units.end(), unit) == units.end()) {
    std::string list;
    for (const std::string& u : units) list += (list.empty() ? "" : ", ") + u;
    return Status(Error::kInvalidArgument, "không có đơn vị " + QuoteForMessage(unit) +
                                               "; các đơn vị nhận bàn giao: " + list);
  }
  if (user.empty()) return Status::Ok();
  auto it = recipients_.officer_units.find(user);
  if (it == recipients_.officer_units.end() || it->second != unit) {
    std::vector<std::string> officers;
    for (const auto& [name, of] : recipients_.officer_units) {
      if (of == unit) officers.push_back(name);
    }
    std::sort(officers.begin(), officers.end());
    std::string list;
    for (const std::string& o : officers) list += (list.empty() ? "" : ", ") + o;
    return Status(Error::kInvalidArgument,
                  "không có cán bộ " + QuoteForMessage(user) + " thuộc " + QuoteForMessage(unit) +
                      (list.empty() ? "; đơn vị này chưa có cán bộ trong danh sách người dùng"
                                    : "; cán bộ của đơn vị: " + list));
  }
  return Status::Ok();
}

Status Engine::FillDerived(v1::Event& e) {
  const Instant at = ToInstant(e.at());
  if (e.kind_case() == K::kReceived) {
    v1::Received* r = e.mutable_received();
    if (r->unit().empty()) r->set_unit(options_.unit_code);
    if (r->reception_unit().empty()) {
      auto officer = recipients_.officer_units.find(e.actor());
      if (officer != recipients_.officer_units.end()) r->set_reception_unit(officer->second);
    }
    if (r->lookup_secret().empty()) r->set_lookup_secret(secrets_.NewLookupSecret());
    // Accepting an online registration: its procedure unless the event names one.
    if (r->procedure_code().empty()) {
      const DossierState* registered = Find(e.dossier_code());
      if (registered != nullptr && registered->procedure < catalog_->size()) {
        r->set_procedure_code(catalog_->at(registered->procedure).code());
      }
    }
    if (!r->has_appointment_at() || !r->has_clock_start()) {
      const v1::Procedure* p = catalog_->Find(r->procedure_code());
      if (p == nullptr) {
        return Status(Error::kNotFound,
                      "không có thủ tục mã " + QuoteForMessage(r->procedure_code()) +
                          " trong danh mục");
      }
      MOTCUA_ASSIGN_OR_RETURN(dossier::ReceiptClock clock,
                              dossier::ClockAtReceipt(*calendar_, *p, at));
      SetInstant(clock.clock_start, r->mutable_clock_start());
      SetInstant(clock.appointment.at, r->mutable_appointment_at());
      r->set_appointment_provisional(clock.appointment.provisional);
    }
  } else if (e.kind_case() == K::kSupplementRequested) {
    MOTCUA_RETURN_IF_ERROR(FillSupplementRequestLimit(e));
  } else if (dossier::ClockEffectOf(e) == dossier::ClockEffect::kResume) {
    // The wait for the citizen ends: the appointment moves by the working
    // time it took (appointment.h), unless an imported event states it.
    const bool stated = e.kind_case() == K::kSupplemented ? e.supplemented().has_appointment_after()
                                                          : e.fee_paid().has_appointment_after();
    const DossierState* state = Find(e.dossier_code());
    if (stated || state == nullptr || !state->paused() || state->procedure >= catalog_->size()) {
      return FillStep(e);
    }
    MOTCUA_ASSIGN_OR_RETURN(
        dossier::DeadlineClock clock,
        dossier::Advance(*calendar_, catalog_->at(state->procedure),
                         FromUnixSeconds(state->received_at), dossier::ClockOf(*state), e));
    // The appointment an apology promised waits for the citizen too.
    google::protobuf::Timestamp extended;
    if (state->apologized && state->extended_appointment_at != 0) {
      MOTCUA_ASSIGN_OR_RETURN(
          calendar::Due moved,
          dossier::AfterPause(*calendar_,
                              calendar::Due{FromUnixSeconds(state->extended_appointment_at)},
                              FromUnixSeconds(state->paused_at), ToInstant(e.at())));
      SetInstant(moved.at, &extended);
    }
    google::protobuf::Timestamp citizen;
    if (clock.citizen) SetInstant(*clock.citizen, &citizen);
    if (e.kind_case() == K::kSupplemented) {
      v1::Supplemented* s = e.mutable_supplemented();
      SetSeconds(state->appointment_at, s->mutable_appointment_before());
      SetInstant(clock.appointment.at, s->mutable_appointment_after());
      s->set_appointment_provisional(clock.appointment.provisional);
      if (extended.seconds() != 0) *s->mutable_extended_appointment_after() = extended;
      if (citizen.seconds() != 0) *s->mutable_citizen_appointment_after() = citizen;
    } else {
      v1::FeePaid* p = e.mutable_fee_paid();
      SetInstant(clock.appointment.at, p->mutable_appointment_after());
      p->set_appointment_provisional(clock.appointment.provisional);
      if (extended.seconds() != 0) *p->mutable_extended_appointment_after() = extended;
      if (citizen.seconds() != 0) *p->mutable_citizen_appointment_after() = citizen;
    }
  }
  return FillStep(e);
}

Status Engine::FillSupplementRequestLimit(v1::Event& e) {
  v1::SupplementRequested* r = e.mutable_supplement_requested();
  if (r->has_request_limit_at()) return Status::Ok();  // imported as decided
  const DossierState* state = Find(e.dossier_code());
  if (state == nullptr || state->clock_start == 0) return Status::Ok();  // CheckTransition refuses
  // The law's time for asking, from the clock start (rule_set.h).
  const dossier::SupplementationRule rule =
      dossier::SupplementationRuleOf(dossier::RuleSetFor(FromUnixSeconds(state->received_at)));
  MOTCUA_ASSIGN_OR_RETURN(
      Instant limit,
      calendar_->AddWorkingTime(FromUnixSeconds(state->clock_start), rule.request_limit));
  SetInstant(limit, r->mutable_request_limit_at());
  r->set_late(ToInstant(e.at()) > limit);
  return Status::Ok();
}

Status Engine::FillStep(v1::Event& e) {
  if (e.has_step()) return Status::Ok();  // imported with its steps
  const DossierState* state = Find(e.dossier_code());
  const DossierState fresh;
  const v1::InternalProcess* process = nullptr;
  if (e.kind_case() == K::kReceived) {
    // The version in force on the day of receipt, kept for the dossier's life.
    v1::Received* r = e.mutable_received();
    const v1::Procedure* p = catalog_->Find(r->procedure_code());
    if (p == nullptr) return Status::Ok();  // CheckTransition names it
    if (r->process_from().empty()) {
      const LocalDays day = VietnamDay(ToInstant(e.at()));
      if (const v1::InternalProcess* in_force = catalog::ProcessInForce(*p, day)) {
        r->set_process_from(in_force->effective_from());
      }
    }
    process = catalog::ProcessFrom(*p, r->process_from());
  } else if (state != nullptr && state->process_version != 0 &&
             state->procedure < catalog_->size()) {
    process = &catalog_->at(state->procedure).processes(state->process_version - 1);
  }
  MOTCUA_ASSIGN_OR_RETURN(std::optional<v1::StepChange> change,
                          dossier::StepChangeFor(*calendar_, process, state ? *state : fresh, e));
  if (change && change->ended() != 0 && state != nullptr) {
    // Who held the step that ended: the per-unit and per-officer figures.
    change->set_ended_unit(names_.Get(state->holder_unit));
    change->set_ended_user(names_.Get(state->holder_user));
  }
  if (change) *e.mutable_step() = std::move(*change);
  return Status::Ok();
}

Status Engine::Accept(v1::Event event, bool allocate_code, CommitBatch& batch) {
  const std::size_t counters_mark = batch.counters_before.size();
  auto undo_counters = [&] {
    while (batch.counters_before.size() > counters_mark) {
      const auto& c = batch.counters_before.back();
      sequencer_.Reset(c.unit, c.day, c.last);
      batch.counters_before.pop_back();
      batch.counters.pop_back();
    }
  };
  if (allocate_code) event.set_dossier_code(NewCode(ToInstant(event.at()), batch));

  std::uint32_t id = IdOf(event.dossier_code());
  DossierState fresh;
  const DossierState& before = id == kNoDossier ? fresh : states_[id];
  if (Status s = dossier::CheckTransition(before, event, catalog_.get()); !s.ok()) {
    undo_counters();
    return s;
  }
  const bool created = id == kNoDossier;
  if (created) {
    // An imported code in our format raises its day's counter (Create
    // observes it), so that no later code repeats it; record the change so
    // the log keeps it and a rollback undoes it.
    std::optional<dossier::ParsedCode> parsed;
    if (!allocate_code) parsed = dossier::ParseCode(event.dossier_code());
    std::uint32_t last_before = 0;
    if (parsed) last_before = sequencer_.Last(std::string(parsed->unit), parsed->day);
    id = Create(event.dossier_code());
    if (parsed) {
      std::string unit(parsed->unit);
      batch.counters_before.push_back({unit, parsed->day, last_before});
      batch.counters.push_back({unit, parsed->day, sequencer_.Last(unit, parsed->day)});
    }
  }
  batch.undo.push_back({id, created, states_[id]});
  dossier::Apply(event, *catalog_, names_, states_[id]);

  PendingEvent& pending = batch.events.emplace_back();
  pending.event = std::move(event);
  pending.state_before = batch.undo.back().before;
  pending.state_after = states_[id];
  pending.holder_unit = names_.Get(states_[id].holder_unit);
  pending.holder_user = names_.Get(states_[id].holder_user);
  if (states_[id].procedure < catalog_->size()) {
    pending.procedure_code = catalog_->at(states_[id].procedure).code();
  }
  return Status::Ok();
}

Result<CommandOutcome> Engine::Execute(const v1::Command& command, Instant now,
                                       CommitBatch& batch) {
  if (command.actor().empty()) {
    return Status(Error::kUnauthenticated, "lệnh không có người thực hiện");
  }
  CommandOutcome outcome;
  MOTCUA_ASSIGN_OR_RETURN(v1::Event event, BuildEvent(command, now, &outcome.lookup_secret));
  MOTCUA_RETURN_IF_ERROR(FillDerived(event));
  const bool allocate = event.dossier_code().empty();
  outcome.first_event = batch.events.size();
  MOTCUA_RETURN_IF_ERROR(Accept(std::move(event), allocate, batch));
  outcome.event_count = batch.events.size() - outcome.first_event;
  outcome.dossier_code = batch.events[outcome.first_event].event.dossier_code();
  return outcome;
}

Status Engine::Import(v1::Event event, CommitBatch& batch) {
  if (event.seq() != 0) {
    return Status(Error::kInvalidArgument, "sự kiện nhập không được mang số thứ tự (seq)");
  }
  if (event.kind_case() == K::kCalendarChanged) {
    batch.events.emplace_back().event = std::move(event);
    batch.undo.push_back({kNoDossier, false, DossierState{}});
    return Status::Ok();
  }
  if (event.dossier_code().empty()) return Status(Error::kInvalidArgument, "thiếu mã hồ sơ");
  if (event.actor().empty()) return Status(Error::kInvalidArgument, "thiếu người thực hiện");
  MOTCUA_RETURN_IF_ERROR(FillDerived(event));
  return Accept(std::move(event), /*allocate_code=*/false, batch);
}

void Engine::Committed(CommitBatch& batch) {
  batch.undo.clear();
  batch.counters_before.clear();
}

void Engine::Rollback(CommitBatch& batch) {
  for (auto it = batch.undo.rbegin(); it != batch.undo.rend(); ++it) {
    if (it->dossier == kNoDossier) continue;
    if (it->created) {
      // Created dossiers are the newest ids, undone newest first.
      std::uint64_t key = keys_.back();
      if (key & kForeign) {
        foreign_ids_.erase(foreign_codes_.back());
        foreign_codes_.pop_back();
      } else {
        ids_.erase(key);
      }
      keys_.pop_back();
      states_.pop_back();
    } else {
      states_[it->dossier] = it->before;
    }
  }
  for (auto it = batch.counters_before.rbegin(); it != batch.counters_before.rend(); ++it) {
    sequencer_.Reset(it->unit, it->day, it->last);
  }
  batch.clear();
}

}  // namespace motcua::engine

#include "tools/workload/workload.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "engine/base/proto_time.h"

namespace motcua::workload {

namespace {

enum class Action {
  kRegister,
  kReceive,
  kRefuse,
  kAccept,
  kHandOverToSpecialist,
  kRequestSupplement,
  kSupplement,
  kRequestFee,
  kPay,
  kHandOverToLeader,
  kReady,
  kReturn,
  kRate,
  kWithdraw,
  kStop,
};

constexpr const char* kReception = "tiepnhan01";
constexpr const char* kLeader = "chutich01";
constexpr const char* kPortal = "cong-dvc";

const char* const kDocumentNames[] = {"Tờ khai", "Căn cước công dân", "Giấy chứng sinh",
                                      "Sổ hộ khẩu", "Giấy xác nhận cư trú", "Văn bản ủy quyền"};
const char* const kFamilyNames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
const char* const kGivenNames[] = {"Văn An", "Thị Bình", "Minh Châu", "Đức Dũng", "Thu Hà",
                                   "Quang Huy", "Ngọc Lan", "Hữu Phúc"};

}  // namespace

struct Workload::Plan {
  std::uint32_t procedure = 0;
  v1::Channel channel = v1::CHANNEL_COUNTER;
  std::vector<Action> actions;
  std::size_t next = 0;
  double finish_fraction = 0.5;  // of the working time from receipt to appointment
  bool electronic_result = true;
  bool paper_handover = false;
  v1::PaymentMethod payment = v1::PAYMENT_METHOD_CASH;
  bool dissatisfied = false;
  int documents = 1;
  bool reused = false;
  bool digitized = false;
  std::string applicant;
  std::string code;
  Instant received{};
  Instant appointment{};
  Instant last{};
  bool abandoned = false;
};

Specialist SpecialistOf(const v1::Procedure& procedure) {
  std::string unit;
  if (!procedure.processes().empty()) {
    const v1::InternalProcess& latest = *procedure.processes().rbegin();
    if (latest.steps_size() >= 2) unit = latest.steps(1).unit();
  }
  if (unit.empty()) {
    const std::string& field = procedure.field();
    unit = field == "Hộ tịch" || field == "Chứng thực" ? "Tư pháp - Hộ tịch"
           : field == "Đất đai"                        ? "Địa chính - Xây dựng"
                                                       : "Văn hóa - Xã hội";
  }
  const std::string user = unit == "Tư pháp - Hộ tịch"      ? "tuphap01"
                           : unit == "Địa chính - Xây dựng" ? "diachinh01"
                           : unit == "Văn hóa - Xã hội"     ? "vanhoa01"
                           : unit == "Bộ phận Một cửa"      ? kReception
                                                            : kLeader;
  return {unit, user};
}

Workload::Workload(const WorkloadOptions& options, const catalog::Catalog& catalog,
                   const calendar::WorkingCalendar& calendar)
    : options_(options), catalog_(catalog), calendar_(calendar), rng_(options.seed) {
  for (std::uint32_t i = 0; i < catalog.size(); ++i) {
    if (catalog.at(i).receivable()) receivable_.push_back(i);
  }
  plans_.resize(receivable_.empty() ? 0 : options.dossiers);
  const std::int64_t first = ToUnixSeconds(options.first_receipt);
  const std::int64_t span = std::max<std::int64_t>(1, ToUnixSeconds(options.last_receipt) - first);
  for (std::uint32_t d = 0; d < plans_.size(); ++d) {
    Plan& p = plans_[d];
    p.procedure = receivable_[Random() % receivable_.size()];
    double channel = Uniform();
    p.channel = channel < options.online_share ? v1::CHANNEL_ONLINE
                : channel < options.online_share + options.post_share ? v1::CHANNEL_POST
                                                                      : v1::CHANNEL_COUNTER;
    p.applicant = std::string(kFamilyNames[Random() % 8]) + " " + kGivenNames[Random() % 8];
    p.documents = 1 + static_cast<int>(Random() % 3);
    p.reused = Chance(options.reused_document_share);
    p.digitized = Chance(options.digitized_document_share);
    p.electronic_result = Chance(options.electronic_result_share);
    p.paper_handover = !Chance(options.electronic_handover_share);
    p.payment = Chance(options.online_payment_share)
                    ? (Chance(0.7) ? v1::PAYMENT_METHOD_NATIONAL_PORTAL
                                   : v1::PAYMENT_METHOD_PROVINCIAL_GATEWAY)
                    : v1::PAYMENT_METHOD_CASH;
    p.dissatisfied = Chance(options.dissatisfied_share);
    double finish = Uniform();
    p.finish_fraction = finish < options.late_share ? 1.15 + Uniform() * 0.5
                        : finish < options.late_share + options.on_the_day_share
                            ? 0.97 + Uniform() * 0.03
                            : 0.15 + Uniform() * 0.6;

    if (p.channel == v1::CHANNEL_ONLINE) p.actions.push_back(Action::kRegister);
    double fate = Uniform();
    if (options.keep_open) fate = 1.0;  // the regular path, cut before the result below
    if (fate < options.refused_share) {
      p.actions.push_back(Action::kRefuse);
    } else {
      p.actions.push_back(p.channel == v1::CHANNEL_ONLINE ? Action::kAccept : Action::kReceive);
      p.actions.push_back(Action::kHandOverToSpecialist);
      if (fate < options.refused_share + options.withdrawn_share) {
        p.actions.push_back(Action::kWithdraw);
      } else if (fate < options.refused_share + options.withdrawn_share + options.stopped_share) {
        p.actions.push_back(Action::kStop);
      } else {
        if (Chance(options.supplement_share)) {
          p.actions.push_back(Action::kRequestSupplement);
          p.actions.push_back(Action::kSupplement);
          if (Chance(options.second_supplement_share / std::max(options.supplement_share, 1e-9))) {
            p.actions.push_back(Action::kRequestSupplement);
            p.actions.push_back(Action::kSupplement);
          }
        }
        const v1::Procedure& proc = catalog.at(p.procedure);
        if (proc.has_fee_vnd() && proc.fee_vnd() > 0) {
          p.actions.push_back(Action::kRequestFee);
          p.actions.push_back(Action::kPay);
        }
        p.actions.push_back(Action::kHandOverToLeader);
        if (!options.keep_open) {
          p.actions.push_back(Action::kReady);
          p.actions.push_back(Action::kReturn);
          if (Chance(options.rated_share)) p.actions.push_back(Action::kRate);
        }
      }
    }
    Instant at = FromUnixSeconds(first + static_cast<std::int64_t>(Random() % static_cast<std::uint64_t>(span)));
    // The counter and the post room only work in office hours; the portal always.
    if (p.channel != v1::CHANNEL_ONLINE) {
      if (auto open = calendar_.ClockStart(at); open.ok()) at = *open;
    }
    Schedule(d, at);
  }
}

Workload::~Workload() = default;

std::uint64_t Workload::Random() {
  // SplitMix64: tiny, fast, and the same sequence on every platform.
  std::uint64_t z = (rng_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double Workload::Uniform() { return static_cast<double>(Random() >> 11) * 0x1.0p-53; }

void Workload::Schedule(std::uint32_t dossier, Instant at) {
  if (options_.stop_at && at > *options_.stop_at) return;  // stays open at the horizon
  plans_[dossier].last = at;
  queue_.push({ToUnixSeconds(at), dossier});
}

Instant Workload::After(Instant from, double working_hours) const {
  auto amount = std::chrono::seconds(static_cast<std::int64_t>(working_hours * 3600));
  auto r = calendar_.AddWorkingTime(from, amount);
  return r.ok() ? *r : from + amount;
}

std::optional<Step> Workload::Next() {
  while (!queue_.empty()) {
    Pending top = queue_.top();
    queue_.pop();
    Plan& plan = plans_[top.dossier];
    if (plan.abandoned || plan.next >= plan.actions.size()) continue;
    Step step;
    step.at = FromUnixSeconds(top.at);
    step.dossier = top.dossier;
    step.command = Build(plan);
    ++steps_;
    return step;
  }
  return std::nullopt;
}

// The level a citizen gives: spread over the five from what the plan already
// drew, not by a new draw, so that a seed keeps giving the same traffic.
v1::Satisfaction Workload::LevelOf(const Plan& p) {
  const std::size_t spread = p.applicant.size() + p.procedure;
  if (p.dissatisfied) {
    return spread % 2 == 0 ? v1::SATISFACTION_DISSATISFIED : v1::SATISFACTION_VERY_DISSATISFIED;
  }
  constexpr std::array<v1::Satisfaction, 4> kContent = {
      v1::SATISFACTION_VERY_SATISFIED, v1::SATISFACTION_SATISFIED, v1::SATISFACTION_SATISFIED,
      v1::SATISFACTION_ACCEPTABLE};
  return kContent[spread % kContent.size()];
}

v1::Command Workload::Build(Plan& p) {
  v1::Command c;
  const v1::Procedure& proc = catalog_.at(p.procedure);
  const Specialist specialist = SpecialistOf(proc);
  auto applicant = [&](v1::Applicant* a) {
    a->set_name(p.applicant);
    a->set_phone("09" + std::to_string(10000000 + Random() % 89999999));
    a->set_id_number("0010" + std::to_string(10000000 + Random() % 89999999));
    a->set_address("xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang");
  };
  auto documents = [&](google::protobuf::RepeatedPtrField<v1::Document>* docs) {
    for (int i = 0; i < p.documents; ++i) {
      v1::Document* d = docs->Add();
      d->set_name(kDocumentNames[(p.procedure + static_cast<std::uint32_t>(i)) % 6]);
      d->set_copies(1);
      d->set_digitized(p.digitized);
      d->set_reused(p.reused && i == p.documents - 1);
    }
  };
  switch (p.actions[p.next]) {
    case Action::kRegister: {
      c.set_actor(kPortal);
      auto* r = c.mutable_register_online();
      r->set_procedure_code(proc.code());
      applicant(r->mutable_applicant());
      documents(r->mutable_documents());
      r->set_sets(1);
      break;
    }
    case Action::kReceive: {
      c.set_actor(kReception);
      auto* r = c.mutable_receive();
      r->set_procedure_code(proc.code());
      applicant(r->mutable_applicant());
      r->set_channel(p.channel);
      documents(r->mutable_documents());
      r->set_sets(1);
      break;
    }
    case Action::kAccept: {
      c.set_actor(kReception);
      auto* r = c.mutable_receive();
      r->set_dossier_code(p.code);
      r->set_channel(v1::CHANNEL_ONLINE);
      break;
    }
    case Action::kRefuse: {
      c.set_actor(kReception);
      auto* r = c.mutable_refuse();
      r->set_reason("Hồ sơ không đúng thẩm quyền giải quyết");
      if (!p.code.empty()) {
        r->set_dossier_code(p.code);
      } else {
        r->set_procedure_code(proc.code());
        applicant(r->mutable_applicant());
        r->set_channel(p.channel);
      }
      break;
    }
    case Action::kHandOverToSpecialist: {
      c.set_actor(kReception);
      auto* h = c.mutable_hand_over();
      h->set_dossier_code(p.code);
      h->set_to_unit(specialist.unit);
      h->set_to_user(specialist.user);
      h->set_electronic(!p.paper_handover);
      break;
    }
    case Action::kHandOverToLeader: {
      c.set_actor(specialist.user);
      auto* h = c.mutable_hand_over();
      h->set_dossier_code(p.code);
      h->set_to_unit("Lãnh đạo UBND xã");
      h->set_to_user(kLeader);
      h->set_electronic(!p.paper_handover);
      break;
    }
    case Action::kRequestSupplement:
      c.set_actor(specialist.user);
      c.mutable_request_supplement()->set_dossier_code(p.code);
      c.mutable_request_supplement()->set_reason("Bổ sung bản sao giấy tờ còn thiếu");
      c.mutable_request_supplement()->add_documents("Bản sao có chứng thực");
      break;
    case Action::kSupplement:
      c.set_actor(kReception);
      c.mutable_supplement()->set_dossier_code(p.code);
      c.mutable_supplement()->add_documents()->set_name("Bản sao có chứng thực");
      break;
    case Action::kRequestFee:
      c.set_actor(kReception);
      c.mutable_request_fee()->set_dossier_code(p.code);
      c.mutable_request_fee()->set_amount_vnd(proc.fee_vnd());
      break;
    case Action::kPay:
      c.set_actor(kReception);
      c.mutable_record_payment()->set_dossier_code(p.code);
      c.mutable_record_payment()->set_amount_vnd(proc.fee_vnd());
      c.mutable_record_payment()->set_method(p.payment);
      break;
    case Action::kReady:
      c.set_actor(kLeader);
      c.mutable_mark_result_ready()->set_dossier_code(p.code);
      c.mutable_mark_result_ready()->set_result_kind(p.electronic_result ? v1::RESULT_KIND_ELECTRONIC
                                                                         : v1::RESULT_KIND_PAPER);
      break;
    case Action::kReturn: {
      c.set_actor(kReception);
      c.mutable_return_result()->set_dossier_code(p.code);
      v1::ReturnMethod method = p.electronic_result ? v1::RETURN_METHOD_ELECTRONIC
                                : p.channel == v1::CHANNEL_POST ? v1::RETURN_METHOD_POST
                                                                : v1::RETURN_METHOD_COUNTER;
      c.mutable_return_result()->set_method(method);
      break;
    }
    case Action::kRate:
      c.set_actor(kReception);
      c.mutable_rate()->set_dossier_code(p.code);
      c.mutable_rate()->set_satisfaction(LevelOf(p));
      break;
    case Action::kWithdraw:
      c.set_actor(kReception);
      c.mutable_withdraw()->set_dossier_code(p.code);
      c.mutable_withdraw()->set_reason("Công dân xin rút hồ sơ");
      break;
    case Action::kStop:
      c.set_actor(kLeader);
      c.mutable_stop()->set_dossier_code(p.code);
      c.mutable_stop()->set_reason("Không đủ điều kiện giải quyết");
      break;
  }
  return c;
}

void Workload::Done(const Step& step, const std::string& code, Instant appointment) {
  Plan& p = plans_[step.dossier];
  if (code.empty()) {
    p.abandoned = true;
    return;
  }
  const Action done = p.actions[p.next++];
  p.code = code;
  p.appointment = appointment;
  if (done == Action::kReceive || done == Action::kAccept) p.received = step.at;
  if (p.next >= p.actions.size()) return;

  const Instant at = step.at;
  Instant next = at;
  switch (p.actions[p.next]) {
    case Action::kAccept:
    case Action::kRefuse:
      next = After(at, 0.5 + Uniform() * 6);
      break;
    case Action::kHandOverToSpecialist:
      next = After(at, 0.1 + Uniform() * 0.9);
      break;
    case Action::kRequestSupplement:
    case Action::kRequestFee:
    case Action::kWithdraw:
    case Action::kStop:
    case Action::kHandOverToLeader:
      next = After(at, 0.25 + Uniform() * 1.5);
      break;
    case Action::kSupplement:
      next = After(at, 2 + Uniform() * 22);
      break;
    case Action::kPay:
      next = After(at, 0.5 + Uniform() * 8);
      break;
    case Action::kReady: {
      std::chrono::seconds total = calendar_.WorkingTimeBetween(p.received, p.appointment);
      auto target_amount = std::chrono::seconds(
          static_cast<std::int64_t>(std::llround(static_cast<double>(total.count()) * p.finish_fraction)));
      auto target = calendar_.AddWorkingTime(p.received, target_amount);
      next = target.ok() ? *target : at;
      if (p.finish_fraction > 1 && next <= p.appointment) next = p.appointment + std::chrono::hours(26);
      if (next <= at) next = After(at, 0.1);
      break;
    }
    case Action::kReturn:
      next = After(at, 0.2 + Uniform() * 12);
      break;
    case Action::kRate:
      next = at + std::chrono::minutes(5);
      break;
    case Action::kRegister:
    case Action::kReceive:
      break;
  }
  Schedule(step.dossier, next);
}

}  // namespace motcua::workload

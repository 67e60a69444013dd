// Builds hand-written dossier histories for the statistics tests: events
// with every time and appointment given explicitly (no calendar arithmetic),
// imported through the engine's own validation into a real store, so each
// figure a test expects can be worked out by hand from the lines it reads.
#ifndef MOTCUA_TESTS_ADAPTERS_METRICS_HAND_HISTORY_H_
#define MOTCUA_TESTS_ADAPTERS_METRICS_HAND_HISTORY_H_

#include <memory>
#include <string>
#include <vector>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/base/proto_time.h"
#include "engine/engine.h"
#include "tests/support/fixtures.h"

namespace motcua::testing {

inline constexpr const char* kUnit = "000.00.07.H06";

// Three procedures: one with a fee and a complete published internal
// process, two fee-free (one whose process lacks who does a step).
inline std::shared_ptr<const catalog::Catalog> StatsCatalog() {
  auto make = [](const char* code, const char* name, std::int64_t fee) {
    v1::Procedure p;
    p.set_code(code);
    p.set_name(name);
    p.mutable_duration()->set_unit(v1::DURATION_UNIT_WORKING_DAYS);
    p.mutable_duration()->set_amount(3);
    p.set_fee_vnd(fee);
    p.set_receivable(true);
    return p;
  };
  std::vector<v1::Procedure> list;
  list.push_back(make("1.001193", "Đăng ký khai sinh", 8000));
  v1::InternalProcess* process = list.back().add_processes();
  process->set_effective_from("2024-01-01");
  for (const char* step : {"Tiếp nhận", "Thẩm định", "Ký duyệt"}) {
    v1::ProcessStep* s = process->add_steps();
    s->set_name(step);
    s->set_unit("Tư pháp - Hộ tịch");
    s->set_working_hours(8);
  }
  list.push_back(make("1.000894", "Đăng ký kết hôn", 0));
  list.push_back(make("2.000635", "Cấp bản sao trích lục hộ tịch", 0));
  // Published only from a day after the periods tested: not in force yet.
  v1::InternalProcess* later = list.back().add_processes();
  later->set_effective_from("2099-01-01");
  later->add_steps()->set_name("Tiếp nhận");
  auto catalog = catalog::Catalog::Build(std::move(list));
  if (!catalog.ok()) throw std::runtime_error(catalog.status().ToString());
  return *catalog;
}

struct Docs {
  bool reused = false;
  bool digitized = false;
};

// Imports events one by one into an engine and commits them to a store.
class HandHistory {
 public:
  explicit HandHistory(const std::string& db_path)
      : catalog_(StatsCatalog()),
        engine_(engine::EngineOptions{kUnit, false}, catalog_, ShippedCalendar(), secrets_) {
    auto log = sqlite::SqliteEventLog::Open(db_path, projections::AllProjections());
    if (!log.ok()) throw std::runtime_error(log.status().ToString());
    log_ = std::move(*log);
  }

  static std::string Code(const char* day_yymmdd, int n) {
    char seq[8];
    std::snprintf(seq, sizeof seq, "%04d", n);
    return std::string(kUnit) + "-" + day_yymmdd + "-" + seq;
  }

  void Registered(const std::string& code, const char* procedure, const char* at, Docs d = {}) {
    v1::Event e = Base(code, at, "cong-dvc");
    auto* r = e.mutable_registered_online();
    r->set_procedure_code(procedure);
    r->mutable_applicant()->set_name("Nguyễn Văn An");
    AddDoc(r->add_documents(), d);
    Import(e);
  }
  void Received(const std::string& code, const char* procedure, v1::Channel channel,
                const char* at, const char* appointment, Docs d = {}) {
    v1::Event e = Base(code, at);
    auto* r = e.mutable_received();
    r->set_procedure_code(procedure);
    r->mutable_applicant()->set_name("Trần Thị Bình");
    r->set_channel(channel);
    AddDoc(r->add_documents(), d);
    SetInstant(Vn(at), r->mutable_clock_start());
    SetInstant(Vn(appointment), r->mutable_appointment_at());
    Import(e);
  }
  void Refused(const std::string& code, const char* procedure, const char* at) {
    v1::Event e = Base(code, at);
    auto* r = e.mutable_refused();
    r->set_reason("Không thuộc thẩm quyền");
    r->set_procedure_code(procedure);
    r->mutable_applicant()->set_name("Lê Văn Cường");
    r->set_channel(v1::CHANNEL_COUNTER);
    Import(e);
  }
  void HandedOver(const std::string& code, const char* at, bool electronic) {
    v1::Event e = Base(code, at);
    e.mutable_handed_over()->set_to_unit("Tư pháp - Hộ tịch");
    e.mutable_handed_over()->set_to_user("chuyenvien01");
    e.mutable_handed_over()->set_electronic(electronic);
    Import(e);
  }
  void SupplementRequested(const std::string& code, const char* at) {
    v1::Event e = Base(code, at);
    e.mutable_supplement_requested()->set_reason("Thiếu bản sao");
    Import(e);
  }
  void Supplemented(const std::string& code, const char* at, const char* before, const char* after) {
    v1::Event e = Base(code, at);
    SetInstant(Vn(before), e.mutable_supplemented()->mutable_appointment_before());
    SetInstant(Vn(after), e.mutable_supplemented()->mutable_appointment_after());
    Import(e);
  }
  void FeeRequested(const std::string& code, const char* at, std::int64_t amount) {
    v1::Event e = Base(code, at);
    e.mutable_fee_requested()->set_amount_vnd(amount);
    Import(e);
  }
  void FeePaid(const std::string& code, const char* at, std::int64_t amount, v1::PaymentMethod m) {
    v1::Event e = Base(code, at);
    e.mutable_fee_paid()->set_amount_vnd(amount);
    e.mutable_fee_paid()->set_method(m);
    Import(e);
  }
  void Apology(const std::string& code, const char* at, const char* new_appointment) {
    v1::Event e = Base(code, at);
    e.mutable_apology_issued()->set_reason("Cần xác minh thêm");
    SetInstant(Vn(new_appointment), e.mutable_apology_issued()->mutable_new_appointment_at());
    Import(e);
  }
  void Retimed(const std::string& code, const char* at, const char* before, const char* after) {
    v1::Event e = Base(code, at, "system");
    SetInstant(Vn(before), e.mutable_retimed()->mutable_appointment_before());
    SetInstant(Vn(after), e.mutable_retimed()->mutable_appointment_after());
    Import(e);
  }
  void ResultReady(const std::string& code, const char* at, v1::ResultKind kind) {
    v1::Event e = Base(code, at, "chutich01");
    e.mutable_result_ready()->set_result_kind(kind);
    Import(e);
  }
  void Returned(const std::string& code, const char* at, v1::ReturnMethod method) {
    v1::Event e = Base(code, at);
    e.mutable_result_returned()->set_method(method);
    Import(e);
  }
  void Withdrawn(const std::string& code, const char* at) {
    v1::Event e = Base(code, at);
    e.mutable_withdrawn()->set_reason("Công dân xin rút");
    Import(e);
  }
  void Rated(const std::string& code, const char* at, v1::Satisfaction s, bool complaint = false) {
    v1::Event e = Base(code, at);
    e.mutable_rated()->set_satisfaction(s);
    e.mutable_rated()->set_complaint(complaint);
    Import(e);
  }

  // Commits everything imported so far.
  void Commit() {
    Status s = log_->Commit(batch_);
    if (!s.ok()) throw std::runtime_error(s.ToString());
    engine_.Committed(batch_);
    batch_.clear();
  }

  const catalog::Catalog& catalog() const { return *catalog_; }
  engine::Engine& engine() { return engine_; }
  sqlite::SqliteEventLog& log() { return *log_; }

 private:
  static v1::Event Base(const std::string& code, const char* at, const char* actor = "tiepnhan01") {
    v1::Event e;
    e.set_dossier_code(code);
    SetInstant(Vn(at), e.mutable_at());
    e.set_actor(actor);
    return e;
  }
  static void AddDoc(v1::Document* doc, Docs d) {
    doc->set_name("Tờ khai");
    doc->set_copies(1);
    doc->set_reused(d.reused);
    doc->set_digitized(d.digitized);
  }
  void Import(v1::Event e) {
    const std::string what = e.DebugString();
    Status s = engine_.Import(std::move(e), batch_);
    if (!s.ok()) throw std::runtime_error(s.ToString() + " importing " + what);
  }

  std::shared_ptr<const catalog::Catalog> catalog_;
  CountingSecrets secrets_;
  engine::Engine engine_;
  std::unique_ptr<sqlite::SqliteEventLog> log_;
  engine::CommitBatch batch_;
};

}  // namespace motcua::testing

#endif  // MOTCUA_TESTS_ADAPTERS_METRICS_HAND_HISTORY_H_

// Workload: a deterministic generator of realistic desk traffic, for tests
// and benchmarks. From a seed, the shipped catalog and the calendar it plays
// the life of N dossiers: counter, post and online receipts; handovers
// (mostly electronic); supplementation on about a tenth; fees paid online or
// in cash; results early, on the day, or late (about one in twenty);
// refusals, withdrawals and stops; ratings.
//
// The workload is interactive: a dossier's later steps depend on the code and
// appointment the engine gave it, so the driver reports each step's outcome
// with Done() before asking for the Next() one.
//
//   Workload w(options, catalog, calendar);
//   while (auto step = w.Next()) {
//     auto out = engine.Execute(step->command, step->at, batch);
//     w.Done(*step, out.ok() ? out->dossier_code : "", appointment_after);
//   }
//
// Not thread-safe. Same seed, catalog and calendar: the same commands.
#ifndef MOTCUA_TOOLS_WORKLOAD_WORKLOAD_H_
#define MOTCUA_TOOLS_WORKLOAD_WORKLOAD_H_

#include <cstdint>
#include <optional>
#include <queue>
#include <string>
#include <vector>

#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/command.pb.h"

namespace motcua::workload {

// Who appraises a dossier of `procedure`: the unit of the second step of
// its latest internal process (the specialist's, after the one-stop's
// reception), or by its field when it has none; and that unit's demo
// officer of data/config/users.json.
struct Specialist {
  std::string unit;
  std::string user;
};
Specialist SpecialistOf(const v1::Procedure& procedure);

struct WorkloadOptions {
  std::uint64_t seed = 766;
  std::size_t dossiers = 1000;
  // Receipts are spread over [first_receipt, last_receipt).
  Instant first_receipt;
  Instant last_receipt;
  // Steps due after this instant are not emitted (those dossiers stay open).
  std::optional<Instant> stop_at;
  // Every dossier stays open: received (or accepted) and handed over, with
  // its supplementation and fee steps, but never refused, withdrawn,
  // stopped or resolved. For benchmarks of what open dossiers cost
  // (tools/bench); the shares below still pick channels, supplements, fees.
  bool keep_open = false;

  double online_share = 0.45;
  double post_share = 0.05;
  double refused_share = 0.01;
  double withdrawn_share = 0.01;
  double stopped_share = 0.01;
  double supplement_share = 0.10;
  double second_supplement_share = 0.02;
  double late_share = 0.05;
  double on_the_day_share = 0.30;  // the rest finish early
  double electronic_handover_share = 0.85;
  double electronic_result_share = 0.70;
  double online_payment_share = 0.60;
  double reused_document_share = 0.50;
  double digitized_document_share = 0.80;
  double rated_share = 0.30;
  double dissatisfied_share = 0.05;
};

struct Step {
  Instant at;
  v1::Command command;  // actor set; dossier_code set for existing dossiers
  std::uint32_t dossier = 0;  // the workload's own index of the dossier
};

class Workload {
 public:
  // `catalog` and `calendar` must outlive the workload.
  Workload(const WorkloadOptions& options, const catalog::Catalog& catalog,
           const calendar::WorkingCalendar& calendar);
  ~Workload();
  Workload(const Workload&) = delete;
  Workload& operator=(const Workload&) = delete;

  // The earliest pending step, or nullopt when every dossier is done.
  std::optional<Step> Next();
  // The engine's answer to `step`: the dossier's code (empty if refused by
  // the engine: the dossier is then abandoned) and its current appointment.
  void Done(const Step& step, const std::string& code, Instant appointment);

  std::size_t steps_emitted() const { return steps_; }

 private:
  struct Plan;
  struct Pending {
    std::int64_t at;
    std::uint32_t dossier;
    bool operator>(const Pending& o) const {
      return at != o.at ? at > o.at : dossier > o.dossier;
    }
  };

  std::uint64_t Random();
  double Uniform();  // [0, 1)
  bool Chance(double p) { return Uniform() < p; }
  void Schedule(std::uint32_t dossier, Instant at);
  Instant After(Instant from, double working_hours) const;
  v1::Command Build(Plan& plan);
  static v1::Satisfaction LevelOf(const Plan& plan);

  WorkloadOptions options_;
  const catalog::Catalog& catalog_;
  const calendar::WorkingCalendar& calendar_;
  std::vector<std::uint32_t> receivable_;
  std::vector<Plan> plans_;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> queue_;
  std::uint64_t rng_;
  std::size_t steps_ = 0;
};

}  // namespace motcua::workload

#endif  // MOTCUA_TOOLS_WORKLOAD_WORKLOAD_H_

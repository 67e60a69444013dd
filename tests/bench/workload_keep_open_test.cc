// WorkloadOptions::keep_open, which the open-dossier benchmark (tools/bench)
// uses to load a million open dossiers: every dossier is received and stays
// open, the traffic still has its online, supplementation and fee steps,
// and the option leaves the default traffic untouched.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "tests/support/fixtures.h"
#include "tools/workload/drive.h"
#include "tools/workload/workload.h"

namespace motcua::workload {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

WorkloadOptions Options(bool keep_open) {
  WorkloadOptions o;
  o.dossiers = 400;
  o.first_receipt = Vn("2025-04-03 00:00");
  o.last_receipt = Vn("2025-04-08 12:00");  // online ones are accepted before the horizon
  o.stop_at = Vn("2025-04-09 16:00");
  o.keep_open = keep_open;
  return o;
}

struct Played {
  std::size_t open = 0;
  std::size_t dossiers = 0;
  std::size_t supplemented = 0;
  std::size_t online = 0;
  std::size_t events = 0;
};

Played Play(const WorkloadOptions& options) {
  ::motcua::testing::CountingSecrets secrets;
  engine::Engine engine(engine::EngineOptions{.unit_code = "000.00.07.H06"},
                        ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(),
                        secrets);
  Workload w(options, *::motcua::testing::ShippedCatalog(), *::motcua::testing::ShippedCalendar());
  auto stats = Drive(w, engine, nullptr, 100);
  EXPECT_THAT(stats, IsOk());
  EXPECT_EQ(stats->refused, 0u);
  Played p;
  p.events = stats->events;
  p.dossiers = engine.size();
  for (std::uint32_t id = 0; id < engine.size(); ++id) {
    const dossier::DossierState& s = engine.state(id);
    p.open += s.open();
    p.supplemented += s.supplement_requests > 0;
    p.online += s.channel == v1::CHANNEL_ONLINE;
  }
  return p;
}

TEST(WorkloadKeepOpenTest, EveryDossierIsReceivedAndStaysOpen) {
  const Played p = Play(Options(true));
  EXPECT_EQ(p.dossiers, 400u);
  EXPECT_EQ(p.open, 400u);
  EXPECT_GT(p.supplemented, 10u);  // about a tenth
  EXPECT_GT(p.online, 100u);       // about 45%
}

TEST(WorkloadKeepOpenTest, DefaultTrafficStillFinishesMostDossiers) {
  const Played p = Play(Options(false));
  EXPECT_EQ(p.dossiers, 400u);
  EXPECT_LT(p.open, p.dossiers);
}

}  // namespace
}  // namespace motcua::workload

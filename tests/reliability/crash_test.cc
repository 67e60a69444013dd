// Crash consistency (docs/guarantees.md): the real motcuad under 16 concurrent
// desk clients, killed with SIGKILL at random moments and restarted, over
// and over. A third of the kills land right after a start, as soon as the
// daily export has written the first day of a catch-up (the export folder
// is made to say that the last export was weeks ago, so each start writes a
// day at a time for a while); the others land under load, with commands in
// flight, i.e. during group commits. The server runs on a test clock that
// moves one day every second restart, so dossiers fall overdue across
// restarts (alerts raised at start) and every day's code sequence is
// continued by a second server life. The server writes its snapshot every
// kSnapshotEvery events, so that each start loads one and replays only what
// came after it; another third of the kills wait for a snapshot's write to
// begin (its temporary file appears) and land while it is written, under
// load: a kill that leaves the temporary behind cut a write short.
//
// After every restart, before the load resumes, the harness checks:
//   - every acknowledged command's events are in the log, at the seq its
//     reply named, for the same dossier and of the same kind (lost = 0);
//   - every command that was in flight at the kill is sent again with its
//     Idempotency-Key: if it had committed, the server answers with the
//     stored reply (and its events are all there), else it runs now; after
//     that, every event of the log other than an alert belongs to the reply
//     of an acknowledged command (no partial state);
//   - `motcua check` passes: the hash chain holds and every projection
//     equals a rebuild from the events;
//   - each day's dossier codes are NNNN = 1..N, each once, and no code was
//     ever given to two receipts;
//   - at most one alert per dossier and kind, and every open dossier past
//     its appointment has its overdue alert (none lost across a kill);
//   - every daily export file present is complete (the JSON parses);
//   - the start loaded the last whole snapshot or, if none matched,
//     replayed the whole log; either way the checks above hold on the
//     state it rebuilt, and the codes go on without a gap or a repeat.
//
// The run prints one summary line with the figures (README "Guarantees").
// MOTCUA_SOAK_KILLS=N runs N kills instead of the default 20 (a soak, by
// hand); MOTCUA_CRASH_SEED=S replays a run's random choices.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/client/api_client.h"
#include "adapters/projections/all_projections.h"
#include "adapters/snapshot/engine_restore.h"
#include "adapters/snapshot/snapshot_file.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/base/time.h"
#include "tests/e2e/e2e_support.h"
#include "tests/reliability/load.h"
#include "tests/support/fixtures.h"

namespace motcua::reliability {
namespace {

constexpr int kDefaultKills = 20;
constexpr int kClients = 16;
// The first day of the test clock, and the time of day every life runs at:
// after the 17:30 export time, so the day's export is due at each start.
constexpr const char* kFirstDay = "2026-12-01";
constexpr const char* kTimeOfDay = "17:45";
// Days of catch-up the export is given at every third start (ForgetExports).
constexpr int kCatchUpDays = 30;
// Small, so that snapshots are written all the time under the load.
constexpr int kSnapshotEvery = 40;

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Figures {
  int kills = 0;
  int kills_before_export_done = 0;  // the run's export had not finished
  int kills_with_commands_in_flight = 0;
  int kills_during_snapshot_write = 0;  // a snapshot's temporary file was left
  int starts_from_snapshot = 0;
  std::size_t snapshot_dossiers_compared = 0;  // at the end, with a whole replay
  std::uint64_t acknowledged = 0;
  std::uint64_t in_flight_committed = 0;  // unacknowledged, found committed
  std::uint64_t in_flight_redone = 0;     // unacknowledged, not committed: sent again
  std::uint64_t lost = 0;
  std::uint64_t alerts = 0;
  std::uint64_t events = 0;
};

struct ExpectedEvent {
  std::string dossier;
  v1::Event::KindCase kind;
};

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    e2e::WriteConfig(config_, db_, [](v1::ServerConfig& c) {
      c.set_snapshot_every_events(kSnapshotEvery);
    });
    exports_ = dir_.path() / "exports";
    std::filesystem::create_directories(exports_);
  }

  // Records the events of an acknowledged reply; a seq promised twice to
  // different events, or a code given twice, fails.
  void Expect(const AckedCommand& acked) {
    ++figures_.acknowledged;
    for (const v1::Event& e : acked.reply.events()) {
      auto [it, fresh] = expected_.emplace(e.seq(), ExpectedEvent{e.dossier_code(), e.kind_case()});
      if (!fresh && (it->second.dossier != e.dossier_code() || it->second.kind != e.kind_case())) {
        ADD_FAILURE() << "seq " << e.seq() << " acknowledged for two different events";
      }
    }
    if (acked.command.name == "receive") {
      const bool fresh = codes_.insert(acked.reply.dossier().code()).second;
      // A replayed reply names the same dossier as the original, which was
      // never acknowledged: the code is still new to the harness.
      EXPECT_TRUE(fresh) << "code given twice: " << acked.reply.dossier().code();
    }
  }

  // Sends every command left unresolved by the kill again, with its key,
  // then `probe`.
  void Resolve(const std::string& url, std::vector<SentCommand> unresolved, SentCommand probe) {
    auto parsed = client::ServerUrl::Parse(url);
    ASSERT_TRUE(parsed.ok());
    client::ApiClient desk(*parsed, e2e::kReception, std::chrono::seconds(60));
    unresolved.push_back(std::move(probe));
    for (std::size_t i = 0; i < unresolved.size(); ++i) {
      SentCommand& command = unresolved[i];
      const google::protobuf::Message& body =
          command.name == "receive" ? static_cast<const google::protobuf::Message&>(command.receive)
                                    : command.hand_over;
      auto reply = desk.Command(command.name, body, command.idempotency_key);
      ASSERT_TRUE(reply.ok()) << command.name << " sent again: " << reply.status().ToString();
      if (i + 1 < unresolved.size()) {
        (desk.replayed() ? figures_.in_flight_committed : figures_.in_flight_redone)++;
      } else {
        EXPECT_FALSE(desk.replayed()) << "the probe's fresh key was already used";
      }
      Expect(AckedCommand{std::move(command), std::move(*reply)});
    }
  }

  // The checks of the header comment that read the log and the projections.
  void VerifyLog(Instant now) {
    auto db = sqlite::Database::Open(db_, sqlite::Database::Mode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    std::map<std::uint64_t, ExpectedEvent> found;
    std::map<std::string, std::set<int>> numbers_by_day;  // "<unit>-<YYMMDD>" → NNNN
    std::set<std::pair<std::string, int>> alerts;          // (dossier, kind)
    std::set<std::string> overdue;                         // dossiers with an overdue alert
    std::set<std::string> apology_due;                     // ... with an apology-due alert
    {
      sqlite::Statement st(**db, "SELECT body FROM events ORDER BY seq");
      v1::Event e;
      while (st.Step()) {
        std::string_view body = st.ColumnBlob(0);
        ASSERT_TRUE(e.ParseFromArray(body.data(), static_cast<int>(body.size())));
        found.emplace(e.seq(), ExpectedEvent{e.dossier_code(), e.kind_case()});
        if (e.has_alert_raised()) {
          const int kind = e.alert_raised().kind();
          EXPECT_TRUE(alerts.emplace(e.dossier_code(), kind).second)
              << "alert raised twice: " << e.dossier_code() << " kind " << kind << " seq "
              << e.seq();
          if (kind == v1::ALERT_KIND_OVERDUE) overdue.insert(e.dossier_code());
          if (kind == v1::ALERT_KIND_APOLOGY_DUE) apology_due.insert(e.dossier_code());
        } else if (!expected_.count(e.seq())) {
          ADD_FAILURE() << "event " << e.seq() << " (" << e.dossier_code()
                        << ") belongs to no acknowledged command: partial state";
        }
        if (e.has_received()) {
          const std::string& code = e.dossier_code();
          const std::size_t dash = code.rfind('-');
          numbers_by_day[code.substr(0, dash)].insert(std::stoi(code.substr(dash + 1)));
        }
      }
      ASSERT_TRUE(st.status().ok()) << st.status().ToString();
    }
    figures_.events = found.size();
    figures_.alerts = alerts.size();
    std::uint64_t lost = 0;
    for (const auto& [seq, want] : expected_) {
      auto it = found.find(seq);
      if (it == found.end() || it->second.dossier != want.dossier || it->second.kind != want.kind) {
        if (++lost <= 5) ADD_FAILURE() << "acknowledged event " << seq << " lost";
      }
    }
    figures_.lost += lost;
    for (const auto& [day, numbers] : numbers_by_day) {
      EXPECT_EQ(static_cast<int>(numbers.size()), *numbers.rbegin())
          << "day " << day << ": codes 1.." << *numbers.rbegin() << " not each used once";
    }
    // Alerts are raised at start for every moment passed while down: an
    // open dossier past its appointment must have its overdue alert, and
    // its apology-due one (a working day earlier: both procedures of the
    // load take longer than that, and nobody apologises).
    sqlite::Statement open(**db,
                           "SELECT code FROM dossiers WHERE status IN (2, 4) "
                           "AND appointment_at <= ?1");
    open.Bind(1, ToUnixSeconds(now));
    while (open.Step()) {
      const std::string code = open.ColumnText(0);
      EXPECT_TRUE(overdue.count(code)) << "overdue alert lost: " << code;
      EXPECT_TRUE(apology_due.count(code)) << "apology-due alert lost: " << code;
    }
    ASSERT_TRUE(open.status().ok()) << open.status().ToString();
  }

  // The last stop wrote a snapshot of the whole log. The state it holds
  // was loaded from earlier snapshots and their tails, life after life:
  // it must equal a fold of the whole log, dossier by dossier.
  void VerifyFinalSnapshot() {
    auto log = sqlite::SqliteEventLog::Open(db_, projections::AllProjections());
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    ::motcua::testing::CountingSecrets secrets;
    const auto new_engine = [&secrets] {
      return std::make_unique<engine::Engine>(engine::EngineOptions{.unit_code = "test"},
                                              ::motcua::testing::ShippedCatalog(),
                                              ::motcua::testing::ShippedCalendar(), secrets);
    };
    auto restored = new_engine();
    auto covered = snapshot::RestoreFromSnapshot(snapshot::SnapshotPathFor(db_), **log, *restored);
    ASSERT_TRUE(covered.ok()) << covered.status().ToString();
    EXPECT_EQ(*covered, (*log)->LastSeq()) << "the stop's snapshot does not cover the whole log";
    auto replayed = new_engine();
    ASSERT_TRUE((*log)->ReadAll([&](const v1::Event& e) { return replayed->Replay(e); }).ok());
    ASSERT_EQ(restored->size(), replayed->size());
    int differ = 0;
    replayed->ForEach([&](const std::string& code, const dossier::DossierState& state) {
      const dossier::DossierState* loaded = restored->Find(code);
      if ((loaded == nullptr || !(*loaded == state)) && ++differ <= 5) {
        ADD_FAILURE() << "the snapshot's state of " << code << " differs from the log's";
      }
    });
    figures_.snapshot_dossiers_compared = replayed->size();
  }

  // Every export file present is whole.
  void VerifyExports() {
    if (!std::filesystem::exists(exports_)) return;
    for (const auto& entry : std::filesystem::directory_iterator(exports_)) {
      if (entry.path().extension() != ".json") continue;
      google::protobuf::Struct parsed;
      EXPECT_TRUE(
          google::protobuf::util::JsonStringToMessage(ReadFile(entry.path()), &parsed).ok())
          << "half-written export " << entry.path();
    }
  }

  // Days exported after the marker (both files there).
  int ExportedDays() const {
    int days = 0;
    const std::string marker = FormatDate(marker_);
    for (const auto& entry : std::filesystem::directory_iterator(exports_)) {
      const std::string stem = entry.path().stem().string();
      if (entry.path().extension() == ".json" && stem != marker &&
          std::filesystem::exists(exports_ / (stem + ".csv"))) {
        ++days;
      }
    }
    return days;
  }

  // Waits until the export has written a day more than `exported` (one
  // minute at most: a start that never exports fails the kill count).
  void WaitForExportedDay(int exported) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (ExportedDays() <= exported && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
  }

  // Kills the server and counts the kill, and whether it cut the export
  // short: the folder holds fewer days than were due at the start. The
  // folder, not the server log, says it: the log names the days written
  // only once the whole catch-up is done.
  void KillAndCount(e2e::ServerProcess& server, int exported_at_start, int days_due,
                    int in_flight) {
    EXPECT_EQ(server.StopWith(SIGKILL), -1000 - SIGKILL);
    ++figures_.kills;
    if (in_flight > 0) ++figures_.kills_with_commands_in_flight;
    if (SnapshotWriteInProgress()) ++figures_.kills_during_snapshot_write;
    if (ExportedDays() < exported_at_start + days_due) ++figures_.kills_before_export_done;
  }

  // Whether a snapshot's temporary file is beside the database: a write
  // has begun and not yet been renamed into place.
  bool SnapshotWriteInProgress() const {
    const std::string prefix = ".motcua.db.snapshot.tmp.";
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
      if (entry.path().filename().string().starts_with(prefix)) return true;
    }
    return false;
  }

  // Waits (a minute at most) until a snapshot write is in progress; whether
  // one was seen (it may have ended since: the kill that follows counts
  // only if it left the temporary file behind).
  bool WaitForSnapshotWrite() {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < give_up) {
      if (SnapshotWriteInProgress()) return true;
      std::this_thread::yield();
    }
    return false;
  }

  // Empties the export folder but for a marker of the day kCatchUpDays
  // before `today`. The folder is the export's record of what was done, so
  // the next start catches up on every day since, one at a time, which
  // keeps the export busy for a while after the start.
  void ForgetExports(LocalDays today) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(exports_)) {
      files.push_back(entry.path());
    }
    for (const auto& file : files) std::filesystem::remove(file);
    marker_ = today - cal::days(kCatchUpDays);
    std::ofstream(exports_ / (FormatDate(marker_) + ".json")) << "{}\n";
    std::ofstream(exports_ / (FormatDate(marker_) + ".csv")) << "\n";
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  std::filesystem::path exports_;
  LocalDays marker_;
  std::map<std::uint64_t, ExpectedEvent> expected_;  // seq → event, of acknowledged commands
  std::set<std::string> codes_;                      // every code a receipt was given
  Figures figures_;
};

TEST_F(CrashTest, SigkillUnderLoadLosesNoAcknowledgedCommandAndLeavesNoPartialState) {
  const int kills = EnvInt("MOTCUA_SOAK_KILLS", kDefaultKills);
  const unsigned seed =
      static_cast<unsigned>(EnvInt("MOTCUA_CRASH_SEED", static_cast<int>(std::random_device{}())));
  std::mt19937 random(seed);
  SCOPED_TRACE("MOTCUA_CRASH_SEED=" + std::to_string(seed));
  auto first_day = ParseDate(kFirstDay);
  ASSERT_TRUE(first_day.ok());

  Load load(Load::Options{.clients = kClients, .token = e2e::kReception});
  for (int life = 0;; ++life) {
    const LocalDays day = *first_day + cal::days(life / 2);
    const std::string clock = FormatDate(day) + " " + kTimeOfDay;
    auto now = ParseVietnamMinute(clock);
    ASSERT_TRUE(now.ok());
    // Every third life starts with the whole catch-up to write; the others
    // go on from wherever the last kill stopped it.
    if (life % 3 == 0) ForgetExports(day);
    const int exported_at_start = ExportedDays();
    const int days_due = static_cast<int>((day - marker_).count()) - exported_at_start;
    const auto log_size = std::filesystem::exists(log_) ? std::filesystem::file_size(log_) : 0;
    auto server = e2e::ServerProcess::Start(config_, log_, {"--test-clock", clock});
    ASSERT_NE(server, nullptr) << "restart " << life;
    {
      const std::string started = ReadFile(log_).substr(log_size);
      if (started.find("after a snapshot of event") != std::string::npos) {
        ++figures_.starts_from_snapshot;
      }
      EXPECT_EQ(started.find("snapshot: ignored"), std::string::npos)
          << "restart " << life << ": a snapshot written whole did not match:\n" << started;
    }

    // Into the start: killed as soon as the export has written the first
    // day of its catch-up, so the kill lands while it is still writing.
    // The checks below run after the next start.
    if (life % 3 == 0 && life < kills) {
      WaitForExportedDay(exported_at_start);
      KillAndCount(*server, exported_at_start, days_due, load.in_flight());
      continue;
    }

    // A probe first: it is executed after the start's overdue alerts are
    // committed (they are queued on the engine thread before the server
    // listens), so the log read below sees them.
    {
      SentCommand probe;
      probe.name = "receive";
      probe.receive = Load::SampleReceive(kClients, life);
      probe.idempotency_key = client::ApiClient::NewIdempotencyKey();
      Resolve(server->url(), load.TakeUnresolved(), std::move(probe));
    }
    for (AckedCommand& acked : load.TakeAcked()) Expect(acked);
    for (const std::string& refusal : load.TakeRefusals()) ADD_FAILURE() << refusal;
    VerifyLog(*now);
    VerifyExports();
    auto check = e2e::Motcua(server->url(), e2e::kAdmin, {"check"});
    EXPECT_EQ(check.exit_code, 0) << "after restart " << life << ": " << check.out << check.err;
    if (HasFailure() || life == kills) {
      EXPECT_EQ(server->StopWith(SIGTERM), 0);
      VerifyFinalSnapshot();
      break;
    }

    load.Resume(server->url());
    if (life % 3 == 1) {
      // Into a snapshot's write, under the load.
      ASSERT_TRUE(WaitForSnapshotWrite()) << "no snapshot written in life " << life;
    } else {
      // Into the load: clients are waiting on a group commit.
      const std::uint64_t target = load.acked() + 10 + random() % 100;
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
      while (load.acked() < target && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::microseconds(200 + random() % 800));
      }
      ASSERT_GE(load.acked(), target) << "the load stalled in life " << life;
    }
    KillAndCount(*server, exported_at_start, days_due, load.in_flight());
    load.Pause();
  }

  std::cout << "crash harness: kills=" << figures_.kills
            << " (before the daily export finished=" << figures_.kills_before_export_done
            << ", with commands in flight=" << figures_.kills_with_commands_in_flight
            << ", during a snapshot write=" << figures_.kills_during_snapshot_write
            << "), starts from a snapshot=" << figures_.starts_from_snapshot
            << " (final snapshot equal to a whole replay for "
            << figures_.snapshot_dossiers_compared << " dossiers)"
            << ", acknowledged=" << figures_.acknowledged
            << " (of which in flight at a kill and found committed="
            << figures_.in_flight_committed << ", sent again=" << figures_.in_flight_redone
            << "), lost=" << figures_.lost << ", events=" << figures_.events
            << ", alerts=" << figures_.alerts << ", seed=" << seed << std::endl;
  EXPECT_EQ(figures_.kills, kills);
  EXPECT_EQ(figures_.lost, 0u);
  EXPECT_GT(figures_.alerts, 0u) << "no dossier fell overdue: the alert checks proved nothing";
  EXPECT_GT(figures_.kills_with_commands_in_flight, 0);
  EXPECT_GT(figures_.kills_before_export_done, 0) << "no kill landed during a daily export";
  EXPECT_GT(figures_.kills_during_snapshot_write, 0) << "no kill cut a snapshot's write short";
  EXPECT_GT(figures_.starts_from_snapshot, 0) << "no start loaded a snapshot";
  EXPECT_GT(figures_.snapshot_dossiers_compared, 0u);
}

}  // namespace
}  // namespace motcua::reliability

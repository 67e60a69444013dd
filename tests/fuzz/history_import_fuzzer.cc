// Fuzz target: the history import's line parser (POST /v1/import, motcua
// import FILE.jsonl) and the import itself into an in-memory engine with the
// shipped catalog and calendar.
//
// Oracles: a bad file is refused with a user's error naming a line within
// the file; a good one imports, and rolling it back leaves the engine able
// to import the same file again with the same result (all or nothing).
#include <algorithm>
#include <memory>
#include <vector>

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/export/history_import.h"
#include "engine/ports/secret_source.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr std::string_view kName = "history_import_fuzzer";

class FixedSecrets final : public motcua::SecretSource {
 public:
  std::string NewLookupSecret() override { return "SECRET"; }
};

struct Harness {
  Harness() {
    const std::filesystem::path data = std::filesystem::path(MOTCUA_SOURCE_DIR) / "data";
    motcua::config::CatalogFiles files;
    files.catalog = data / "catalog" / "commune-procedures.json";
    auto catalog = motcua::config::LoadCatalog(files);
    if (!catalog.ok()) motcua::fuzz::Fail(kName, catalog.status().ToString());
    motcua::v1::CalendarConfig calendar_config;
    calendar_config.set_schedule_dir((data / "calendar").string());
    auto calendar = motcua::config::LoadCalendar(calendar_config);
    if (!calendar.ok()) motcua::fuzz::Fail(kName, calendar.status().ToString());
    engine = std::make_unique<motcua::engine::Engine>(
        motcua::engine::EngineOptions{.unit_code = "000.00.07.H06",
                                      .fee_wait_pauses_clock = false},
        *catalog, *calendar, secrets);
  }
  FixedSecrets secrets;
  std::unique_ptr<motcua::engine::Engine> engine;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Harness* h = new Harness();  // lives as long as the process
  const std::string_view text = motcua::fuzz::Text(data, size);
  const std::size_t line_count = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;

  std::vector<motcua::exporter::HistoryLine> lines;
  const auto parsed = motcua::exporter::ParseHistory(text, lines);
  if (!parsed.ok()) {
    motcua::fuzz::ExpectRefusal(kName, parsed.status);
    if (parsed.line == 0 || parsed.line > line_count) {
      motcua::fuzz::Fail(kName, "a parse error names line " + std::to_string(parsed.line));
    }
  }

  motcua::engine::CommitBatch batch;
  const auto first = motcua::exporter::ImportHistory(text, *h->engine, batch);
  if (!first.ok()) {
    motcua::fuzz::ExpectRefusal(kName, first.status);
    if (first.line > line_count) motcua::fuzz::Fail(kName, "names a line past the end");
    return 0;  // ImportHistory rolled the engine back
  }
  h->engine->Rollback(batch);
  motcua::engine::CommitBatch again;
  const auto second = motcua::exporter::ImportHistory(text, *h->engine, again);
  if (!second.ok() || second.events != first.events) {
    motcua::fuzz::Fail(kName, "after a rollback the same file does not import again: " +
                                  second.status.ToString());
  }
  h->engine->Rollback(again);
  return 0;
}

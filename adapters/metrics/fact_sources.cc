#include "adapters/metrics/fact_sources.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "engine/base/proto_time.h"
#include "engine/state_fold.h"

namespace motcua::metrics {

namespace {

// Reorders the table by code.
FactsTable SortedByCode(FactsTable table) {
  std::vector<std::uint32_t> order(table.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return table.codes[a] < table.codes[b]; });
  FactsTable sorted;
  sorted.facts.reserve(table.size());
  sorted.codes.reserve(table.size());
  for (std::uint32_t i : order) {
    sorted.facts.push_back(table.facts[i]);
    sorted.codes.push_back(std::move(table.codes[i]));
  }
  return sorted;
}

}  // namespace

Result<FactsTable> FactsFromLog(EventLog& log, const catalog::Catalog& catalog, Instant as_of) {
  return FactsFromLog([&log](const auto& visit) { return log.ReadAll(visit); }, catalog, as_of);
}

Result<FactsTable> FactsFromLog(const EventReader& read_all, const catalog::Catalog& catalog,
                                Instant as_of) {
  const std::int64_t limit = ToUnixSeconds(as_of);
  engine::StateFold fold(catalog);
  engine::PendingEvent scratch;
  MOTCUA_RETURN_IF_ERROR(read_all([&](const v1::Event& event) -> Status {
    if (Seconds(event.at()) >= limit) return Status::Ok();
    return fold.Fold(event, scratch);
  }));
  FactsTable table;
  table.facts.reserve(fold.states().size());
  table.codes.reserve(fold.states().size());
  for (const auto& [code, state] : fold.states()) table.Add(code, state);
  return SortedByCode(std::move(table));
}

FactsTable FactsFromEngine(const engine::Engine& engine) {
  FactsTable table;
  table.facts.reserve(engine.size());
  table.codes.reserve(engine.size());
  engine.ForEach([&](const std::string& code, const dossier::DossierState& state) {
    table.Add(code, state);
  });
  return table;
}

}  // namespace motcua::metrics

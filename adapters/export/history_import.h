// Importing history: a file of past events, one motcua.v1.Event per line in
// protobuf's JSON mapping (blank lines allowed), with their original times.
// Parsing finds the first line that is not an event; validating imports
// every event through Engine::Import (the same lifecycle rules as the desk,
// derived fields such as the appointment filled in) into one CommitBatch, so
// a file is all or nothing: on the first bad line the engine is rolled back
// and the batch left empty, and the error names the line (1-based).
//
//   HistoryImport result = ImportHistory(text, engine, batch);
//   if (!result.ok()) report(result.line, result.status);
//   else commit `batch` (one transaction), then engine.Committed(batch).
//
// Runs where the engine lives (its strand); not thread-safe.
#ifndef MOTCUA_ADAPTERS_EXPORT_HISTORY_IMPORT_H_
#define MOTCUA_ADAPTERS_EXPORT_HISTORY_IMPORT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/commit_batch.h"
#include "engine/engine.h"
#include "motcua/v1/event.pb.h"

namespace motcua::exporter {

struct HistoryLine {
  std::size_t line = 0;  // 1-based
  v1::Event event;
};

struct HistoryImport {
  Status status;          // OK, or the first bad line's error
  std::size_t line = 0;   // that line; 0 when OK or the file as a whole is wrong
  std::size_t events = 0; // imported (into the batch) when OK
  bool ok() const { return status.ok(); }
};

// Parses every non-blank line. On error `lines` holds what came before it.
// kBadRequest "dòng N: ..." for a line that is not an event.
HistoryImport ParseHistory(std::string_view text, std::vector<HistoryLine>& lines);

// Parses and imports `text` into `batch` (which must be empty).
HistoryImport ImportHistory(std::string_view text, engine::Engine& engine,
                            engine::CommitBatch& batch);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_HISTORY_IMPORT_H_

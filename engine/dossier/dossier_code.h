// Dossier codes: "<unit code>-<YYMMDD>-<NNNN>" (Circular 01/2018 Art. 19):
// the receiving unit, the receipt date in Vietnam time, and a sequence that
// restarts each day for each unit, e.g. "000.00.07.H06-240315-0012".
//
// The sequence is written with at least four digits; a unit that receives
// more than 9,999 dossiers in one day gets five-digit numbers rather than a
// refusal at the counter.
#ifndef MOTCUA_ENGINE_DOSSIER_DOSSIER_CODE_H_
#define MOTCUA_ENGINE_DOSSIER_DOSSIER_CODE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/time.h"

namespace motcua::dossier {

std::string FormatCode(std::string_view unit, LocalDays day, std::uint32_t sequence);

struct ParsedCode {
  std::string_view unit;
  LocalDays day;
  std::uint32_t sequence = 0;
};

// nullopt when `code` is not in the format (e.g. imported from another system).
std::optional<ParsedCode> ParseCode(std::string_view code);

// Whether `code`, which ParseCode turned into `parsed`, is exactly what
// FormatCode(parsed.unit, parsed.day, parsed.sequence) writes (no extra
// leading zeros in the sequence). The engine asks on every command; this
// answers without formatting (FormatCode's snprintf and allocation were
// ~1 us per lookup, three lookups per command: tools/bench ingest).
bool IsCanonical(const ParsedCode& parsed, std::string_view code);

// The last sequence number given out per (unit, day). Not thread-safe: owned
// by the engine, which runs on one strand.
class CodeSequencer {
 public:
  struct Counter {
    std::string unit;
    LocalDays day;
    std::uint32_t last = 0;
  };

  // The next number for (unit, day); records it as given out.
  std::uint32_t Next(const std::string& unit, LocalDays day);
  // Raises the counter to at least `sequence` (loading, and imported codes).
  void Observe(const std::string& unit, LocalDays day, std::uint32_t sequence);
  // Undoes a Next() whose batch failed to commit: sets the counter back.
  void Reset(const std::string& unit, LocalDays day, std::uint32_t last);
  std::uint32_t Last(const std::string& unit, LocalDays day) const;
  // Every counter, by unit then day (an engine image).
  std::vector<Counter> Counters() const;

 private:
  std::map<std::pair<std::string, LocalDays>, std::uint32_t> last_;
};

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_DOSSIER_CODE_H_

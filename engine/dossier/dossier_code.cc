#include "engine/dossier/dossier_code.h"

#include <cstdio>

namespace motcua::dossier {

std::string FormatCode(std::string_view unit, LocalDays day, std::uint32_t sequence) {
  cal::year_month_day ymd(day);
  char tail[32];
  std::snprintf(tail, sizeof tail, "-%02d%02u%02u-%04u", static_cast<int>(ymd.year()) % 100,
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), sequence);
  std::string code(unit);
  code += tail;
  return code;
}

std::optional<ParsedCode> ParseCode(std::string_view code) {
  auto last_dash = code.rfind('-');
  if (last_dash == std::string_view::npos || last_dash < 8) return std::nullopt;
  auto date_dash = code.rfind('-', last_dash - 1);
  if (date_dash == std::string_view::npos || date_dash == 0 || last_dash - date_dash != 7) {
    return std::nullopt;
  }
  std::string_view date = code.substr(date_dash + 1, 6);
  std::string_view seq = code.substr(last_dash + 1);
  if (seq.size() < 4 || seq.size() > 9) return std::nullopt;
  auto digits = [](std::string_view s) {
    std::uint32_t v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return ~std::uint32_t{0};
      v = v * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return v;
  };
  std::uint32_t yymmdd = digits(date);
  std::uint32_t n = digits(seq);
  if (yymmdd == ~std::uint32_t{0} || n == ~std::uint32_t{0} || n == 0) return std::nullopt;
  cal::year_month_day ymd{cal::year{2000 + static_cast<int>(yymmdd / 10000)},
                          cal::month{(yymmdd / 100) % 100}, cal::day{yymmdd % 100}};
  if (!ymd.ok()) return std::nullopt;
  return ParsedCode{code.substr(0, date_dash), LocalDays(ymd), n};
}

bool IsCanonical(const ParsedCode& parsed, std::string_view code) {
  // ParseCode took the date from six digits and checked it, so it prints
  // back the same; the sequence prints with "%04u": exactly four digits
  // below 10,000, no leading zero above.
  const std::size_t digits = code.size() - code.rfind('-') - 1;
  return parsed.sequence < 10000 ? digits == 4 : code[code.size() - digits] != '0';
}

std::uint32_t CodeSequencer::Next(const std::string& unit, LocalDays day) {
  return ++last_[{unit, day}];
}

void CodeSequencer::Observe(const std::string& unit, LocalDays day, std::uint32_t sequence) {
  std::uint32_t& last = last_[{unit, day}];
  if (sequence > last) last = sequence;
}

void CodeSequencer::Reset(const std::string& unit, LocalDays day, std::uint32_t last) {
  last_[{unit, day}] = last;
}

std::uint32_t CodeSequencer::Last(const std::string& unit, LocalDays day) const {
  auto it = last_.find({unit, day});
  return it == last_.end() ? 0 : it->second;
}

std::vector<CodeSequencer::Counter> CodeSequencer::Counters() const {
  std::vector<Counter> counters;
  counters.reserve(last_.size());
  for (const auto& [key, last] : last_) counters.push_back({key.first, key.second, last});
  return counters;
}

}  // namespace motcua::dossier

#include "adapters/export/history_import.h"

#include <string>

#include <google/protobuf/util/json_util.h>

#include "engine/base/quote.h"

namespace motcua::exporter {

namespace {

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

HistoryImport Fail(std::size_t line, Error code, const std::string& message) {
  HistoryImport r;
  r.line = line;
  r.status = Status(code, "dòng " + std::to_string(line) + ": " + message);
  return r;
}

}  // namespace

HistoryImport ParseHistory(std::string_view text, std::vector<HistoryLine>& lines) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;  // a misspelt field is an error, not a default
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    ++number;
    if (Blank(line)) continue;
    HistoryLine parsed;
    parsed.line = number;
    auto s = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &parsed.event, options);
    if (!s.ok()) {
      // The parser's message up to its first line break (a caret follows),
      // quoted: it names a key or a value from the line.
      const std::string_view why(s.message().data(), s.message().size());
      return Fail(number, Error::kBadRequest,
                  "không phải một sự kiện JSON hợp lệ: " +
                      QuoteForMessage(why.substr(0, why.find_first_of("\r\n")), 160));
    }
    lines.push_back(std::move(parsed));
  }
  HistoryImport r;
  r.events = lines.size();
  return r;
}

HistoryImport ImportHistory(std::string_view text, engine::Engine& engine,
                            engine::CommitBatch& batch) {
  std::vector<HistoryLine> lines;
  HistoryImport parsed = ParseHistory(text, lines);
  if (!parsed.ok()) return parsed;
  if (lines.empty()) {
    HistoryImport r;
    r.status = Status(Error::kInvalidArgument, "tệp không có sự kiện nào");
    return r;
  }
  for (HistoryLine& l : lines) {
    Status s = engine.Import(std::move(l.event), batch);
    if (!s.ok()) {
      engine.Rollback(batch);  // all or nothing: undo the lines before
      return Fail(l.line, s.code(), s.message());
    }
  }
  return parsed;
}

}  // namespace motcua::exporter

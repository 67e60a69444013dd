#include "tools/motcua/args.h"

#include <algorithm>

#include "engine/base/quote.h"

namespace motcua::cli {

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

Result<std::string> Args::Require(const std::string& name) const {
  auto v = Get(name);
  if (!v) return Status(Error::kInvalidArgument, "thiếu tùy chọn --" + name);
  return *v;
}

Result<std::int64_t> Args::RequireCount(const std::string& name) const {
  MOTCUA_ASSIGN_OR_RETURN(std::string text, Require(name));
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status(Error::kInvalidArgument,
                  "--" + name + " cần một số nguyên không âm, nhận được '" + QuoteForMessage(text) +
                      "'");
  }
  return std::stoll(text);
}

}  // namespace motcua::cli

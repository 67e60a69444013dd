#include "tools/motcua/args.h"

#include <algorithm>

namespace motcua::cli {

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

Result<Args> Args::Parse(const std::vector<std::string>& tokens, const ArgSpec& spec) {
  Args args;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (token.size() > 2 && token.compare(0, 2, "--") == 0) {
      std::string name = token.substr(2);
      std::optional<std::string> inline_value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name.resize(eq);
      }
      if (Contains(spec.flags, name)) {
        if (inline_value) {
          return Status(Error::kInvalidArgument, "tùy chọn --" + name + " không nhận giá trị");
        }
        args.values_[name] = "";
      } else if (Contains(spec.valued, name)) {
        if (!inline_value) {
          if (i + 1 >= tokens.size()) {
            return Status(Error::kInvalidArgument, "tùy chọn --" + name + " thiếu giá trị");
          }
          inline_value = tokens[++i];
        }
        if (args.values_.count(name)) {
          return Status(Error::kInvalidArgument, "tùy chọn --" + name + " bị lặp lại");
        }
        args.values_[name] = *inline_value;
      } else {
        return Status(Error::kInvalidArgument, "tùy chọn không hợp lệ --" + name);
      }
    } else {
      args.positional_.push_back(token);
    }
  }
  if (args.positional_.size() < spec.min_positional) {
    return Status(Error::kInvalidArgument, "thiếu tham số");
  }
  if (args.positional_.size() > spec.max_positional) {
    return Status(Error::kInvalidArgument,
                  "tham số thừa '" + args.positional_[spec.max_positional] + "'");
  }
  return args;
}

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
                  "--" + name + " cần một số nguyên không âm, nhận được '" + text + "'");
  }
  return std::stoll(text);
}

}  // namespace motcua::cli

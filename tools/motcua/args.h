// Args: the command-line parser every motcua subcommand uses, so that every
// one rejects an unknown flag or a missing value the same way, in one line.
//
//   ArgSpec spec{.valued = {"received", "working-days"}, .flags = {"same-day"}};
//   MOTCUA_ASSIGN_OR_RETURN(Args args, Args::Parse(tokens, spec));
//   if (auto v = args.Get("received")) ...
#ifndef MOTCUA_TOOLS_MOTCUA_ARGS_H_
#define MOTCUA_TOOLS_MOTCUA_ARGS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace motcua::cli {

struct ArgSpec {
  std::vector<std::string> valued;  // "--name VALUE" or "--name=VALUE"
  std::vector<std::string> flags;   // "--name", no value
  std::size_t min_positional = 0;
  std::size_t max_positional = 0;
};

class Args {
 public:
  static Result<Args> Parse(const std::vector<std::string>& tokens, const ArgSpec& spec);

  bool Has(const std::string& name) const { return values_.count(name) != 0; }
  std::optional<std::string> Get(const std::string& name) const;
  // The value, or kInvalidArgument naming the missing flag.
  Result<std::string> Require(const std::string& name) const;
  // A non-negative integer value; kInvalidArgument if absent or malformed.
  Result<std::int64_t> RequireCount(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_ARGS_H_

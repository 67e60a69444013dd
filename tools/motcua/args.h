// Args: one motcua subcommand's arguments once the command line is parsed
// (tools/motcua/command_line.h): the options given, by name, and the
// positionals, in order. The parser has already refused unknown options,
// missing values, repeated options, missing or extra positionals and
// choices not in the list; what is left to a command is what only it can
// judge (a date, a count, which options go together).
//
//   if (auto v = args.Get("received")) ...
//   MOTCUA_ASSIGN_OR_RETURN(std::int64_t n, args.RequireCount("sets"));
#ifndef MOTCUA_TOOLS_MOTCUA_ARGS_H_
#define MOTCUA_TOOLS_MOTCUA_ARGS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/status.h"

namespace motcua::cli {

class Args {
 public:
  Args() = default;
  // `values`: option name (no dashes) -> value, "" for a flag.
  Args(std::map<std::string, std::string> values, std::vector<std::string> positional)
      : values_(std::move(values)), positional_(std::move(positional)) {}

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

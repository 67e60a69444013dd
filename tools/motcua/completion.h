// Shell completion from the command table: `motcua __complete N WORD...`
// prints what bash may put in place of word N of the words after the
// program's name (tools/motcua/completion/motcua.bash calls it at each Tab).
// Because the candidates come from the same table the parser is built from,
// the completion cannot drift from the commands and options that exist.
//
//   $ motcua __complete 1 stats --f
//   --format
//   --from
//
// Candidates are printed one a line, each beginning with the word being
// completed: command names, option names not yet used, an option's choices
// (--format table|json|csv) and the commands after `help`. When the word is
// a path (--targets FILE, backup FILE) the one line kFilesMarker asks the
// script for bash's own file completion. Nothing is printed where nothing
// can be guessed (a dossier code, a name).
//
// Pure apart from writing to `out`.
#ifndef MOTCUA_TOOLS_MOTCUA_COMPLETION_H_
#define MOTCUA_TOOLS_MOTCUA_COMPLETION_H_

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "tools/motcua/command_table.h"

namespace motcua::cli {

inline constexpr std::string_view kCompleteCommand = "__complete";
inline constexpr std::string_view kFilesMarker = "__files__";

// `args`: N, then the words (bash's COMP_WORDS without the program; a word
// may be "=" where bash split "--format=csv"). Returns the exit code: 0, or
// 2 when N is not a number.
int Complete(const CommandTable& table, const std::vector<std::string>& args, std::ostream& out);

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_COMPLETION_H_

// What `--version` prints for motcua, motcuad and bench: the project's
// version (CMakeLists.txt's project(VERSION)) and the git commit the build
// was made from. Both are written into a generated header at build time
// (tools/common/build_info.cmake); the commit is "unknown" when the sources
// were not a git checkout.
//
// Pure; safe from any thread.
#ifndef MOTCUA_TOOLS_COMMON_BUILD_INFO_H_
#define MOTCUA_TOOLS_COMMON_BUILD_INFO_H_

#include <string>
#include <string_view>

namespace motcua::tools {

std::string_view Version();  // "0.1.0"
std::string_view Commit();   // "7883ee1", or "unknown"

// "motcua 0.1.0 (commit 7883ee1)": the one line `program --version` prints.
std::string VersionLine(std::string_view program);

}  // namespace motcua::tools

#endif  // MOTCUA_TOOLS_COMMON_BUILD_INFO_H_

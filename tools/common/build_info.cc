#include "tools/common/build_info.h"

#include "tools/common/build_info_values.h"  // generated

namespace motcua::tools {

std::string_view Version() { return MOTCUA_BUILD_VERSION; }

std::string_view Commit() { return MOTCUA_BUILD_COMMIT; }

std::string VersionLine(std::string_view program) {
  return std::string(program) + " " + std::string(Version()) + " (commit " + std::string(Commit()) +
         ")";
}

}  // namespace motcua::tools

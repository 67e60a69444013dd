#include "tools/motcuad/options.h"

#include <exception>
#include <string>
#include <vector>

#include "adapters/config/server_config.h"

namespace motcua::motcuad {

Result<Options> ParseOptions(int argc, char** argv) {
  Options options;
  const std::vector<std::string> args(argv + 1, argv + argc);
  bool have_config = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    if (name == "--help" || name == "-h") {
      options.help = true;
      continue;
    }
    std::string value;
    if (auto eq = name.find('='); eq != std::string::npos && name.rfind("--", 0) == 0) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Status(Error::kInvalidArgument, "option " + name + " needs a value");
    }
    if (value.empty()) return Status(Error::kInvalidArgument, "option " + name + " needs a value");
    if (name == "--config") {
      options.config = value;
      have_config = true;
    } else if (name == "--db") {
      options.db = value;
    } else if (name == "--listen") {
      options.listen = value;
    } else if (name == "--test-clock") {
      options.test_clock = value;
    } else if (name == "--max-batch") {
      std::size_t used = 0;
      unsigned long n = 0;
      try {
        n = std::stoul(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != value.size() || n == 0 || n > 100000) {
        return Status(Error::kInvalidArgument, "--max-batch needs a number from 1 to 100000");
      }
      options.max_batch = n;
    } else {
      return Status(Error::kInvalidArgument, "unknown option " + name);
    }
  }
  if (!have_config) options.config = config::DefaultConfigPath();
  return options;
}

}  // namespace motcua::motcuad

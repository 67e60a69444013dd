// Fuzz target: motcuad's configuration file (LoadServerConfig, from a file
// as motcuad reads it) and the users file (the JSON, then
// Authenticator::Build). The first byte picks which.
//
// Oracle: a bad file is refused with a user's error (motcuad prints it on
// one line); nothing crashes, hangs or leaks.
#include <fstream>

#include "adapters/config/json_file.h"
#include "adapters/config/server_config.h"
#include "adapters/http/authenticator.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr std::string_view kName = "config_fuzzer";

void CheckLoad(const motcua::Status& status) { motcua::fuzz::ExpectOkOrRefusal(kName, status); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(motcua::fuzz::Text(data + 1, size - 1));
  if (data[0] % 2 == 0) {
    const std::filesystem::path file = motcua::fuzz::ScratchDir(kName) / "motcuad.json";
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << text; }
    auto config = motcua::config::LoadServerConfig(file);
    CheckLoad(config.status());
  } else {
    motcua::v1::Users users;
    motcua::Status parsed = motcua::config::ParseJson(text, "users.json", users);
    CheckLoad(parsed);
    if (parsed.ok()) CheckLoad(motcua::http::Authenticator::Build(users, "users.json").status());
  }
  return 0;
}

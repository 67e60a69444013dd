// The server's configuration file (motcua.v1.ServerConfig as JSON), with
// defaults filled in and every relative path resolved against the file's own
// folder, so the same file works from any working directory.
#ifndef MOTCUA_ADAPTERS_CONFIG_SERVER_CONFIG_H_
#define MOTCUA_ADAPTERS_CONFIG_SERVER_CONFIG_H_

#include <filesystem>

#include "engine/base/status.h"
#include "motcua/v1/config.pb.h"

namespace motcua::config {

// Loads and validates `path`. Errors are kConfig and name the field.
Result<v1::ServerConfig> LoadServerConfig(const std::filesystem::path& path);

// The defaults for every field left empty (listen 127.0.0.1:8080, export at
// 17:30, limits, one working day of apology lead). Paths are not touched.
void ApplyDefaults(v1::ServerConfig& config);

// The configuration the client uses when given no --config: $MOTCUA_CONFIG,
// else the source tree's data/config/motcuad.json.
std::filesystem::path DefaultConfigPath();

}  // namespace motcua::config

#endif  // MOTCUA_ADAPTERS_CONFIG_SERVER_CONFIG_H_

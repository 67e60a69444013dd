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
// 17:30, limits, one working day of apology lead, 72 hours of webhook
// retries). Paths are not touched.
void ApplyDefaults(v1::ServerConfig& config);

// Where an installed motcuad, motcua or bench looks for its configuration:
// fixed when the build is configured (the CMake cache variable
// MOTCUA_DEFAULT_CONFIG, by default /etc/motcua/motcuad.json), never the
// folder the sources were built in.
std::filesystem::path InstalledConfigPath();

// The configuration used when given no --config: $MOTCUA_CONFIG, else
// InstalledConfigPath().
std::filesystem::path DefaultConfigPath();

}  // namespace motcua::config

#endif  // MOTCUA_ADAPTERS_CONFIG_SERVER_CONFIG_H_

// Reading a JSON file into a protobuf message with protobuf's JSON mapping,
// so that a misspelt or unknown field is an error naming the file, not a
// silently ignored default.
#ifndef MOTCUA_ADAPTERS_CONFIG_JSON_FILE_H_
#define MOTCUA_ADAPTERS_CONFIG_JSON_FILE_H_

#include <filesystem>
#include <string>

#include <google/protobuf/message.h>

#include "engine/base/status.h"

namespace motcua::config {

// The whole file as bytes; kConfig naming the path if it cannot be read.
Result<std::string> ReadFile(const std::filesystem::path& path);

// Parses `path` into `message` (cleared first). kConfig with the file name and
// the parser's message (which names the field) on failure.
Status ReadJsonFile(const std::filesystem::path& path, google::protobuf::Message& message);

// Parses JSON text; `what` names the source in the error.
Status ParseJson(const std::string& json, const std::string& what,
                 google::protobuf::Message& message);

}  // namespace motcua::config

#endif  // MOTCUA_ADAPTERS_CONFIG_JSON_FILE_H_

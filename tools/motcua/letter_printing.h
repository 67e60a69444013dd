// Printing a dossier's document from the server (GET /v1/dossiers/{code}/
// {letter}): the text on stdout and, with --html FILE, the printable page in
// a file. Shared by the apology (alert_commands.cc) and the slip
// (process_commands.cc).
#ifndef MOTCUA_TOOLS_MOTCUA_LETTER_PRINTING_H_
#define MOTCUA_TOOLS_MOTCUA_LETTER_PRINTING_H_

#include <optional>
#include <string>
#include <string_view>

#include "adapters/client/api_client.h"
#include "engine/base/status.h"
#include "tools/motcua/command_table.h"

namespace motcua::cli {

// --html FILE must be writable before anything is recorded: a bad path is a
// usage error that changes nothing.
Status CheckHtmlTarget(const std::string& file);

// Prints `letter` ("apology", "slip") of `code` as text, and saves its HTML
// to `html_file` if given. The exit code.
int PrintLetter(const Context& ctx, client::ApiClient& client, const std::string& code,
                std::string_view letter, const std::optional<std::string>& html_file);

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_LETTER_PRINTING_H_

#include "tools/motcuad/options.h"

#include <CLI/CLI.hpp>
#include <string>

#include "adapters/config/server_config.h"
#include "tools/common/command_line.h"

namespace motcua::motcuad {

Invocation ParseOptions(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Invocation invocation;
  Options& options = invocation.options;
  CLI::App app("motcuad: the motcua engine server (HTTP API on one SQLite event log)", "motcuad");
  tools::AddConventions(app, tools::DescribeInEnglish("motcuad"));
  // An empty value would silently mean "the configuration's"; refuse it.
  const CLI::Validator non_empty(
      [](std::string& value) { return value.empty() ? std::string("needs a value") : ""; }, "",
      "non-empty");
  std::string config;
  app.add_option("--config", config,
                 "server configuration (default: $MOTCUA_CONFIG, else " +
                     config::InstalledConfigPath().string() + ")")
      ->type_name("FILE")
      ->check(non_empty);
  app.add_option("--db", options.db, "the SQLite database (overrides \"db\" in the configuration)")
      ->type_name("FILE")
      ->check(non_empty);
  app.add_option("--listen", options.listen,
                 "address to listen on (default from the configuration, 127.0.0.1:8080; "
                 "port 0 picks a free port)")
      ->type_name("HOST:PORT")
      ->check(non_empty);
  app.add_option("--web-root", options.web_root,
                 "the web desk's built files, index.html and assets/ (overrides \"web_root\" "
                 "in the configuration)")
      ->type_name("DIR")
      ->check(non_empty);
  app.add_option("--public-url", options.public_url,
                 "the commune's public address the receipt's lookup link and QR code use "
                 "(overrides \"public_url\" in the configuration)")
      ->type_name("URL")
      ->check(CLI::Validator(
          [](const std::string& url) -> std::string {
            if (url.starts_with("https://") || url.starts_with("http://")) return "";
            return "phải bắt đầu bằng https:// hoặc http://";
          },
          "", ""));
  app.add_option("--max-batch", options.max_batch,
                 "commands committed per transaction at most, 1 to 100000 (default 512); 1 "
                 "turns group commit off (the benchmark's baseline)")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}).description(""));
  app.add_option("--log-format", options.log_format,
                 "the log's lines on stderr: text (a level word), journal (sd-daemon priority "
                 "prefixes) or json (one object per line); default journal under systemd, else "
                 "text")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "journal", "json"}).description(""));
  app.add_option("--test-clock", options.test_clock,
                 "TESTS ONLY: start a hand-driven clock at this Vietnam time; it moves only by "
                 "POST /v1/test/clock (admin)")
      ->type_name("\"YYYY-MM-DD HH:MM\"")
      ->check(non_empty);
  invocation.exit_code = tools::Parse(app, argc, argv, out, err);
  options.config = config.empty() ? config::DefaultConfigPath() : std::filesystem::path(config);
  return invocation;
}

}  // namespace motcua::motcuad

#include "tools/common/command_line.h"

#include <memory>
#include <ostream>
#include <utility>

#include "engine/base/quote.h"
#include "tools/common/build_info.h"

namespace motcua::tools {

DescribeError DescribeInEnglish(const std::string& program) {
  return [program](const CLI::Error& e) {
    return std::string(e.what()) + " (see " + program + " --help)";
  };
}

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  // CLI11 quotes the arguments it refuses: valid UTF-8 and nothing a
  // terminal acts on, as every message quoting outside text.
  return QuoteForMessage(text, kMessageMaxBytes);
}

std::size_t DisplayWidth(const std::string& text) {
  std::size_t width = 0;
  for (char c : text) {
    // Continuation bytes (10xxxxxx) belong to the character before them.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string Formatter::Row(const std::string& left, const std::string& description) const {
  const std::size_t column = get_column_width();
  std::string row = "  " + left;
  if (!description.empty()) {
    std::size_t used = DisplayWidth(row);
    if (used >= column) {
      row += "\n";
      used = 0;
    }
    row.append(column - used, ' ');
    for (char c : description) {
      row += c;
      if (c == '\n') row.append(column, ' ');
    }
  }
  return row + "\n";
}

std::string Formatter::make_option(const CLI::Option* opt, bool is_positional) const {
  return Row(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
}

std::string Formatter::make_subcommand(const CLI::App* sub) const {
  return Row(sub->get_display_name(true), sub->get_description());
}

void AddConventions(CLI::App& app, DescribeError describe, const std::string& help_text,
                    const std::string& version_text) {
  // A program's own Formatter subclass (motcua's) is kept.
  if (!std::dynamic_pointer_cast<Formatter>(app.get_formatter())) {
    app.formatter(std::make_shared<Formatter>());
  }
  app.set_help_flag("-h,--help", help_text);
  app.set_version_flag("--version", VersionLine(app.get_name()), version_text);
  const std::string program = app.get_name();
  app.failure_message(
      [program, describe = std::move(describe)](const CLI::App*, const CLI::Error& e) {
        return program + ": " + OneLine(describe(e)) + "\n";
      });
}

std::optional<int> Parse(CLI::App& app, int argc, const char* const* argv, std::ostream& out,
                         std::ostream& err) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0 (CLI::Success); every refusal exits 2,
    // whatever CLI11's own code for it.
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : kUsageExit;
  }
  return std::nullopt;
}

}  // namespace motcua::tools

#include "tools/motcua/command_table.h"

#include <ostream>
#include <utility>

namespace motcua::cli {

OptionSpec FlagOption(std::string name, std::string help) {
  return {std::move(name), ValueKind::kNone, "", std::move(help)};
}

OptionSpec TextOption(std::string name, std::string value, std::string help) {
  return {std::move(name), ValueKind::kText, std::move(value), std::move(help)};
}

OptionSpec ChoiceOption(std::string name, std::string choices, std::string help) {
  return {std::move(name), ValueKind::kChoice, std::move(choices), std::move(help)};
}

OptionSpec FileOption(std::string name, std::string help) {
  return {std::move(name), ValueKind::kFile, "TỆP", std::move(help)};
}

std::vector<std::string> ChoicesOf(const OptionSpec& option) {
  std::vector<std::string> choices;
  if (option.kind != ValueKind::kChoice) return choices;
  std::size_t start = 0;
  while (start <= option.value.size()) {
    std::size_t end = option.value.find('|', start);
    if (end == std::string::npos) end = option.value.size();
    choices.push_back(option.value.substr(start, end - start));
    start = end + 1;
  }
  return choices;
}

int Fail(const Context& ctx, const std::string& message, int exit_code) {
  *ctx.err << "motcua: " << message << "\n";
  return exit_code;
}

CommandTable AllCommands() {
  CommandTable table;
  AddDeskCommands(table);
  AddQueryCommands(table);
  AddAlertCommands(table);
  AddProcessCommands(table);
  AddCalendarCommands(table);
  AddStatsCommands(table);
  AddAdminCommands(table);
  AddTokenCommands(table);
  AddPasswordCommands(table);
  return table;
}

}  // namespace motcua::cli

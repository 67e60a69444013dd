#include "tools/motcua/command_line.h"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <utility>

#include "adapters/config/server_config.h"
#include "engine/base/quote.h"
#include "tools/common/command_line.h"
#include "tools/motcua/completion.h"

namespace motcua::cli {

namespace {

constexpr int kUsage = tools::kUsageExit;
constexpr const char* kOptionsGroup = "Tùy chọn";
constexpr const char* kGlobalGroup = "Tùy chọn chung";
constexpr const char* kCommandsGroup = "Lệnh";
constexpr const char* kHelpCommand = "help";
constexpr const char* kHelpText = "in hướng dẫn này rồi thoát";
constexpr const char* kExitCodes =
    "Mã thoát: 0 xong; 1 máy chủ từ chối; 2 dùng sai; 3 không kết nối được máy chủ; 4 check "
    "thấy dữ liệu bị sửa.";

// CLI11's layout with motcua's usage lines and Vietnamese headings.
class MotcuaFormatter : public tools::Formatter {
 public:
  explicit MotcuaFormatter(std::map<std::string, std::string> usages) : usages_(std::move(usages)) {
    label("Positionals", "Tham số");
    label("Env", "biến môi trường");
    column_width(28);
  }

  std::string make_description(const CLI::App* app) const override {
    if (app->get_parent() == nullptr) return app->get_description() + "\n";
    return app->get_name() + ": " + app->get_description() + "\n";
  }

  // "(biến môi trường: MOTCUA_TOKEN)", with the space CLI11 leaves out.
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string text = tools::Formatter::make_option_opts(opt);
    const std::string env = "(" + get_label("Env") + ":";
    if (auto at = text.find(env); at != std::string::npos) text.insert(at + env.size(), " ");
    return text;
  }

  std::string make_usage(const CLI::App* app, std::string) const override {
    std::string line = "Cách dùng: motcua [TÙY CHỌN CHUNG] ";
    if (app->get_parent() == nullptr) return line + "LỆNH [THAM SỐ]\n";
    line += app->get_name();
    auto it = usages_.find(app->get_name());
    if (it != usages_.end() && !it->second.empty()) line += " " + it->second;
    return line + "\n";
  }

 private:
  std::map<std::string, std::string> usages_;  // command -> what follows its name
};

// The value of a CLI11 option: "" for a flag, the last value otherwise.
std::string ValueOf(const CLI::Option& option) {
  return option.results().empty() ? std::string() : option.results().back();
}

// "--weeks=3" -> "--weeks".
std::string OptionName(const std::string& token) { return token.substr(0, token.find('=')); }

// The first argument nobody took. CLI11 keeps the "--" that ends the
// options among them; it is not one.
std::optional<std::string> FirstUnexpected(const std::vector<std::string>& remaining) {
  for (const std::string& token : remaining) {
    if (token != "--") return token;
  }
  return std::nullopt;
}

// The line for an argument nobody took.
std::string Unexpected(const std::string& token, bool command_expected) {
  if (token.size() > 1 && token[0] == '-') {
    return "tùy chọn không hợp lệ " + QuoteForMessage(OptionName(token));
  }
  if (command_expected) {
    return "lệnh không tồn tại '" + QuoteForMessage(token) + "' (xem motcua --help)";
  }
  return "tham số thừa '" + QuoteForMessage(token) + "'";
}

void AddOption(CLI::App& app, const OptionSpec& spec, const std::string& group) {
  CLI::Option* option = nullptr;
  if (spec.kind == ValueKind::kNone) {
    // "--codes=1" is refused, as a flag takes no value.
    option = app.add_flag("--" + spec.name, spec.help)->disable_flag_override();
  } else {
    // Every value is kept, so that a repeated option is refused by name
    // (Collect) rather than one silently winning.
    option = app.add_option("--" + spec.name, spec.help)
                 ->expected(1)
                 ->type_name(spec.value)
                 ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  option->group(group);
}

}  // namespace

const std::vector<OptionSpec>& GlobalOptions() {
  static const std::vector<OptionSpec> kGlobal = {
      TextOption("server", "URL", "địa chỉ của motcuad (mặc định http://127.0.0.1:8080)"),
      TextOption("token", "MÃ", "mã xác thực của người dùng"),
      FileOption("ca-file",
                 "chứng chỉ CA (PEM) để kiểm tra chứng chỉ của motcuad khi --server là "
                 "https://; mặc định: kho chứng chỉ của hệ thống"),
      FileOption("config",
                 "cấu hình mà due và calendar đọc (mặc định: biến môi trường "
                 "MOTCUA_CONFIG, nếu không có thì " +
                     config::InstalledConfigPath().string() + ")"),
  };
  return kGlobal;
}

std::string DescribeParseError(const CLI::Error& error) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    // CLI11 starts these with the option: "--to: 1 required TEXT missing",
    // "codes was given a disallowed flag override".
    std::string name = what.substr(0, what.find_first_of(": "));
    if (name.rfind("-", 0) != 0) name = "--" + name;
    if (what.find("flag override") != std::string::npos) {
      return "tùy chọn " + name + " không nhận giá trị";
    }
    if (what.find("missing") != std::string::npos) return "tùy chọn " + name + " thiếu giá trị";
    if (what.find("At Most") != std::string::npos) return "tùy chọn " + name + " bị lặp lại";
  }
  return "dòng lệnh không hợp lệ: " + what + " (xem motcua --help)";
}

CommandLine::CommandLine(const CommandTable& table, Context& ctx) : table_(table), ctx_(ctx) {
  std::map<std::string, std::string> usages;
  for (const CommandInfo& c : table_) usages[c.name] = c.usage;
  usages[kHelpCommand] = "[LỆNH]";

  app_ = std::make_unique<CLI::App>(
      "motcua: máy khách của bộ phận một cửa (tiếp nhận, xử lý, tra cứu, thống kê, quản trị)",
      "motcua");
  app_->formatter(std::make_shared<MotcuaFormatter>(std::move(usages)));
  app_->option_defaults()->group(kGlobalGroup);
  tools::AddConventions(*app_, DescribeParseError, kHelpText,
                        "in phiên bản và mã commit của bản dựng rồi thoát");
  // One command at most: a positional that happens to be a command's name
  // (`motcua help stats`) stays a positional.
  app_->require_subcommand(0, 1);
  // Unknown options and extra words are kept, and refused by Collect and
  // Run with their own Vietnamese line.
  app_->allow_extras();
  app_->footer(
      std::string("Hướng dẫn của từng lệnh: motcua LỆNH --help (hoặc motcua help LỆNH).\n") +
      kExitCodes);

  std::string* targets[] = {&ctx_.server, &ctx_.token, &ctx_.ca_file, &ctx_.config};
  const char* env[] = {"MOTCUA_SERVER", "MOTCUA_TOKEN", "MOTCUA_CA_FILE", nullptr};
  for (std::size_t i = 0; i < GlobalOptions().size(); ++i) {
    const OptionSpec& spec = GlobalOptions()[i];
    CLI::Option* option = app_->add_option("--" + spec.name, *targets[i], spec.help)
                              ->type_name(spec.value)
                              ->group(kGlobalGroup);
    if (env[i] != nullptr) option->envname(env[i]);
  }

  for (const CommandInfo& c : table_) {
    CLI::App* sub = app_->add_subcommand(c.name, c.summary);
    sub->group(kCommandsGroup);
    sub->footer(kExitCodes);
    for (const PositionalSpec& p : c.positionals) {
      sub->add_option(p.name, p.help)->expected(1)->type_name("")->group("Tham số");
    }
    // Added again after the positionals, so that the options' group comes
    // last in CLI11's list (it puts a blank line after every other group).
    sub->set_help_flag("-h,--help", kHelpText)->group(kOptionsGroup);
    for (const OptionSpec& o : c.options) AddOption(*sub, o, kOptionsGroup);
  }
  CLI::App* help =
      app_->add_subcommand(kHelpCommand, "in hướng dẫn của một lệnh, hoặc danh sách lệnh");
  help->group(kCommandsGroup);
  help->footer(kExitCodes);
  help->add_option("LỆNH", "tên lệnh")->expected(1)->type_name("")->group("Tham số");
  help->set_help_flag("-h,--help", kHelpText)->group(kOptionsGroup);
  // For the completion script only: every word after it is kept as is.
  CLI::App* complete = app_->add_subcommand(std::string(kCompleteCommand), "");
  complete->group("");
  complete->prefix_command();
}

std::string CommandLine::Help(const std::string& command) const {
  // What CLI11 prints for --help (App::help, which would show the help of
  // whichever subcommand was parsed: `help` itself, here).
  const CLI::App* app = command.empty() ? app_.get() : app_->get_subcommand(command);
  const std::string name = command.empty() ? "motcua" : "motcua " + command;
  return app->get_formatter()->make_help(app, name, CLI::AppFormatMode::Normal);
}

Result<Args> CommandLine::Collect(const CLI::App& sub, const CommandInfo& command) const {
  if (const auto extra = FirstUnexpected(sub.remaining())) {
    return Status(Error::kInvalidArgument, Unexpected(*extra, false));
  }
  std::map<std::string, std::string> values;
  for (const OptionSpec& spec : command.options) {
    const CLI::Option& option = *sub.get_option("--" + spec.name);
    if (option.count() == 0) continue;
    if (spec.kind != ValueKind::kNone && option.results().size() > 1) {
      return Status(Error::kInvalidArgument, "tùy chọn --" + spec.name + " bị lặp lại");
    }
    const std::string value = spec.kind == ValueKind::kNone ? std::string() : ValueOf(option);
    if (spec.kind == ValueKind::kChoice) {
      const std::vector<std::string> choices = ChoicesOf(spec);
      if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
        return Status(Error::kInvalidArgument,
                      "--" + spec.name + " phải là " + spec.value + ", nhận được '" +
                          QuoteForMessage(value) + "'");
      }
    }
    values[spec.name] = value;
  }
  std::vector<std::string> positional;
  for (const PositionalSpec& spec : command.positionals) {
    const CLI::Option& option = *sub.get_option(spec.name);
    if (option.count() == 0) {
      if (spec.required) return Status(Error::kInvalidArgument, "thiếu tham số " + spec.name);
      continue;
    }
    positional.push_back(ValueOf(option));
  }
  return Args(std::move(values), std::move(positional));
}

int CommandLine::Run(int argc, const char* const* argv) {
  if (auto exit_code = tools::Parse(*app_, argc, argv, *ctx_.out, *ctx_.err)) return *exit_code;
  if (const auto extra = FirstUnexpected(app_->remaining())) {
    return Fail(ctx_, Unexpected(*extra, app_->get_subcommands().empty()), kUsage);
  }
  if (app_->get_subcommands().empty()) {
    return Fail(ctx_, "thiếu lệnh (xem motcua --help)", kUsage);
  }
  const CLI::App& sub = *app_->get_subcommands().front();
  if (sub.get_name() == kCompleteCommand) {
    return Complete(table_, sub.remaining(), *ctx_.out);
  }
  if (sub.get_name() == kHelpCommand) {
    const CLI::Option& topic = *sub.get_option("LỆNH");
    const std::string command = topic.count() == 0 ? std::string() : ValueOf(topic);
    const bool known = command.empty() || command == kHelpCommand ||
                       std::any_of(table_.begin(), table_.end(),
                                   [&](const CommandInfo& c) { return c.name == command; });
    if (!known) return Fail(ctx_, Unexpected(command, true), kUsage);
    *ctx_.out << Help(command);
    return 0;
  }
  for (const CommandInfo& c : table_) {
    if (c.name != sub.get_name()) continue;
    auto args = Collect(sub, c);
    if (!args.ok()) return Fail(ctx_, args.status().message(), kUsage);
    return c.run(ctx_, *args);
  }
  return Fail(ctx_, Unexpected(sub.get_name(), true),
              kUsage);  // not reached: CLI11 knows only these
}

}  // namespace motcua::cli

#include "tools/motcua/completion.h"

#include <algorithm>
#include <optional>
#include <ostream>
#include <set>

#include "tools/motcua/command_line.h"

namespace motcua::cli {

namespace {

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

const OptionSpec* FindOption(const std::vector<OptionSpec>& options, const std::string& name) {
  for (const OptionSpec& o : options) {
    if ("--" + o.name == name) return &o;
  }
  return nullptr;
}

// bash splits words at '=' and ':' too (COMP_WORDBREAKS): "--format=cs"
// arrives as "--format", "=", "cs" and "http://h:8080" as five words. The
// completer glues them back, works on whole words, and returns candidates
// trimmed to what follows the last '=' or ':' of the current word, which is
// the part readline replaces.
class Completer {
 public:
  Completer(const CommandTable& table, const std::vector<std::string>& words, std::size_t index)
      : table_(table) {
    bool glue_next = false;
    for (std::size_t k = 0; k < words.size() && k <= index; ++k) {
      const std::string& w = words[k];
      if ((w == "=" || w == ":") && !words_.empty()) {
        words_.back() += w;
        glue_next = true;
      } else if (glue_next) {
        words_.back() += w;
        glue_next = false;
      } else {
        words_.push_back(w);
      }
    }
    if (index >= words.size()) words_.emplace_back();  // the cursor after the last word
    current_ = words_.back();
    words_.pop_back();  // words_: the words before the current one
  }

  std::vector<std::string> Candidates() const {
    std::vector<std::string> candidates = Whole();
    const std::size_t cut = current_.find_last_of("=:");
    if (cut == std::string::npos) return candidates;
    for (std::string& c : candidates) {
      if (c != kFilesMarker) c = c.substr(cut + 1);
    }
    return candidates;
  }

 private:
  // The candidates for the whole current word.
  std::vector<std::string> Whole() const {
    // The command: the first word that is neither a global option nor its value.
    std::size_t i = 0;
    for (; i < words_.size(); ++i) {
      if (!StartsWith(words_[i], "-")) break;
      if (TakesValue(GlobalOptions(), words_[i])) ++i;
    }
    if (i >= words_.size()) {  // the current word is the command or a global option
      if (auto values = ValueCandidates(GlobalOptions())) return *values;
      if (StartsWith(current_, "-")) {
        std::vector<std::string> names = {"--help", "--version"};
        for (const OptionSpec& o : GlobalOptions()) names.push_back("--" + o.name);
        return Matching(names);
      }
      return Matching(CommandNames());
    }
    if (words_[i] == "help") {
      return i + 1 == words_.size() ? Matching(CommandNames()) : std::vector<std::string>{};
    }
    const CommandInfo* command = nullptr;
    for (const CommandInfo& c : table_) {
      if (c.name == words_[i]) command = &c;
    }
    if (command == nullptr) return {};
    if (auto values = ValueCandidates(command->options)) return *values;

    // What the command's words so far have used.
    std::set<std::string> used;
    std::size_t positionals = 0;
    for (std::size_t j = i + 1; j < words_.size(); ++j) {
      if (StartsWith(words_[j], "--")) {
        used.insert(words_[j].substr(0, words_[j].find('=')));
        if (TakesValue(command->options, words_[j])) ++j;
      } else {
        ++positionals;
      }
    }
    if (!StartsWith(current_, "-") && positionals < command->positionals.size()) {
      const PositionalSpec& next = command->positionals[positionals];
      if (next.kind == ValueKind::kFile) return {std::string(kFilesMarker)};
      if (next.required) return {};  // a code or a name: nothing to guess
    }
    std::vector<std::string> names;
    for (const OptionSpec& o : command->options) {
      if (!used.count("--" + o.name)) names.push_back("--" + o.name);
    }
    if (used.empty()) names.push_back("--help");
    return Matching(names);
  }

  // When the current word is the value of one of `options` ("--format cs"
  // or "--format=cs"): its candidates; nullopt otherwise.
  std::optional<std::vector<std::string>> ValueCandidates(
      const std::vector<OptionSpec>& options) const {
    std::string name;
    std::string prefix;  // what candidates carry before the value
    if (const auto eq = current_.find('='); StartsWith(current_, "--") && eq != std::string::npos) {
      name = current_.substr(0, eq);
      prefix = current_.substr(0, eq + 1);
    } else if (!words_.empty()) {
      name = words_.back();
    }
    const OptionSpec* option = FindOption(options, name);
    if (option == nullptr || option->kind == ValueKind::kNone) return std::nullopt;
    if (option->kind == ValueKind::kFile)
      return std::vector<std::string>{std::string(kFilesMarker)};
    std::vector<std::string> values;
    for (const std::string& choice : ChoicesOf(*option)) values.push_back(prefix + choice);
    return Matching(values);
  }

  // Whether `word` is one of `options` that takes its value from the next word.
  static bool TakesValue(const std::vector<OptionSpec>& options, const std::string& word) {
    const OptionSpec* option = FindOption(options, word);
    return option != nullptr && option->kind != ValueKind::kNone;
  }

  std::vector<std::string> CommandNames() const {
    std::vector<std::string> names;
    for (const CommandInfo& c : table_) names.push_back(c.name);
    names.push_back("help");
    return names;
  }

  // The words that begin with the current one, sorted.
  std::vector<std::string> Matching(const std::vector<std::string>& words) const {
    std::vector<std::string> out;
    for (const std::string& w : words) {
      if (StartsWith(w, current_)) out.push_back(w);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  const CommandTable& table_;
  std::vector<std::string> words_;  // before the current one, glued
  std::string current_;
};

}  // namespace

int Complete(const CommandTable& table, const std::vector<std::string>& args, std::ostream& out) {
  if (args.empty() || args[0].empty() || args[0].size() > 4 ||
      !std::all_of(args[0].begin(), args[0].end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 2;
  }
  const std::size_t index = std::stoul(args[0]);
  Completer completer(table, std::vector<std::string>(args.begin() + 1, args.end()), index);
  for (const std::string& c : completer.Candidates()) out << c << "\n";
  return 0;
}

}  // namespace motcua::cli

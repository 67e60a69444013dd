#include "adapters/letters/text_renderer.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "adapters/letters/qr_code.h"
#include "adapters/text/utf8.h"

namespace motcua::letters {
namespace {

using Lines = std::vector<std::string>;

// Continuation lines of a field, a list row or a notice start this far in,
// so the label or the number stands out on the left.
constexpr std::size_t kHangingIndent = 4;

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Greedy word wrap of `text` into lines at most `width` wide (a line that
// starts with a word wider than the room left is split inside the word).
// The first line starts with `first_prefix`, every later one with
// `indent`. A newline in `text` forces a break.
Lines Wrap(std::string_view text, std::size_t width, std::string_view first_prefix,
           std::string_view indent) {
  Lines lines;
  std::string line(first_prefix);
  std::size_t line_width = text::DisplayWidth(first_prefix);
  bool line_has_words = false;
  auto next_line = [&] {
    lines.push_back(std::move(line));
    line = std::string(indent);
    line_width = text::DisplayWidth(indent);
    line_has_words = false;
  };
  bool first_paragraph = true;
  for (std::string_view paragraph : Split(text, '\n')) {
    if (!first_paragraph) next_line();
    first_paragraph = false;
    for (std::string_view word : Split(paragraph, ' ')) {
      if (word.empty()) continue;  // runs of spaces collapse
      std::string_view rest = word;
      while (!rest.empty()) {
        const std::size_t rest_width = text::DisplayWidth(rest);
        const std::size_t gap = line_has_words ? 1 : 0;
        if (line_width + gap + rest_width <= width) {
          if (line_has_words) line.push_back(' ');
          line.append(rest);
          line_width += gap + rest_width;
          line_has_words = true;
          break;
        }
        if (line_has_words) {
          next_line();
          continue;
        }
        // Alone on its line and still too wide: split it. PrefixFitting
        // always takes something, so this ends even when the indent alone
        // fills the line.
        const std::size_t room = width > line_width ? width - line_width : 0;
        const std::string_view head = text::PrefixFitting(rest, room);
        line.append(head);
        line_width += text::DisplayWidth(head);
        line_has_words = true;
        rest.remove_prefix(head.size());
        if (!rest.empty()) next_line();
      }
    }
  }
  lines.push_back(std::move(line));
  return lines;
}

std::string Pad(std::size_t columns) { return std::string(columns, ' '); }

std::string Centered(std::string_view line, std::size_t width) {
  const std::size_t w = text::DisplayWidth(line);
  return w >= width ? std::string(line) : Pad((width - w) / 2) + std::string(line);
}

void AppendCentered(std::string_view text, std::size_t width, Lines& out) {
  if (text.empty()) return;
  for (const std::string& line : Wrap(text, width, "", "")) out.push_back(Centered(line, width));
}

void AppendRight(std::string_view text, std::size_t width, Lines& out) {
  if (text.empty()) return;
  for (const std::string& line : Wrap(text, width, "", "")) {
    const std::size_t w = text::DisplayWidth(line);
    out.push_back(w >= width ? line : Pad(width - w) + line);
  }
}

void AppendWrapped(std::string_view text, std::size_t width, std::string_view first_prefix,
                   std::string_view indent, Lines& out) {
  for (std::string& line : Wrap(text, width, first_prefix, indent)) out.push_back(std::move(line));
}

// A row "1 | Tờ khai | 01 | Đã số hóa" under the header "TT | Tên | Số bản |
// Ghi chú" becomes "1. Tờ khai; Số bản: 01; Ghi chú: Đã số hóa"; empty cells
// are left out rather than printed as a dangling label.
void AppendTable(const Table& table, std::size_t width, Lines& out) {
  for (const std::vector<std::string>& row : table.rows) {
    if (row.empty()) continue;
    std::string text;
    for (std::size_t i = 1; i < row.size(); ++i) {
      if (row[i].empty()) continue;
      if (!text.empty()) text += "; ";
      if (i >= 2 && i < table.header.size()) text += table.header[i] + ": ";
      text += row[i];
    }
    AppendWrapped(text, width, "  " + row[0] + ". ", Pad(kHangingIndent), out);
  }
}

// The symbol in half-block characters, two module rows to a line, centred;
// dark modules are printed ink (black on a receipt printer's paper; a
// terminal with light text shows it inverted, which phone readers also
// scan). Too wide for the page, or not encodable: the link alone.
void AppendQrCode(const QrCode& qr, std::size_t width, Lines& out) {
  AppendWrapped(qr.caption, width, "", "", out);
  if (std::optional<QrMatrix> matrix = EncodeQr(qr.link)) {
    const int from = -kQrQuietZone;
    const int to = matrix->size() + kQrQuietZone;
    const auto columns = static_cast<std::size_t>(to - from);
    if (columns <= width) {
      const std::string margin = Pad((width - columns) / 2);
      for (int y = from; y < to; y += 2) {
        std::string line = margin;
        for (int x = from; x < to; ++x) {
          const bool top = matrix->Dark(x, y);
          const bool bottom = y + 1 < to && matrix->Dark(x, y + 1);
          line += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        out.push_back(std::move(line));
      }
    }
  }
  AppendWrapped(qr.link, width, "", "", out);
}

void AppendBlock(const Block& block, std::size_t width, Lines& out) {
  if (const auto* field = std::get_if<Field>(&block)) {
    const std::string whole = field->label + ": " + field->value;
    const bool value_fits_alone = kHangingIndent + text::DisplayWidth(field->value) <= width &&
                                  field->value.find('\n') == std::string::npos;
    if (text::DisplayWidth(whole) > width && value_fits_alone) {
      // Keep a short value (a time, a code) whole on its own line rather
      // than break "16:00, ngày 19 tháng | 03 năm 2024" across two.
      AppendWrapped(field->label + ":", width, "", Pad(kHangingIndent), out);
      out.push_back(Pad(kHangingIndent) + field->value);
    } else {
      AppendWrapped(whole, width, "", Pad(kHangingIndent), out);
    }
  } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
    AppendWrapped(paragraph->text, width, "", "", out);
  } else if (const auto* notice = std::get_if<Notice>(&block)) {
    out.emplace_back();
    AppendWrapped(notice->text, width, "(!) ", Pad(kHangingIndent), out);
    out.emplace_back();
  } else if (const auto* table = std::get_if<Table>(&block)) {
    AppendTable(*table, width, out);
  } else if (const auto* qr = std::get_if<QrCode>(&block)) {
    AppendQrCode(*qr, width, out);
  }
}

// Signature blocks side by side, each centered in an equal share of the
// width. One block alone takes the right half, where Vietnamese documents put
// the signer.
void AppendSignatures(const std::vector<Signature>& signatures, std::size_t width, Lines& out) {
  if (signatures.empty()) return;
  const bool alone = signatures.size() == 1;
  const std::size_t columns = alone ? 2 : signatures.size();
  const std::size_t column_width = std::max<std::size_t>(1, width / columns);
  std::vector<Lines> blocks;
  for (const Signature& signature : signatures) {
    Lines block;
    AppendCentered(signature.role, column_width, block);
    AppendCentered(signature.hint, column_width, block);
    // Room to sign by hand.
    block.insert(block.end(), 4, std::string());
    AppendCentered(signature.name, column_width, block);
    blocks.push_back(std::move(block));
  }
  std::size_t height = 0;
  for (const Lines& block : blocks) height = std::max(height, block.size());
  for (std::size_t row = 0; row < height; ++row) {
    std::string line = alone ? Pad(column_width) : std::string();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const std::string cell = row < blocks[i].size() ? blocks[i][row] : std::string();
      line += cell;
      if (i + 1 < blocks.size())
        line += Pad(column_width - std::min(column_width, text::DisplayWidth(cell)));
    }
    out.push_back(std::move(line));
  }
}

}  // namespace

std::string RenderText(const Letter& letter, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  Lines lines;
  AppendCentered(kNationalTitle, width, lines);
  AppendCentered(kNationalMotto, width, lines);
  AppendCentered(std::string(text::DisplayWidth(kNationalMotto), '-'), width, lines);
  lines.emplace_back();
  AppendCentered(text::ToUpperVietnamese(letter.unit_name), width, lines);
  AppendCentered(text::ToUpperVietnamese(letter.unit_division), width, lines);
  lines.emplace_back();
  AppendRight(letter.form_label, width, lines);
  AppendRight(letter.place_and_date, width, lines);
  lines.emplace_back();
  AppendCentered(text::ToUpperVietnamese(letter.title), width, lines);
  AppendCentered(letter.subtitle, width, lines);
  lines.emplace_back();
  if (!letter.addressee.empty()) {
    AppendCentered(letter.addressee, width, lines);
    lines.emplace_back();
  }
  for (const Block& block : letter.body) AppendBlock(block, width, lines);
  lines.emplace_back();
  AppendSignatures(letter.signatures, width, lines);

  std::string text;
  for (std::string& line : lines) {
    // Trailing spaces would make thermal printers feed blank space, and are
    // noise in diffs.
    line.erase(line.find_last_not_of(' ') + 1);
    text += line;
    text += '\n';
  }
  // Collapse the blank lines a notice can leave next to another.
  std::string collapsed;
  collapsed.reserve(text.size());
  for (char c : text) {
    if (c == '\n' && collapsed.size() >= 2 && collapsed.ends_with("\n\n")) continue;
    collapsed.push_back(c);
  }
  return text::ToPrintable(collapsed);
}

}  // namespace motcua::letters

#include "adapters/letters/utf8.h"

#include <cstdint>

namespace motcua::letters {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t code_point;
  std::size_t length;  // bytes consumed, at least 1
  bool valid;
};

std::uint8_t Byte(std::string_view text, std::size_t i) noexcept {
  return static_cast<std::uint8_t>(text[i]);
}

bool IsContinuation(std::uint8_t b) noexcept { return (b & 0xC0u) == 0x80u; }

// Strict decoding (RFC 3629): a malformed sequence consumes one byte, so the
// next call resynchronises on the following byte.
Decoded DecodeAt(std::string_view text, std::size_t pos) noexcept {
  const std::uint8_t b0 = Byte(text, pos);
  if (b0 < 0x80u) return {b0, 1, true};
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0u) == 0xC0u) {
    length = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 & 0xF0u) == 0xE0u) {
    length = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 & 0xF8u) == 0xF0u) {
    length = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return {kReplacement, 1, false};
  }
  if (pos + length > text.size()) return {kReplacement, 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    const std::uint8_t b = Byte(text, pos + i);
    if (!IsContinuation(b)) return {kReplacement, 1, false};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {kReplacement, 1, false};
  }
  return {cp, length, true};
}

bool IsCombiningMark(char32_t cp) noexcept {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// In these Unicode blocks the capital and small letters alternate, capital
// first, so a small letter is one above its capital.
bool IsSmallInAlternatingBlock(char32_t cp) noexcept {
  const bool in_block = (cp >= 0x0100 && cp <= 0x012F) ||  // ă, đ, ĩ among others
                        (cp >= 0x0132 && cp <= 0x0137) ||  //
                        (cp >= 0x014A && cp <= 0x0177) ||  // ũ among others
                        (cp >= 0x1EA0 && cp <= 0x1EF9);    // ạ ả ấ ... ỹ (Vietnamese)
  return in_block && (cp % 2 == 1);
}

char32_t ToUpper(char32_t cp) noexcept {
  if (cp >= U'a' && cp <= U'z') return cp - 0x20;
  if (cp >= 0x00E0 && cp <= 0x00FE && cp != 0x00F7) return cp - 0x20;  // à á â ã è ...
  if (IsSmallInAlternatingBlock(cp)) return cp - 1;
  if (cp == 0x01A1) return 0x01A0;  // ơ
  if (cp == 0x01B0) return 0x01AF;  // ư
  return cp;
}

}  // namespace

bool IsValidUtf8(std::string_view text) noexcept {
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = DecodeAt(text, pos);
    if (!d.valid) return false;
    pos += d.length;
  }
  return true;
}

std::size_t DisplayWidth(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = DecodeAt(text, pos);
    if (!d.valid || !IsCombiningMark(d.code_point)) ++width;
    pos += d.length;
  }
  return width;
}

std::string_view PrefixFitting(std::string_view text, std::size_t columns) noexcept {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded d = DecodeAt(text, pos);
    const bool spacing = !d.valid || !IsCombiningMark(d.code_point);
    // A combining mark always stays with the letter before it.
    if (spacing && width + 1 > columns && pos > 0) break;
    if (spacing) ++width;
    pos += d.length;
  }
  return text.substr(0, pos);
}

std::string ToUpperVietnamese(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = DecodeAt(text, pos);
    if (d.valid) {
      AppendUtf8(ToUpper(d.code_point), out);
    } else {
      out.push_back(text[pos]);
    }
    pos += d.length;
  }
  return out;
}

std::string ToPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const Decoded d = DecodeAt(text, pos);
    const char32_t cp = d.code_point;
    if (cp == U'\t') {
      out.push_back(' ');
    } else if (cp == U'\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      // A Windows line end typed into a reason is just a line end.
    } else if (!d.valid || (cp < 0x20 && cp != U'\n') || (cp >= 0x7F && cp <= 0x9F)) {
      AppendUtf8(kReplacement, out);
    } else {
      out.append(text.substr(pos, d.length));
    }
    pos += d.length;
  }
  return out;
}

}  // namespace motcua::letters

#include "adapters/text/utf8.h"

#include <cstdint>

#include "engine/base/utf8_decode.h"  // the one decoder, shared with quote.h

namespace motcua::text {
namespace {

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
    const DecodedCodePoint d = DecodeUtf8At(text, pos);
    if (!d.valid) return false;
    pos += d.length;
  }
  return true;
}

std::size_t DisplayWidth(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedCodePoint d = DecodeUtf8At(text, pos);
    if (!d.valid || !IsCombiningMark(d.code_point)) ++width;
    pos += d.length;
  }
  return width;
}

std::string_view PrefixFitting(std::string_view text, std::size_t columns) noexcept {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const DecodedCodePoint d = DecodeUtf8At(text, pos);
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
    const DecodedCodePoint d = DecodeUtf8At(text, pos);
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
    const DecodedCodePoint d = DecodeUtf8At(text, pos);
    const char32_t cp = d.code_point;
    if (cp == U'\t') {
      out.push_back(' ');
    } else if (cp == U'\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      // A Windows line end typed into a reason is just a line end.
    } else if (!d.valid || (cp < 0x20 && cp != U'\n') || (cp >= 0x7F && cp <= 0x9F)) {
      out.append(kReplacementUtf8);
    } else {
      out.append(text.substr(pos, d.length));
    }
    pos += d.length;
  }
  return out;
}

}  // namespace motcua::text

#include "engine/base/utf8_decode.h"

#include <cstdint>

namespace motcua {

namespace {

std::uint8_t Byte(std::string_view text, std::size_t i) noexcept {
  return static_cast<std::uint8_t>(text[i]);
}

bool IsContinuation(std::uint8_t b) noexcept { return (b & 0xC0u) == 0x80u; }

}  // namespace

DecodedCodePoint DecodeUtf8At(std::string_view text, std::size_t pos) noexcept {
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
    return {kReplacementCharacter, 1, false};
  }
  if (pos + length > text.size()) return {kReplacementCharacter, 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    const std::uint8_t b = Byte(text, pos + i);
    if (!IsContinuation(b)) return {kReplacementCharacter, 1, false};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {kReplacementCharacter, 1, false};
  }
  return {cp, length, true};
}

bool IsCombiningMark(char32_t cp) noexcept {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

}  // namespace motcua

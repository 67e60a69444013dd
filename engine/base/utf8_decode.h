// The one UTF-8 decoder: strict decoding of one code point at a time, and
// the property every text helper needs of a code point (whether it is a
// combining mark). The quoting of client text into messages (quote.h) and
// the letters' text helpers (adapters/text/utf8.h) both decode with it, so
// they agree on what is malformed.
//
// Pure functions; safe to call from any thread.
#ifndef MOTCUA_ENGINE_BASE_UTF8_DECODE_H_
#define MOTCUA_ENGINE_BASE_UTF8_DECODE_H_

#include <cstddef>
#include <string_view>

namespace motcua {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;
// U+FFFD in UTF-8, what replaces a malformed byte.
inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

struct DecodedCodePoint {
  char32_t code_point;  // kReplacementCharacter when !valid
  std::size_t length;   // bytes consumed, at least 1
  bool valid;
};

// Decodes the code point at byte `pos` (< text.size()) under RFC 3629: no
// stray continuation bytes, no overlong forms, no surrogates, nothing above
// U+10FFFF. A malformed sequence consumes one byte, so the next call
// resynchronises on the byte after it.
DecodedCodePoint DecodeUtf8At(std::string_view text, std::size_t pos) noexcept;

// True for the combining diacritical marks (the blocks Vietnamese tone and
// vowel marks come from in NFD text, and their supplements): a mark belongs
// to the letter before it, takes no column and must not be cut from it.
bool IsCombiningMark(char32_t code_point) noexcept;

}  // namespace motcua

#endif  // MOTCUA_ENGINE_BASE_UTF8_DECODE_H_

#include "engine/base/quote.h"

#include <algorithm>

#include "engine/base/utf8_decode.h"

namespace motcua {

namespace {

// Code points a message must not carry (see the header for why).
bool Dropped(char32_t cp) noexcept {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||       // C0, DEL, C1
         cp == 0x2028 || cp == 0x2029 ||                  // line and paragraph separators
         cp == 0x061C || cp == 0x200E || cp == 0x200F ||  // bidi marks
         (cp >= 0x202A && cp <= 0x202E) ||                // bidi embeddings and overrides
         (cp >= 0x2066 && cp <= 0x2069);                  // bidi isolates
}

}  // namespace

std::string QuoteForMessage(std::string_view client_text, std::size_t max_bytes) {
  max_bytes = std::max(max_bytes, kCutMark.size());
  // When cut, what precedes the mark holds at most this many bytes.
  const std::size_t room = max_bytes - kCutMark.size();
  std::string out;
  out.reserve(std::min(client_text.size(), max_bytes));
  std::size_t cut = 0;  // the longest prefix of `out` that may stand before the mark
  for (std::size_t pos = 0; pos < client_text.size();) {
    const DecodedCodePoint d = DecodeUtf8At(client_text, pos);
    const std::string_view piece = d.valid ? client_text.substr(pos, d.length) : kReplacementUtf8;
    pos += d.length;
    if (d.valid && Dropped(d.code_point)) continue;
    // A combining mark stays with its letter: no cut just before it.
    if (!(d.valid && IsCombiningMark(d.code_point)) && out.size() <= room) cut = out.size();
    if (out.size() + piece.size() > max_bytes) {
      out.resize(cut);
      out += kCutMark;
      return out;
    }
    out += piece;
  }
  return out;
}

}  // namespace motcua

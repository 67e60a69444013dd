#include "adapters/text/search_fold.h"

#include "engine/base/utf8_decode.h"

namespace motcua::text {

namespace {

// The base letter of each code point of Latin-1 Supplement letters through
// Latin Extended-B (U+00C0–U+024F) and of Latin Extended Additional
// (U+1E00–U+1EFF, where most Vietnamese letters with a tone mark live),
// lower case; '?' where there is none (×, ÷, Æ, ß, …: kept as they are).
// Generated from Unicode's canonical decompositions (the first code point of
// each NFD form), with Đ/đ, which decompose to nothing, given as "d".
constexpr std::string_view kLatin1ToExtB =
    "aaaaaa?ceeeeiiii?nooooo??uuuuy??aaaaaa?ceeeeiiii?nooooo??uuuuy?y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghh??iiiiiiiii???jjkk?llllll?"
    "???nnnnnn???oooooo??rrrrrrsssssssstttt??uuuuuuuuuuuuwwyyyzzzzzz?"
    "????????????????????????????????oo?????????????uu???????????????"
    "?????????????aaiioouuuuuuuuuu?aaaa????ggkkoooo??j???gg??nnaa????"
    "aaaaeeeeiiiioooorrrruuuusstt??hh??????aaeeooooooooyy????????????"
    "????????????????";
constexpr std::string_view kLatinExtendedAdditional =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy??????aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy??????";
static_assert(kLatin1ToExtB.size() == 0x250 - 0xC0);
static_assert(kLatinExtendedAdditional.size() == 0x100);

// The base letter of `cp`, or 0 when it has none in the tables.
char BaseLetter(char32_t cp) {
  char base = '?';
  if (cp >= 0xC0 && cp < 0x250) base = kLatin1ToExtB[cp - 0xC0];
  if (cp >= 0x1E00 && cp < 0x1F00) base = kLatinExtendedAdditional[cp - 0x1E00];
  return base == '?' ? 0 : base;
}

bool IsAsciiAlnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

}  // namespace

std::string FoldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto put = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += piece;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedCodePoint d = DecodeUtf8At(text, pos);
    const std::string_view bytes = text.substr(pos, d.length);
    pos += d.length;
    const char32_t cp = d.code_point;
    if (!d.valid) {
      pending_space = true;
    } else if (IsAsciiAlnum(cp)) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      put(std::string_view(&c, 1));
    } else if (IsCombiningMark(cp)) {
      // NFD input: the mark of the letter already written.
    } else if (const char base = BaseLetter(cp); base != 0) {
      put(std::string_view(&base, 1));
    } else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000) {
      // ASCII and Latin-1 punctuation, spaces and symbols, and the general
      // punctuation block: word separators.
      pending_space = true;
    } else {
      put(bytes);  // a letter of another script, or a symbol: compared as is
    }
  }
  return out;
}

std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  const std::string folded = FoldForSearch(text);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string DigitsOf(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

}  // namespace motcua::text

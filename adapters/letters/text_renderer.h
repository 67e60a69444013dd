// Renders a Letter as plain UTF-8 text for a terminal or a thermal printer:
// everything stacked in one column of `width` display columns (64 by
// default, what an 80 mm printer fits), words wrapped, headings centered,
// signature blocks side by side. A field whose value does not fit beside its
// label but fits on a line of its own gets that line, so times and codes are
// never broken in two. Lines carry no trailing spaces; the text ends with a
// newline. Values that contain control characters or malformed UTF-8 are
// neutralised (ToPrintable in utf8.h), so the output is always valid UTF-8
// and safe to write to a terminal.
//
// A pure function; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_TEXT_RENDERER_H_
#define MOTCUA_ADAPTERS_LETTERS_TEXT_RENDERER_H_

#include <cstddef>
#include <string>

#include "adapters/letters/letter.h"

namespace motcua::letters {

inline constexpr std::size_t kTextWidth = 64;

// Any width works; below about 32 columns the signature blocks get cramped.
// A single word wider than a line is split across lines.
std::string RenderText(const Letter& letter, std::size_t width = kTextWidth);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_TEXT_RENDERER_H_

// Renders a Letter as one self-contained, printable HTML5 page: inline CSS,
// no scripts, no external fonts or images, so it prints the same from a
// browser on a machine with no network. The page asks for A5 or A4 paper
// (@page size) as the Letter says, with the margins of Vietnamese
// administrative documents on A4.
//
// Every value from the Letter is HTML-escaped (EscapeHtml), and control
// characters and malformed UTF-8 are neutralised (ToPrintable in utf8.h), so
// nothing typed at the counter can inject markup and the page is always
// valid UTF-8.
//
// Pure functions; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_HTML_RENDERER_H_
#define MOTCUA_ADAPTERS_LETTERS_HTML_RENDERER_H_

#include <string>
#include <string_view>

#include "adapters/letters/letter.h"

namespace motcua::letters {

std::string RenderHtml(const Letter& letter);

// & < > " ' as character references; safe in text and in quoted attributes.
std::string EscapeHtml(std::string_view text);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_HTML_RENDERER_H_

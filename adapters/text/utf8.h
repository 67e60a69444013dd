// UTF-8 helpers for the letters: validity, the width a string takes on a
// fixed-width terminal or thermal printer, and upper-casing Vietnamese.
//
// Scope, on purpose: Vietnamese text in Latin script. Width counts one column
// per code point and none for combining marks, so text in NFC or NFD lines up
// the same; East Asian wide characters are not handled. Upper-casing covers
// ASCII, Latin-1 and every letter of the Vietnamese alphabet with every tone
// mark; other characters pass through unchanged.
//
// Decoding is engine/base/utf8_decode.h, the one decoder; quoting outside
// text into a message (an error, a log line) is engine/base/quote.h.
//
// Pure functions; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_TEXT_UTF8_H_
#define MOTCUA_ADAPTERS_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::text {

// True when `text` is well-formed UTF-8: no stray continuation bytes, no
// overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text) noexcept;

// Columns `text` takes on a fixed-width device. A malformed byte counts as
// one column (it will print as one replacement character).
std::size_t DisplayWidth(std::string_view text) noexcept;

// The longest prefix of `text` that fits in `columns`, never splitting a code
// point nor separating a combining mark from its base letter. Returns at
// least one code point (with its marks) when `text` is not empty, so a caller
// that splits in a loop always makes progress.
std::string_view PrefixFitting(std::string_view text, std::size_t columns) noexcept;

// "Đăng ký khai sinh" -> "ĐĂNG KÝ KHAI SINH". Malformed bytes are kept as they are.
std::string ToUpperVietnamese(std::string_view text);

// `text` made safe to print: each malformed byte and each control character
// (C0 other than newline, DEL, C1) becomes U+FFFD, a tab becomes a space
// and CR LF becomes LF.
// The renderers pass their whole output through this, so a value typed at
// the counter can neither break the output's UTF-8 nor send escape
// sequences to the officer's terminal or printer.
std::string ToPrintable(std::string_view text);

}  // namespace motcua::text

#endif  // MOTCUA_ADAPTERS_TEXT_UTF8_H_

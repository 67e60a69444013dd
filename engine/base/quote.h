// Quoting text that came from outside into a message. Every message that
// repeats what a client, a file or an operator typed (an error's Status
// message and so the HTTP ErrorReply, a log line, a CLI error) passes that
// text through QuoteForMessage before concatenating it:
//
//   return Status(Error::kNotFound, "không tìm thấy hồ sơ " + QuoteForMessage(code));
//
// Outside text here is anything not written by this program: a request's
// path, query values and header values, a body's fields, a line of an
// imported file, a value from a configuration or data file, a command-line
// argument, another server's reply. The message then stays
//   - valid UTF-8: JSON requires it (RFC 8259), protobuf refuses a string
//     field without it, and a terminal or a page would show garbage;
//   - one line, with nothing a terminal, a log viewer or a page acts on:
//     no control character, no line separator, no bidirectional override
//     (which would make the officer read the message in another order);
//   - short: a 60 KiB field is quoted as its first bytes and "…".
// It does not escape markup, on purpose: a message is plain text, each
// encoding escapes for itself (the JSON encoder for JSON), and a page must
// insert a message as text, never as HTML.
//
// Lives in engine/base, not with the text helpers in adapters/text, because
// the engine's own validation messages quote command fields too and the
// engine depends on nothing outside it. Decodes with utf8_decode.h, the one
// decoder.
//
// Pure function; safe to call from any thread.
#ifndef MOTCUA_ENGINE_BASE_QUOTE_H_
#define MOTCUA_ENGINE_BASE_QUOTE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua {

// Bytes of outside text a message quotes by default: enough to recognise a
// path, a dossier code or a file name (about 40 Vietnamese letters at most,
// 128 ASCII ones), little enough that a message stays one readable line.
inline constexpr std::size_t kQuotedTextMaxBytes = 128;
// A file path: its file name comes last, so a path gets more room.
inline constexpr std::size_t kQuotedPathMaxBytes = 512;
// For a whole message that may hold several quotes (another server's
// ErrorReply shown by the CLI, the last pass in an HTTP ErrorReply).
inline constexpr std::size_t kMessageMaxBytes = 1024;
// What marks a cut: U+2026 HORIZONTAL ELLIPSIS.
inline constexpr std::string_view kCutMark = "\xE2\x80\xA6";

// `client_text` made fit to be quoted in a message:
//   - each well-formed code point is kept, except these, which are dropped:
//     the C0 controls U+0000-U+001F (TAB, LF and CR included), DEL U+007F,
//     the C1 controls U+0080-U+009F, the line and paragraph separators
//     U+2028 and U+2029, and the bidirectional formatting characters
//     (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069);
//   - each byte that is not part of a well-formed sequence becomes U+FFFD;
//   - when the result would exceed `max_bytes` bytes it is cut on a code
//     point boundary, never between a letter and its combining marks, and
//     ends with kCutMark, the mark counted within `max_bytes` (a
//     `max_bytes` below the mark's 3 bytes counts as 3).
// So the result is valid UTF-8, holds no byte below 0x20 nor 0x7F, and is at
// most max(max_bytes, 3) bytes. No quotation marks are added: the sentence
// around it chooses them.
std::string QuoteForMessage(std::string_view client_text,
                            std::size_t max_bytes = kQuotedTextMaxBytes);

}  // namespace motcua

#endif  // MOTCUA_ENGINE_BASE_QUOTE_H_

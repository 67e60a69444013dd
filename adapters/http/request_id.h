// Request ids: every request motcuad answers carries one, in the X-Request-Id
// response header, in an error reply's body and on the request's log line, so
// that an error an officer sees (or a screenshot of it) leads to the line in
// the journal. A proxy in front (nginx's $request_id) may send its own: a
// plausible one is kept, so both logs name the same request.
//
// Thread-safe.
#ifndef MOTCUA_ADAPTERS_HTTP_REQUEST_ID_H_
#define MOTCUA_ADAPTERS_HTTP_REQUEST_ID_H_

#include <string>
#include <string_view>

namespace motcua::http {

inline constexpr std::string_view kRequestIdHeader = "X-Request-Id";

// A fresh id: this process's random prefix and a counter, e.g.
// "5f1c2a9e-3b". Unique within a run, and across runs but by chance.
std::string NewRequestId();

// The id a client sent, if it is one to keep: 1 to 64 of A-Z a-z 0-9 . _ : -
// (nothing a log line or a header could be confused by).
bool IsAcceptableRequestId(std::string_view id);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_REQUEST_ID_H_

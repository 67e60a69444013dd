#include "adapters/api/route.h"

#include <set>
#include <vector>

#include "engine/base/quote.h"

namespace motcua::api {

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

RouteError BadRequest(std::string message) {
  return RouteError{Status(Error::kBadRequest, std::move(message)), {}};
}

RouteError NotFound(std::string_view path) {
  return RouteError{Status(Error::kNotFound, "không có đường dẫn " + QuoteForMessage(path)),
                    {}};
}

RouteError WrongMethod(std::string_view method, std::string_view path, std::string allow) {
  return RouteError{
      Status(Error::kBadRequest, "đường dẫn " + QuoteForMessage(path) + " không nhận phương thức " +
                                     QuoteForMessage(method) + " (dùng " + allow + ")"),
      allow};
}

// The query parameters each route takes; anything else is refused, so a
// misspelt filter is an error instead of a silently unfiltered list.
const std::set<std::string>& AllowedParams(RouteKind kind) {
  static const std::set<std::string> kNone;
  static const std::set<std::string> kList = {"status", "procedure", "holder", "due_before",
                                              "q",      "offset",    "limit",  "open"};
  static const std::set<std::string> kPreview = {"procedure"};
  static const std::set<std::string> kReceipt = {"format"};
  static const std::set<std::string> kLookup = {"secret"};
  static const std::set<std::string> kStats = {"from", "to", "format", "codes"};
  static const std::set<std::string> kTrend = {"to", "months"};
  static const std::set<std::string> kPeriod = {"from", "to"};
  static const std::set<std::string> kBook = {"from", "to", "format"};
  static const std::set<std::string> kAlerts = {"open", "from", "to", "limit"};
  static const std::set<std::string> kAlertStream = {"last_event_id"};
  static const std::set<std::string> kLimit = {"limit"};
  static const std::set<std::string> kOffset = {"offset"};
  switch (kind) {
    case RouteKind::kListDossiers: return kList;
    case RouteKind::kReceipt: return kReceipt;
    case RouteKind::kLookup: return kLookup;
    case RouteKind::kStats: return kStats;
    case RouteKind::kStatsTrend: return kTrend;
    case RouteKind::kPortalExport: return kPeriod;
    case RouteKind::kAlerts: return kAlerts;
    case RouteKind::kAlertStream: return kAlertStream;
    case RouteKind::kUndeliveredAlerts: return kLimit;
    case RouteKind::kApologyLetter: return kReceipt;
    case RouteKind::kRefusalLetter: return kReceipt;
    case RouteKind::kSupplementRequestLetter: return kReceipt;
    case RouteKind::kControlSlip: return kReceipt;
    case RouteKind::kTrackingBook: return kBook;
    case RouteKind::kAppointmentPreview: return kPreview;
    case RouteKind::kAdminBackupChunk: return kOffset;
    default: return kNone;
  }
}

}  // namespace

std::optional<std::string> Route::Param(const std::string& key) const {
  auto it = query.find(key);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = HexDigit(text[i + 1]);
      int lo = HexDigit(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string PercentEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::variant<Route, RouteError> ParseRoute(std::string_view method, std::string_view target) {
  if (target.empty() || target.front() != '/') return BadRequest("đường dẫn yêu cầu không hợp lệ");
  const std::size_t q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);

  std::vector<std::string> segments;
  for (std::string_view raw : Split(path.substr(1), '/')) {
    auto decoded = PercentDecode(raw, /*plus_is_space=*/false);
    if (!decoded || decoded->find('/') != std::string::npos) {
      return BadRequest("đường dẫn yêu cầu không hợp lệ");
    }
    segments.push_back(std::move(*decoded));
  }
  // A trailing slash names the same resource.
  if (segments.size() > 1 && segments.back().empty()) segments.pop_back();

  Route route;
  std::string_view want = "GET";
  const auto n = segments.size();
  if (n == 1 && segments[0] == "healthz") {
    route.kind = RouteKind::kHealth;
  } else if (n == 1 && segments[0] == "readyz") {
    route.kind = RouteKind::kReady;
  } else if (n == 1 && segments[0] == "metrics") {
    route.kind = RouteKind::kMetrics;
  } else if (n == 1 && segments[0].empty()) {
    route.kind = RouteKind::kPage;
  } else if (n == 1 && segments[0] == "tra-cuu") {
    route.kind = RouteKind::kCitizenPage;
  } else if (n == 2 && segments[0] == "assets" && !segments[1].empty()) {
    route.kind = RouteKind::kAsset;
    route.name = segments[1];
  } else if (n >= 2 && segments[0] == "v1") {
    const std::string& s1 = segments[1];
    if (s1 == "commands" && n == 3 && !segments[2].empty()) {
      route.kind = RouteKind::kCommand;
      route.name = segments[2];
      want = "POST";
    } else if (s1 == "dossiers" && n == 2) {
      route.kind = RouteKind::kListDossiers;
    } else if (s1 == "dossiers" && n == 3 && !segments[2].empty()) {
      route.kind = RouteKind::kGetDossier;
      route.name = segments[2];
    } else if (s1 == "dossiers" && n == 4 && !segments[2].empty() && segments[3] == "receipt") {
      route.kind = RouteKind::kReceipt;
      route.name = segments[2];
    } else if (s1 == "catalog" && n == 2) {
      route.kind = RouteKind::kCatalog;
    } else if (s1 == "lookup" && n == 3 && !segments[2].empty()) {
      route.kind = RouteKind::kLookup;
      route.name = segments[2];
    } else if (s1 == "lookup" && n == 4 && !segments[2].empty() && segments[3] == "rating") {
      route.kind = RouteKind::kLookupRating;
      route.name = segments[2];
      want = "POST";
    } else if (s1 == "stats" && n == 2) {
      route.kind = RouteKind::kStats;
    } else if (s1 == "stats" && n == 3 && segments[2] == "trend") {
      route.kind = RouteKind::kStatsTrend;
    } else if (s1 == "book" && n == 2) {
      route.kind = RouteKind::kTrackingBook;
    } else if (s1 == "export" && n == 3 && segments[2] == "portal") {
      route.kind = RouteKind::kPortalExport;
    } else if (s1 == "alerts" && (n == 2 || (n == 3 && segments[2] == "stream"))) {
      route.kind = n == 2 ? RouteKind::kAlerts : RouteKind::kAlertStream;
    } else if (s1 == "alerts" && n == 3 && segments[2] == "undelivered") {
      route.kind = RouteKind::kUndeliveredAlerts;
    } else if (s1 == "alerts" && n == 4 && segments[2] == "undelivered" &&
               segments[3] == "retry") {
      route.kind = RouteKind::kRetryUndelivered;
      want = "POST";
    } else if (s1 == "dossiers" && n == 4 && !segments[2].empty() && segments[3] == "apology") {
      route.kind = RouteKind::kApologyLetter;
      route.name = segments[2];
    } else if (s1 == "dossiers" && n == 4 && !segments[2].empty() && segments[3] == "refusal") {
      route.kind = RouteKind::kRefusalLetter;
      route.name = segments[2];
    } else if (s1 == "dossiers" && n == 4 && !segments[2].empty() &&
               segments[3] == "supplement-request") {
      route.kind = RouteKind::kSupplementRequestLetter;
      route.name = segments[2];
    } else if (s1 == "dossiers" && n == 4 && !segments[2].empty() && segments[3] == "slip") {
      route.kind = RouteKind::kControlSlip;
      route.name = segments[2];
    } else if (s1 == "admin" && n == 4 && segments[2] == "calendar" && segments[3] == "reload") {
      route.kind = RouteKind::kCalendarReload;
      want = "POST";
    } else if (s1 == "test" && n == 3 && segments[2] == "clock") {
      route.kind = RouteKind::kTestClock;
      want = "POST";
    } else if (s1 == "import" && n == 2) {
      route.kind = RouteKind::kImport;
      want = "POST";
    } else if (s1 == "admin" && n == 3 && (segments[2] == "check" || segments[2] == "backup")) {
      route.kind = segments[2] == "check" ? RouteKind::kAdminCheck : RouteKind::kAdminBackup;
      want = "POST";
    } else if (s1 == "admin" && n == 4 && segments[2] == "backup" && !segments[3].empty()) {
      route.kind = RouteKind::kAdminBackupChunk;
      route.name = segments[3];
    } else if (s1 == "appointment" && n == 2) {
      route.kind = RouteKind::kAppointmentPreview;
    } else if (s1 == "officers" && n == 2) {
      route.kind = RouteKind::kOfficers;
    } else if (s1 == "session" && n == 2) {
      route.kind = RouteKind::kSession;
      if (method == "POST" || method == "DELETE") want = method;
    } else {
      return NotFound(path);
    }
  } else {
    return NotFound(path);
  }
  if (method != want) {
    return WrongMethod(method, path,
                       route.kind == RouteKind::kSession ? "GET, POST, DELETE" : std::string(want));
  }

  // A page takes whatever the link that opened it carries (a chat app adds
  // its own tracking parameters to shared links): only the API is strict.
  const bool page = route.kind == RouteKind::kPage || route.kind == RouteKind::kCitizenPage;
  if (!query.empty() && !page) {
    const std::set<std::string>& allowed = AllowedParams(route.kind);
    for (std::string_view pair : Split(query, '&')) {
      if (pair.empty()) continue;
      const std::size_t eq = pair.find('=');
      auto key = PercentDecode(pair.substr(0, eq), true);
      auto value = PercentDecode(
          eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
      if (!key || !value) return BadRequest("tham số truy vấn không hợp lệ");
      if (!allowed.count(*key)) {
        return BadRequest("tham số truy vấn không được hỗ trợ '" + QuoteForMessage(*key) + "'");
      }
      if (!route.query.emplace(*key, std::move(*value)).second) {
        return BadRequest("tham số truy vấn '" + QuoteForMessage(*key) + "' bị lặp lại");
      }
    }
  }
  return route;
}

std::string_view RouteLabel(RouteKind kind) {
  switch (kind) {
    case RouteKind::kHealth: return "/healthz";
    case RouteKind::kReady: return "/readyz";
    case RouteKind::kMetrics: return "/metrics";
    case RouteKind::kCommand: return "/v1/commands/{name}";
    case RouteKind::kListDossiers: return "/v1/dossiers";
    case RouteKind::kGetDossier: return "/v1/dossiers/{code}";
    case RouteKind::kReceipt: return "/v1/dossiers/{code}/receipt";
    case RouteKind::kCatalog: return "/v1/catalog";
    case RouteKind::kLookup: return "/v1/lookup/{code}";
    case RouteKind::kLookupRating: return "/v1/lookup/{code}/rating";
    case RouteKind::kStats: return "/v1/stats";
    case RouteKind::kStatsTrend: return "/v1/stats/trend";
    case RouteKind::kPortalExport: return "/v1/export/portal";
    case RouteKind::kImport: return "/v1/import";
    case RouteKind::kAlerts: return "/v1/alerts";
    case RouteKind::kAlertStream: return "/v1/alerts/stream";
    case RouteKind::kUndeliveredAlerts: return "/v1/alerts/undelivered";
    case RouteKind::kRetryUndelivered: return "/v1/alerts/undelivered/retry";
    case RouteKind::kApologyLetter: return "/v1/dossiers/{code}/apology";
    case RouteKind::kRefusalLetter: return "/v1/dossiers/{code}/refusal";
    case RouteKind::kSupplementRequestLetter: return "/v1/dossiers/{code}/supplement-request";
    case RouteKind::kControlSlip: return "/v1/dossiers/{code}/slip";
    case RouteKind::kTrackingBook: return "/v1/book";
    case RouteKind::kAppointmentPreview: return "/v1/appointment";
    case RouteKind::kCalendarReload: return "/v1/admin/calendar/reload";
    case RouteKind::kTestClock: return "/v1/test/clock";
    case RouteKind::kAdminCheck: return "/v1/admin/check";
    case RouteKind::kAdminBackup: return "/v1/admin/backup";
    case RouteKind::kAdminBackupChunk: return "/v1/admin/backup/{id}";
    case RouteKind::kSession: return "/v1/session";
    case RouteKind::kOfficers: return "/v1/officers";
    case RouteKind::kPage: return "/";
    case RouteKind::kCitizenPage: return "/tra-cuu";
    case RouteKind::kAsset: return "/assets/{name}";
  }
  return "unmatched";
}

std::string_view RouteLabelOf(std::string_view method, std::string_view target) {
  const auto route = ParseRoute(method, target);
  if (const Route* matched = std::get_if<Route>(&route)) return RouteLabel(matched->kind);
  return "unmatched";
}

}  // namespace motcua::api

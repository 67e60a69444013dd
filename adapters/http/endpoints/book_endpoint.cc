#include "adapters/http/endpoints/book_endpoint.h"

#include "adapters/export/tracking_book_csv.h"
#include "adapters/http/access_policy.h"
#include "adapters/http/endpoints/stats_endpoints.h"
#include "adapters/letters/html_renderer.h"
#include "adapters/letters/text_renderer.h"
#include "adapters/letters/tracking_book.h"
#include "adapters/sqlite/tracking_book_projection.h"
#include "engine/base/quote.h"

namespace motcua::http {

Result<std::string> ReadBook(sqlite::Database& db, const catalog::Catalog& catalog,
                             const letters::UnitInfo& unit, const metrics::Period& period,
                             BookFormat format, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<sqlite::BookRow> rows,
                          sqlite::ReadTrackingBook(db, period.start_seconds(), period.end_seconds()));
  std::vector<letters::BookLine> lines;
  lines.reserve(rows.size());
  for (sqlite::BookRow& r : rows) {
    const v1::Procedure* p = catalog.Find(r.procedure);
    lines.push_back({.year = r.year,
                     .number = r.number,
                     .code = std::move(r.code),
                     .applicant = std::move(r.applicant),
                     .content = p != nullptr ? p->name() : r.procedure,
                     .sets = r.sets,
                     .status = r.status,
                     .received_at = r.received_at,
                     .appointment_at = r.appointment_at,
                     .moved_appointment_at = r.moved_appointment_at,
                     .end_at = r.end_at,
                     .returned_at = r.returned_at,
                     .apologized = r.apologized});
  }
  if (format == BookFormat::kCsv) return exporter::TrackingBookToCsv(lines);
  const letters::Letter book = letters::BuildTrackingBook(lines, unit, period.from, period.to, now);
  return format == BookFormat::kHtml ? letters::RenderHtml(book) : letters::RenderText(book);
}

void HandleBookRoute(const api::Route& route, const Principal& principal,
                     runtime::QueryService& queries, const catalog::Catalog& catalog,
                     const letters::UnitInfo& unit, Instant now, const ReplyTo& to,
                     const std::function<void(Response)>& respond) {
  if (!MayPrintLetters(principal)) {
    return respond(ErrorResponse(
        Status(Error::kPermissionDenied, "vai trò của bạn không được xem sổ theo dõi hồ sơ"), to));
  }
  auto period = PeriodParams(route);
  if (!period.ok()) return respond(ErrorResponse(period.status(), to));
  const std::string format = route.Param("format").value_or("text");
  if (format != "text" && format != "html" && format != "csv") {
    return respond(ErrorResponse(
        Status(Error::kInvalidArgument,
               "tham số format không hợp lệ: cần 'text', 'html' hoặc 'csv', nhận được '" +
                   QuoteForMessage(format) + "'"),
        to));
  }
  const BookFormat book_format = format == "html"  ? BookFormat::kHtml
                                 : format == "csv" ? BookFormat::kCsv
                                                   : BookFormat::kText;
  queries.Run([&catalog, &unit, period = *period, book_format, now, to,
               respond](Result<sqlite::Database*> db) {
    if (!db.ok()) return respond(ErrorResponse(db.status(), to));
    auto book = ReadBook(**db, catalog, unit, period, book_format, now);
    if (!book.ok()) return respond(ErrorResponse(book.status(), to));
    switch (book_format) {
      case BookFormat::kCsv: {
        Response res = DocumentResponse(std::move(*book), "text/csv; charset=utf-8", to);
        // ASCII, so every browser keeps it as given.
        res.set(bhttp::field::content_disposition,
                "attachment; filename=\"so-theo-doi-" + FormatDate(period.from) + "-" +
                    FormatDate(period.to) + ".csv\"");
        return respond(std::move(res));
      }
      case BookFormat::kHtml:
        return respond(DocumentResponse(std::move(*book), "text/html; charset=utf-8", to));
      case BookFormat::kText:
        return respond(DocumentResponse(std::move(*book), "text/plain; charset=utf-8", to));
    }
  });
}

}  // namespace motcua::http

#include "adapters/http/endpoints/letter_endpoints.h"

#include "adapters/http/access_policy.h"
#include "adapters/letters/apology.h"
#include "adapters/letters/html_renderer.h"
#include "adapters/letters/receipt.h"
#include "adapters/letters/text_renderer.h"
#include "adapters/letters/wording.h"
#include "adapters/sqlite/dossier_queries.h"
#include "engine/base/quote.h"
#include "engine/dossier/dossier_view.h"

namespace motcua::http {

namespace {

// Folds `code`'s events into `view`; `received_by` gets the receiving
// officer. kNotFound when the dossier has no events.
Status Fold(sqlite::Database& db, std::string_view code, dossier::DossierViewBuilder& view,
            std::string& received_by) {
  bool any = false;
  sqlite::DossierEventReader reader(db);
  MOTCUA_RETURN_IF_ERROR(reader.Read(code, [&](const v1::Event& e) {
    any = true;
    view.Add(e);
    if (e.kind_case() == v1::Event::kReceived) received_by = e.actor();
  }));
  if (!any) return Status(Error::kNotFound, "không tìm thấy hồ sơ " + QuoteForMessage(code));
  return Status::Ok();
}

std::string Render(const letters::Letter& letter, LetterFormat format) {
  return format == LetterFormat::kHtml ? letters::RenderHtml(letter) : letters::RenderText(letter);
}

}  // namespace

Result<std::string> ReadReceipt(sqlite::Database& db, const catalog::Catalog& catalog,
                                const letters::UnitInfo& unit, const Authenticator& users,
                                std::string_view code, LetterFormat format) {
  std::string received_by;
  dossier::DossierViewBuilder view(catalog);
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, received_by));
  const v1::Dossier& d = view.dossier();
  if (!d.has_received_at() || view.lookup_secret().empty()) {
    return Status(
        Error::kIllegalTransition,
        "hồ sơ " + QuoteForMessage(code) + " chưa được tiếp nhận nên không có giấy tiếp nhận");
  }
  letters::ReceiptDetails details;
  details.lookup_secret = view.lookup_secret();
  if (const v1::Procedure* p = catalog.Find(d.procedure_code())) {
    details.duration = letters::DurationWords(p->duration());
  }
  // The event records the user name; the slip is signed by a person.
  details.received_by = users.DisplayName(received_by);
  MOTCUA_ASSIGN_OR_RETURN(letters::Letter letter, letters::BuildReceipt(d, unit, details));
  return Render(letter, format);
}

Result<std::string> ReadApologyLetter(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const letters::UnitInfo& unit, std::string_view code,
                                      LetterFormat format) {
  std::string received_by;
  dossier::DossierViewBuilder view(catalog);
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, received_by));
  const v1::Dossier& d = view.dossier();
  if (!d.has_apology()) {
    return Status(Error::kIllegalTransition,
                  "hồ sơ " + QuoteForMessage(code) + " chưa có thư xin lỗi và hẹn lại");
  }
  MOTCUA_ASSIGN_OR_RETURN(letters::Letter letter, letters::BuildApology(d, unit));
  return Render(letter, format);
}

void HandleLetterRoute(const api::Route& route, const Principal& principal,
                       runtime::QueryService& queries, const catalog::Catalog& catalog,
                       const letters::UnitInfo& unit, const Authenticator& users,
                       const ReplyTo& to, const std::function<void(Response)>& respond) {
  const bool receipt = route.kind == api::RouteKind::kReceipt;
  if (!receipt && route.kind != api::RouteKind::kApologyLetter) {
    return respond(ErrorResponse(Status(Error::kInternal, "tuyến không được xử lý"), to));
  }
  if (!MayPrintLetters(principal)) {
    return respond(ErrorResponse(
        Status(Error::kPermissionDenied, std::string("vai trò của bạn không được ") +
                                             (receipt ? "in giấy tiếp nhận" : "in thư xin lỗi")),
        to));
  }
  const std::string format = route.Param("format").value_or("text");
  if (format != "text" && format != "html") {
    return respond(ErrorResponse(
        Status(Error::kInvalidArgument,
               "tham số format không hợp lệ: cần 'text' hoặc 'html', nhận được '" +
                   QuoteForMessage(format) + "'"),
        to));
  }
  const LetterFormat letter_format = format == "html" ? LetterFormat::kHtml : LetterFormat::kText;
  queries.Run([&catalog, &unit, &users, code = route.name, receipt, letter_format, to,
               respond](Result<sqlite::Database*> db) {
    if (!db.ok()) return respond(ErrorResponse(db.status(), to));
    auto letter = receipt ? ReadReceipt(**db, catalog, unit, users, code, letter_format)
                          : ReadApologyLetter(**db, catalog, unit, code, letter_format);
    if (!letter.ok()) return respond(ErrorResponse(letter.status(), to));
    respond(DocumentResponse(std::move(*letter),
                             letter_format == LetterFormat::kHtml ? "text/html; charset=utf-8"
                                                                  : "text/plain; charset=utf-8",
                             to));
  });
}

}  // namespace motcua::http

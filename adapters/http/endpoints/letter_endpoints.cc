#include "adapters/http/endpoints/letter_endpoints.h"

#include <optional>

#include "adapters/http/access_policy.h"
#include "adapters/letters/apology.h"
#include "adapters/letters/control_slip.h"
#include "adapters/letters/html_renderer.h"
#include "adapters/letters/receipt.h"
#include "adapters/letters/refusal.h"
#include "adapters/letters/supplementation_request.h"
#include "adapters/letters/text_renderer.h"
#include "adapters/letters/wording.h"
#include "adapters/sqlite/dossier_queries.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/catalog/internal_process.h"
#include "engine/dossier/dossier_view.h"

namespace motcua::http {

namespace {

// Folds `code`'s events into `view`, showing each to `also` too. kNotFound
// when the dossier has no events.
Status Fold(sqlite::Database& db, std::string_view code, dossier::DossierViewBuilder& view,
            const std::function<void(const v1::Event&)>& also) {
  bool any = false;
  sqlite::DossierEventReader reader(db);
  MOTCUA_RETURN_IF_ERROR(reader.Read(code, [&](const v1::Event& e) {
    any = true;
    view.Add(e);
    also(e);
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
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, [&received_by](const v1::Event& e) {
    if (e.kind_case() == v1::Event::kReceived) received_by = e.actor();
  }));
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
  dossier::DossierViewBuilder view(catalog);
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, [](const v1::Event&) {}));
  const v1::Dossier& d = view.dossier();
  if (!d.has_apology()) {
    return Status(Error::kIllegalTransition,
                  "hồ sơ " + QuoteForMessage(code) + " chưa có thư xin lỗi và hẹn lại");
  }
  MOTCUA_ASSIGN_OR_RETURN(letters::Letter letter, letters::BuildApology(d, unit));
  return Render(letter, format);
}

Result<std::string> ReadRefusalLetter(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const letters::UnitInfo& unit, const Authenticator& users,
                                      std::string_view code, LetterFormat format) {
  std::optional<v1::Event> refused;
  dossier::DossierViewBuilder view(catalog);
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, [&refused](const v1::Event& e) {
    if (e.kind_case() == v1::Event::kRefused) refused = e;
  }));
  if (!refused) {
    return Status(Error::kIllegalTransition,
                  "hồ sơ " + QuoteForMessage(code) + " không bị từ chối tiếp nhận");
  }
  letters::RefusalDetails details{.refused_at = ToInstant(refused->at()),
                                  .reason = refused->refused().reason(),
                                  .refused_by = users.DisplayName(refused->actor())};
  MOTCUA_ASSIGN_OR_RETURN(letters::Letter letter,
                          letters::BuildRefusal(view.dossier(), unit, details));
  return Render(letter, format);
}

Result<std::string> ReadSupplementRequestLetter(sqlite::Database& db,
                                                const catalog::Catalog& catalog,
                                                const letters::UnitInfo& unit,
                                                const Authenticator& users,
                                                std::string_view code, LetterFormat format) {
  std::optional<v1::Event> requested;
  dossier::DossierViewBuilder view(catalog);
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, [&requested](const v1::Event& e) {
    if (e.kind_case() == v1::Event::kSupplementRequested) requested = e;
  }));
  if (!requested) {
    return Status(Error::kIllegalTransition,
                  "hồ sơ " + QuoteForMessage(code) + " chưa có yêu cầu bổ sung nào");
  }
  const v1::SupplementRequested& r = requested->supplement_requested();
  letters::SupplementationDetails details{
      .requested_at = ToInstant(requested->at()),
      .reason = r.reason(),
      .documents = {r.documents().begin(), r.documents().end()},
      .requested_by = users.DisplayName(requested->actor()),
      .contact = {}};
  MOTCUA_ASSIGN_OR_RETURN(letters::Letter letter,
                          letters::BuildSupplementationRequest(view.dossier(), unit, details));
  return Render(letter, format);
}

Result<std::string> ReadControlSlip(sqlite::Database& db, const catalog::Catalog& catalog,
                                    const letters::UnitInfo& unit, const Authenticator& users,
                                    std::string_view code, LetterFormat format) {
  letters::SlipDetails details;
  std::string process_from;
  dossier::DossierViewBuilder view(catalog);
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, [&](const v1::Event& e) {
    if (e.kind_case() == v1::Event::kReceived) process_from = e.received().process_from();
    details.events.push_back(e);
  }));
  const v1::Dossier& d = view.dossier();
  if (!d.has_received_at()) {
    return Status(Error::kIllegalTransition, "hồ sơ " + QuoteForMessage(code) +
                                                 " chưa được tiếp nhận nên không có phiếu kiểm soát");
  }
  if (const v1::Procedure* p = catalog.Find(d.procedure_code())) {
    details.process = catalog::ProcessFrom(*p, process_from);
  }
  details.display_name = [&users](std::string_view user) { return users.DisplayName(user); };
  MOTCUA_ASSIGN_OR_RETURN(letters::Letter letter, letters::BuildControlSlip(d, unit, details));
  return Render(letter, format);
}

namespace {

// What HandleLetterRoute needs to know of each letter.
struct LetterRoute {
  std::string_view printing;  // "in giấy tiếp nhận": what the role may not do
  Result<std::string> (*read)(sqlite::Database&, const catalog::Catalog&,
                              const letters::UnitInfo&, const Authenticator&, std::string_view,
                              LetterFormat);
};

Result<std::string> ReadApologyWithUsers(sqlite::Database& db, const catalog::Catalog& catalog,
                                         const letters::UnitInfo& unit, const Authenticator&,
                                         std::string_view code, LetterFormat format) {
  return ReadApologyLetter(db, catalog, unit, code, format);
}

std::optional<LetterRoute> LetterRouteOf(api::RouteKind kind) {
  switch (kind) {
    case api::RouteKind::kReceipt:
      return LetterRoute{"in giấy tiếp nhận", &ReadReceipt};
    case api::RouteKind::kApologyLetter:
      return LetterRoute{"in thư xin lỗi", &ReadApologyWithUsers};
    case api::RouteKind::kRefusalLetter:
      return LetterRoute{"in phiếu từ chối tiếp nhận", &ReadRefusalLetter};
    case api::RouteKind::kSupplementRequestLetter:
      return LetterRoute{"in phiếu yêu cầu bổ sung", &ReadSupplementRequestLetter};
    case api::RouteKind::kControlSlip:
      return LetterRoute{"in phiếu kiểm soát quá trình", &ReadControlSlip};
    default:
      return std::nullopt;
  }
}

}  // namespace

void HandleLetterRoute(const api::Route& route, const Principal& principal,
                       runtime::QueryService& queries, const catalog::Catalog& catalog,
                       const letters::UnitInfo& unit,
                       std::shared_ptr<const Authenticator> users, const ReplyTo& to,
                       const std::function<void(Response)>& respond) {
  const std::optional<LetterRoute> letter_route = LetterRouteOf(route.kind);
  if (!letter_route) {
    return respond(ErrorResponse(Status(Error::kInternal, "tuyến không được xử lý"), to));
  }
  if (!MayPrintLetters(principal)) {
    return respond(ErrorResponse(
        Status(Error::kPermissionDenied,
               "vai trò của bạn không được " + std::string(letter_route->printing)),
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
  // The users as they are now, kept alive by the read: a reload meanwhile
  // publishes a new set (user_directory.h).
  queries.Run([&catalog, &unit, users = std::move(users), code = route.name,
               read = letter_route->read, letter_format, to,
               respond](Result<sqlite::Database*> db) {
    if (!db.ok()) return respond(ErrorResponse(db.status(), to));
    auto letter = read(**db, catalog, unit, *users, code, letter_format);
    if (!letter.ok()) return respond(ErrorResponse(letter.status(), to));
    respond(DocumentResponse(std::move(*letter),
                             letter_format == LetterFormat::kHtml ? "text/html; charset=utf-8"
                                                                  : "text/plain; charset=utf-8",
                             to));
  });
}

}  // namespace motcua::http

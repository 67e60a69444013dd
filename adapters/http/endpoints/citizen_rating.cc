#include "adapters/http/endpoints/citizen_rating.h"

#include <algorithm>
#include <utility>

#include "adapters/api/body_codec.h"
#include "adapters/http/endpoints/dossier_reads.h"

namespace motcua::http {

namespace {

std::size_t Utf8Characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Status CheckRating(const v1::CitizenRating& rating) {
  if (rating.satisfaction() == v1::SATISFACTION_UNSPECIFIED ||
      !v1::Satisfaction_IsValid(rating.satisfaction())) {
    return Status(Error::kInvalidArgument, "hãy chọn một mức độ hài lòng");
  }
  if (Utf8Characters(rating.comment()) > kMaxRatingComment) {
    return Status(Error::kInvalidArgument,
                  "ý kiến dài quá " + std::to_string(kMaxRatingComment) + " ký tự");
  }
  return Status::Ok();
}

// Why a dossier the citizen may see cannot be rated now.
Status NotRateable(const v1::CitizenView& view) {
  if (view.satisfaction() != v1::SATISFACTION_UNSPECIFIED) {
    return Status(Error::kAlreadyExists,
                  "Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.");
  }
  return Status(Error::kIllegalTransition,
                "Hồ sơ chưa giải quyết xong: có thể đánh giá sau khi nhận kết quả.");
}

}  // namespace

void HandleCitizenRating(const api::Route& route, const Request& request,
                         runtime::EngineService& engine, runtime::QueryService& queries,
                         const catalog::Catalog& catalog, const ReplyTo& to, const Respond& respond) {
  auto format = api::RequestFormat(ToStd(request[bhttp::field::content_type]));
  if (!format.ok()) return respond(ErrorResponse(format.status(), to));
  v1::CitizenRating rating;
  if (Status s = api::DecodeBody(request.body(), *format, rating); !s.ok()) {
    return respond(ErrorResponse(s, to));
  }
  if (Status s = CheckRating(rating); !s.ok()) return respond(ErrorResponse(s, to));

  queries.Run([&engine, &catalog, code = route.name, rating = std::move(rating), to,
               respond](Result<sqlite::Database*> db) {
    if (!db.ok()) return respond(ErrorResponse(db.status(), to));
    auto view = ReadCitizenView(**db, catalog, code, rating.secret());
    if (!view.ok()) return respond(ErrorResponse(view.status(), to));
    if (!view->may_rate()) return respond(ErrorResponse(NotRateable(*view), to));

    runtime::CommandRequest command;
    command.command.set_actor(std::string(kCitizenActor));
    v1::Rate* rate = command.command.mutable_rate();
    rate->set_dossier_code(code);
    rate->set_satisfaction(rating.satisfaction());
    rate->set_comment(rating.comment());
    Status submitted = engine.Submit(
        std::move(command), [view = std::move(*view), rating, to, respond](
                                runtime::CommandResult result) mutable {
          if (!result.status.ok()) return respond(ErrorResponse(result.status, to));
          view.set_may_rate(false);
          view.set_satisfaction(rating.satisfaction());
          Response res = MessageResponse(view, to);
          res.set(bhttp::field::cache_control, "no-store");
          respond(std::move(res));
        });
    if (!submitted.ok()) respond(ErrorResponse(submitted, to));
  });
}

}  // namespace motcua::http

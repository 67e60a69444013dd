#include "tools/motcua/letter_printing.h"

#include <filesystem>
#include <fstream>

#include "adapters/api/route.h"
#include "engine/base/quote.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

Status CheckHtmlTarget(const std::string& file) {
  const std::filesystem::path path(file);
  const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
  std::error_code ec;
  if (file.empty() || !std::filesystem::is_directory(dir, ec) ||
      std::filesystem::is_directory(path, ec)) {
    return Status(Error::kInvalidArgument, "--html: không ghi được vào '" + QuoteForMessage(file, kQuotedPathMaxBytes) + "'");
  }
  return Status::Ok();
}

namespace {

Result<std::string> FetchLetter(client::ApiClient& client, const std::string& code,
                                std::string_view letter, bool html) {
  client::HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = "/v1/dossiers/" + api::PercentEncode(code) + "/" + std::string(letter) +
                "?format=" + (html ? "html" : "text");
  MOTCUA_ASSIGN_OR_RETURN(client::HttpReply reply, client.Fetch(std::move(call), /*may_retry=*/true));
  return std::move(reply.body);
}

}  // namespace

int PrintLetter(const Context& ctx, client::ApiClient& client, const std::string& code,
                std::string_view letter, const std::optional<std::string>& html_file) {
  auto text = FetchLetter(client, code, letter, /*html=*/false);
  if (!text.ok()) return FailCall(ctx, client, text.status());
  *ctx.out << *text;
  if (!html_file) return 0;
  auto html = FetchLetter(client, code, letter, /*html=*/true);
  if (!html.ok()) return FailCall(ctx, client, html.status());
  std::ofstream file(*html_file, std::ios::binary | std::ios::trunc);
  file << *html;
  file.close();
  if (!file) return Fail(ctx, "không ghi được tệp '" + QuoteForMessage(*html_file, kQuotedPathMaxBytes) + "'");
  *ctx.err << "Đã lưu bản in (HTML) vào " << QuoteForMessage(*html_file, kQuotedPathMaxBytes) << "\n";
  return 0;
}

}  // namespace motcua::cli

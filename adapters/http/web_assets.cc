#include "adapters/http/web_assets.h"

#include <utility>

#include "adapters/config/json_file.h"
#include "engine/base/quote.h"

namespace motcua::http {
namespace {

// The types a build of web/ produces; anything else in assets/ is refused
// at start rather than served as something a browser might sniff.
std::string_view ContentTypeFor(const std::filesystem::path& file) {
  static const std::map<std::string, std::string_view, std::less<>> kTypes = {
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? std::string_view() : it->second;
}

Response Secured(std::string body, std::string_view content_type, std::string_view cache,
                 const ReplyTo& to) {
  Response res = DocumentResponse(std::move(body), content_type, to);
  res.set("Content-Security-Policy", ToBeast(kContentSecurityPolicy));
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "no-referrer");
  res.set(bhttp::field::cache_control, ToBeast(cache));
  return res;
}

}  // namespace

Result<std::shared_ptr<const WebAssets>> WebAssets::Load(const std::filesystem::path& root) {
  const std::filesystem::path index = root / "index.html";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(index, ec)) {
    return Status(Error::kConfig, "web desk: no " + QuoteForMessage(index.string(), kQuotedPathMaxBytes) +
                                      " (build it: cd web && npm ci && npm run build)");
  }
  MOTCUA_ASSIGN_OR_RETURN(std::string page, config::ReadFile(index));
  std::string citizen_page;
  if (const std::filesystem::path citizen = root / "citizen.html";
      std::filesystem::is_regular_file(citizen)) {
    MOTCUA_ASSIGN_OR_RETURN(citizen_page, config::ReadFile(citizen));
  }
  std::map<std::string, File, std::less<>> assets;
  const std::filesystem::path dir = root / "assets";
  if (std::filesystem::is_directory(dir, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (!entry.is_regular_file()) continue;
      const std::string_view type = ContentTypeFor(entry.path());
      if (type.empty()) {
        return Status(Error::kConfig, "web desk: unknown file type " +
                                          QuoteForMessage(entry.path().string(), kQuotedPathMaxBytes));
      }
      MOTCUA_ASSIGN_OR_RETURN(std::string body, config::ReadFile(entry.path()));
      assets.emplace(entry.path().filename().string(), File{std::string(type), std::move(body)});
    }
  }
  if (ec) {
    return Status(Error::kConfig, "web desk: cannot list " +
                                      QuoteForMessage(dir.string(), kQuotedPathMaxBytes) + ": " +
                                      ec.message());
  }
  return std::shared_ptr<const WebAssets>(
      new WebAssets(std::move(page), std::move(citizen_page), std::move(assets)));
}

Response WebAssets::Page(const ReplyTo& to) const {
  return Secured(page_, "text/html; charset=utf-8", "no-cache", to);
}

Response WebAssets::CitizenPage(const ReplyTo& to) const {
  if (citizen_page_.empty()) {
    return ErrorResponse(Status(Error::kNotFound, "máy chủ này không có trang tra cứu hồ sơ"), to);
  }
  return Secured(citizen_page_, "text/html; charset=utf-8", "no-cache", to);
}

Response WebAssets::Asset(std::string_view name, const ReplyTo& to) const {
  auto it = assets_.find(name);
  if (it == assets_.end()) {
    return ErrorResponse(
        Status(Error::kNotFound, "không có tệp " + QuoteForMessage(name)), to);
  }
  return Secured(it->second.body, it->second.content_type, "public, max-age=31536000, immutable",
                 to);
}

}  // namespace motcua::http

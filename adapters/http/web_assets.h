// WebAssets: the web desk's built files (index.html and assets/, as
// `npm run build` writes them in web/dist), read into memory once at start
// and served by motcuad on its own port: the desk works on a commune's
// network with nothing fetched from outside.
//
// Every file goes out with a strict Content-Security-Policy (scripts,
// styles and connections from this server only, no inline script) and
// X-Content-Type-Options: nosniff. The assets' names carry a hash of their
// content, so they are cached for a year; the page itself is revalidated
// on every load, so a new build is picked up at once.
//
// Immutable after Load(): safe to share between threads.
#ifndef MOTCUA_ADAPTERS_HTTP_WEB_ASSETS_H_
#define MOTCUA_ADAPTERS_HTTP_WEB_ASSETS_H_

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/http/http_reply.h"
#include "engine/base/status.h"

namespace motcua::http {

class WebAssets {
 public:
  // Reads `root`/index.html and every file directly under `root`/assets.
  // kConfig naming the file when one is missing or unreadable, or an asset
  // has a type the server does not know.
  static Result<std::shared_ptr<const WebAssets>> Load(const std::filesystem::path& root);

  // GET /: the page.
  Response Page(const ReplyTo& to) const;
  // GET /assets/{name}; 404 for a name not in the build.
  Response Asset(std::string_view name, const ReplyTo& to) const;

  std::size_t asset_count() const { return assets_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
  };
  WebAssets(std::string page, std::map<std::string, File, std::less<>> assets)
      : page_(std::move(page)), assets_(std::move(assets)) {}

  std::string page_;
  std::map<std::string, File, std::less<>> assets_;
};

// The Content-Security-Policy of every page and asset.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_WEB_ASSETS_H_

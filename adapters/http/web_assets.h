// WebAssets: the web desk's built files (index.html, the citizen's lookup
// page citizen.html, and assets/, as `npm run build` writes them in
// web/dist), read into memory once at start
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
  // Reads `root`/index.html, `root`/citizen.html if the build has it, and
  // every file directly under `root`/assets. kConfig naming the file when
  // index.html is missing, a file is unreadable, or an asset has a type the
  // server does not know.
  static Result<std::shared_ptr<const WebAssets>> Load(const std::filesystem::path& root);

  // GET /: the officers' desk.
  Response Page(const ReplyTo& to) const;
  // GET /tra-cuu: the citizen's lookup page (no account); 404 when the
  // build has none.
  Response CitizenPage(const ReplyTo& to) const;
  // GET /assets/{name}; 404 for a name not in the build.
  Response Asset(std::string_view name, const ReplyTo& to) const;

  std::size_t asset_count() const { return assets_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
  };
  WebAssets(std::string page, std::string citizen_page,
            std::map<std::string, File, std::less<>> assets)
      : page_(std::move(page)),
        citizen_page_(std::move(citizen_page)),
        assets_(std::move(assets)) {}

  std::string page_;
  std::string citizen_page_;  // empty: none in the build
  std::map<std::string, File, std::less<>> assets_;
};

// The Content-Security-Policy of every page and asset.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_WEB_ASSETS_H_

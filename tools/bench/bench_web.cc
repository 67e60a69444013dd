// The web desk's first load: what an officer's browser downloads the first
// time it opens the desk (the page and every asset of the build, each
// gzip-compressed at the best level, as a server or proxy on the commune's
// network would send it). The target keeps the page usable on a slow
// commune line: 200 KB at most. Measured on the built files (web/dist), so
// it is the same figure whatever the machine's load.
#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "adapters/config/json_file.h"
#include "tools/bench/benchmarks.h"

namespace motcua::bench {
namespace {

// The size of `data` as a gzip stream at level 9.
Result<std::size_t> GzipSize(const std::string& data) {
  z_stream stream{};
  // 15 + 16: a gzip header and trailer around the deflate stream.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return Status(Error::kInternal, "zlib: deflateInit2 failed");
  }
  std::vector<unsigned char> out(deflateBound(&stream, data.size()) + 32);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = out.data();
  stream.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&stream, Z_FINISH);
  const std::size_t size = stream.total_out;
  deflateEnd(&stream);
  if (done != Z_STREAM_END) return Status(Error::kInternal, "zlib: deflate did not finish");
  return size;
}

}  // namespace

Result<std::vector<Row>> RunWebDesk(Context& context) {
  const std::filesystem::path root = context.options().web_root;
  std::vector<std::filesystem::path> files = {root / "index.html"};
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root / "assets", ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  if (ec || !std::filesystem::is_regular_file(files[0])) {
    return Status(Error::kConfig, "no built web desk in " + root.string() +
                                      " (cd web && npm ci && npm run build)");
  }
  std::size_t raw = 0;
  std::size_t compressed = 0;
  Row row;
  for (const auto& file : files) {
    MOTCUA_ASSIGN_OR_RETURN(const std::string body, config::ReadFile(file));
    MOTCUA_ASSIGN_OR_RETURN(std::size_t gz, GzipSize(body));
    raw += body.size();
    compressed += gz;
    row.Detail(file.filename().string(), std::to_string(gz) + " bytes gzipped of " +
                                             std::to_string(body.size()));
  }
  row.name = "web_desk_first_load";
  row.what = "the web desk's first load: page and assets, gzip -9 (" +
             std::to_string(files.size()) + " files)";
  row.figure = static_cast<double>(compressed) / 1024;
  row.unit = "KiB";
  row.baseline = static_cast<double>(raw) / 1024;
  row.baseline_what = "KiB, the same files uncompressed";
  row.has_ratio = false;
  row.targets = {Target{Target::Kind::kFigureAtMost, 200}};
  return std::vector<Row>{std::move(row)};
}

}  // namespace motcua::bench

#include "adapters/letters/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace motcua::letters {

std::optional<QrMatrix> EncodeQr(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string terminated(text);
  // 8-bit mode: the bytes as they are (a URL is ASCII); version 0 lets the
  // library pick the smallest that holds them.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(terminated.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (code == nullptr) return std::nullopt;
  const int size = code->width;
  std::vector<bool> dark(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
  for (std::size_t i = 0; i < dark.size(); ++i) dark[i] = (code->data[i] & 1) != 0;
  return QrMatrix(size, std::move(dark));
}

}  // namespace motcua::letters

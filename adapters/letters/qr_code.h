// QR codes for the printed letters: the receipt's link to the citizen's
// lookup page, encoded by libqrencode (error correction level M, the version
// the text needs). The renderers draw the modules: the text one with
// half-block characters, the HTML one as an SVG.
//
// Pure; safe from any thread (libqrencode keeps no shared state).
#ifndef MOTCUA_ADAPTERS_LETTERS_QR_CODE_H_
#define MOTCUA_ADAPTERS_LETTERS_QR_CODE_H_

#include <optional>
#include <string_view>
#include <vector>

namespace motcua::letters {

// The modules of a QR symbol, without its quiet zone.
class QrMatrix {
 public:
  QrMatrix(int size, std::vector<bool> dark) : size_(size), dark_(std::move(dark)) {}
  int size() const { return size_; }
  // Outside the symbol (the quiet zone) is light.
  bool Dark(int x, int y) const {
    return x >= 0 && y >= 0 && x < size_ && y < size_ &&
           dark_[static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) +
                 static_cast<std::size_t>(x)];
  }

 private:
  int size_;
  std::vector<bool> dark_;
};

// The light margin a reader needs around the symbol, in modules (the
// standard asks for 4).
inline constexpr int kQrQuietZone = 4;

// std::nullopt when the text is empty or too long for any QR version.
std::optional<QrMatrix> EncodeQr(std::string_view text);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_QR_CODE_H_

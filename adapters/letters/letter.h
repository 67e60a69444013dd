// A Letter is the content of one citizen-facing document (Mẫu 01–04) with no
// layout in it. Each form (receipt.h, supplementation_request.h, refusal.h,
// apology.h) builds a Letter from data, and the two renderers (text_renderer.h,
// html_renderer.h) turn any Letter into a terminal or thermal-printer text or
// a printable HTML page. Keeping content and layout apart is what guarantees
// that the text and the HTML of one document say exactly the same thing, and
// that HTML escaping happens in one place.
//
// Every string is UTF-8 and unescaped. A Letter is a plain value: copy it,
// move it, read it from any thread as long as nobody writes to it.
#ifndef MOTCUA_ADAPTERS_LETTERS_LETTER_H_
#define MOTCUA_ADAPTERS_LETTERS_LETTER_H_

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace motcua::letters {

// The national heading every administrative document opens with.
inline constexpr std::string_view kNationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
inline constexpr std::string_view kNationalMotto = "Độc lập - Tự do - Hạnh phúc";

// The paper the HTML rendering asks the browser to print on.
enum class PageSize {
  kA5,  // the receipt handed over the counter
  kA4,  // letters
  kA4Landscape,  // the tracking book: a row of many columns per dossier
};

// "Label: value" on one logical line.
struct Field {
  std::string label;
  std::string value;
};

// Running text.
struct Paragraph {
  std::string text;
};

// Something the reader must not miss; both renderings set it apart.
struct Notice {
  std::string text;
};

// A table whose first column is the ordinal (TT). Every row has as many
// cells as the header; the text rendering, too narrow for columns, prints one
// wrapped line per row and labels each cell after the second with its header.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// A QR code for the reader's phone to open `link` (qr_code.h); both
// renderings also print the caption and the link itself, for whoever cannot
// scan.
struct QrCode {
  std::string link;
  std::string caption;
};

using Block = std::variant<Field, Paragraph, Notice, Table, QrCode>;

// One signature block; several are laid side by side, left to right.
struct Signature {
  std::string role;  // e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ", printed as given
  std::string hint;  // e.g. "(Ký và ghi rõ họ tên)"
  std::string name;  // printed under the space left for signing; may be empty
};

struct Letter {
  PageSize page = PageSize::kA4;
  // The issuing unit and its division, printed (upper-cased) opposite the
  // national heading.
  std::string unit_name;
  std::string unit_division;
  // Which form of which circular this is, e.g. "Mẫu số 01 - Thông tư số ...".
  std::string form_label;
  // "Ngọc Sơn, ngày 15 tháng 03 năm 2024".
  std::string place_and_date;
  // In sentence case; both renderings print it upper-cased.
  std::string title;
  // Under the title, e.g. "Mã hồ sơ: ..."; may be empty.
  std::string subtitle;
  // "Kính gửi: ..." line; may be empty.
  std::string addressee;
  std::vector<Block> body;
  std::vector<Signature> signatures;
};

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_LETTER_H_

#include "adapters/letters/html_renderer.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/letters/qr_code.h"
#include "adapters/text/utf8.h"

namespace motcua::letters {
namespace {

// Shared by both paper sizes. Times New Roman is what Decree 30/2020 asks of
// administrative documents; the fallbacks are metric-compatible serif faces
// common on Linux desks, all of which carry Vietnamese glyphs. pre-line keeps
// the line breaks an officer typed into a reason.
constexpr std::string_view kStyle =
    R"(html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #000; background: #fff; }
body { margin: 0 auto; line-height: 1.35; }
.masthead { display: flex; justify-content: space-between; gap: 4mm; text-align: center; }
.masthead .unit { flex: 0 0 42%; }
.masthead .nation { flex: 1 1 auto; }
.masthead .strong { font-weight: bold; }
.masthead .motto { font-weight: bold; }
.masthead .rule { border-top: 1px solid #000; width: 40%; margin: 1mm auto 0; }
.form-label { text-align: right; font-size: 0.85em; font-style: italic; margin: 3mm 0 0; }
.place-date { text-align: right; font-style: italic; margin: 1mm 0 3mm; }
h1 { text-align: center; font-size: 1.15em; margin: 4mm 0 1mm; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 3mm; }
.addressee { text-align: center; margin: 2mm 0 3mm; }
p { margin: 1mm 0; text-align: justify; white-space: pre-line; }
.notice { border: 1px solid #000; padding: 1.5mm 2mm; font-weight: bold; margin: 2mm 0; }
table.items { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
table.items th, table.items td { border: 1px solid #000; padding: 0.8mm 1.5mm; vertical-align: top; white-space: pre-line; }
table.items td:first-child { text-align: center; width: 8mm; }
.qr { display: flex; align-items: center; gap: 3mm; margin: 2mm 0; break-inside: avoid; }
.qr svg { flex: 0 0 26mm; width: 26mm; height: 26mm; }
.qr p { text-align: left; font-size: 0.9em; }
.qr a { color: #000; word-break: break-all; }
.signatures { display: flex; justify-content: space-around; margin-top: 5mm; text-align: center; break-inside: avoid; }
.signatures.single { justify-content: flex-end; }
.signature { min-width: 45%; }
.signature .role { font-weight: bold; }
.signature .hint { font-style: italic; font-size: 0.9em; }
.signature .space { height: 20mm; }
.signature .name { font-weight: bold; }
@media screen { body { padding: 8mm; box-shadow: 0 0 3mm #999; margin-top: 5mm; margin-bottom: 5mm; } }
)";

// A5 is the counter slip; A4 letters use Decree 30/2020's margins (top and
// bottom 20 mm, left 30 mm for binding, right 15 mm); the book's landscape
// pages trade margin and type size for its twelve columns.
std::string PageStyle(PageSize page) {
  switch (page) {
    case PageSize::kA5:
      return "@page { size: A5; margin: 10mm 10mm 10mm 12mm; }\n"
             "html { font-size: 11pt; }\nbody { max-width: 126mm; }\n";
    case PageSize::kA4:
      return "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }\n"
             "html { font-size: 13pt; }\nbody { max-width: 165mm; }\n";
    case PageSize::kA4Landscape:
      return "@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }\n"
             "html { font-size: 10pt; }\nbody { max-width: 262mm; }\n";
  }
  return {};
}

class HtmlWriter {
 public:
  // Markup we write ourselves.
  HtmlWriter& Raw(std::string_view markup) {
    html_.append(markup);
    return *this;
  }
  // Anything that came from the Letter.
  HtmlWriter& Text(std::string_view text) {
    html_.append(EscapeHtml(text));
    return *this;
  }
  // <tag class="..">text</tag>, skipped when text is empty.
  HtmlWriter& Element(std::string_view tag, std::string_view css_class, std::string_view text) {
    if (text.empty()) return *this;
    Raw("<").Raw(tag).Raw(" class=\"").Raw(css_class).Raw("\">").Text(text);
    return Raw("</").Raw(tag).Raw(">\n");
  }
  std::string Take() && { return std::move(html_); }

 private:
  std::string html_;
};

void WriteTable(const Table& table, HtmlWriter& out) {
  out.Raw("<table class=\"items\">\n<thead><tr>");
  for (const std::string& heading : table.header) out.Raw("<th>").Text(heading).Raw("</th>");
  out.Raw("</tr></thead>\n<tbody>\n");
  for (const std::vector<std::string>& row : table.rows) {
    out.Raw("<tr>");
    for (const std::string& cell : row) out.Raw("<td>").Text(cell).Raw("</td>");
    out.Raw("</tr>\n");
  }
  out.Raw("</tbody>\n</table>\n");
}

// The symbol as an SVG: one path of unit squares on a white square with the
// quiet zone, sized in millimetres for print; the caption and the link (as
// a link, for a receipt read on screen) beside it.
void WriteQrCode(const QrCode& qr, HtmlWriter& out) {
  out.Raw("<div class=\"qr\">\n");
  if (std::optional<QrMatrix> matrix = EncodeQr(qr.link)) {
    const int side = matrix->size() + 2 * kQrQuietZone;
    const std::string extent = std::to_string(side);
    out.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Raw(extent).Raw(" ").Raw(extent);
    out.Raw("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"").Text(qr.caption);
    out.Raw("\"><rect width=\"").Raw(extent).Raw("\" height=\"").Raw(extent);
    out.Raw("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
    for (int y = 0; y < matrix->size(); ++y) {
      for (int x = 0; x < matrix->size(); ++x) {
        if (!matrix->Dark(x, y)) continue;
        out.Raw("M").Raw(std::to_string(x + kQrQuietZone)).Raw(" ");
        out.Raw(std::to_string(y + kQrQuietZone)).Raw("h1v1h-1z");
      }
    }
    out.Raw("\"/></svg>\n");
  }
  out.Raw("<p>").Text(qr.caption).Raw("<br><a href=\"").Text(qr.link).Raw("\">");
  out.Text(qr.link).Raw("</a></p>\n</div>\n");
}

void WriteBlock(const Block& block, HtmlWriter& out) {
  if (const auto* field = std::get_if<Field>(&block)) {
    out.Raw("<p class=\"field\"><span class=\"label\">").Text(field->label);
    out.Raw(":</span> <span class=\"value\">").Text(field->value).Raw("</span></p>\n");
  } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
    out.Raw("<p>").Text(paragraph->text).Raw("</p>\n");
  } else if (const auto* notice = std::get_if<Notice>(&block)) {
    out.Element("p", "notice", notice->text);
  } else if (const auto* table = std::get_if<Table>(&block)) {
    WriteTable(*table, out);
  } else if (const auto* qr = std::get_if<QrCode>(&block)) {
    WriteQrCode(*qr, out);
  }
}

void WriteSignatures(const std::vector<Signature>& signatures, HtmlWriter& out) {
  if (signatures.empty()) return;
  out.Raw(signatures.size() == 1 ? "<div class=\"signatures single\">\n"
                                 : "<div class=\"signatures\">\n");
  for (const Signature& signature : signatures) {
    out.Raw("<div class=\"signature\">\n");
    out.Element("div", "role", signature.role);
    out.Element("div", "hint", signature.hint);
    out.Raw("<div class=\"space\"></div>\n");
    out.Element("div", "name", signature.name);
    out.Raw("</div>\n");
  }
  out.Raw("</div>\n");
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string RenderHtml(const Letter& letter) {
  HtmlWriter out;
  out.Raw("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
  out.Raw("<title>").Text(letter.title);
  if (!letter.subtitle.empty()) out.Raw(" - ").Text(letter.subtitle);
  out.Raw("</title>\n<style>\n").Raw(PageStyle(letter.page)).Raw(kStyle).Raw("</style>\n");
  out.Raw("</head>\n<body>\n");

  out.Raw("<header class=\"masthead\">\n<div class=\"unit\">\n");
  out.Element("div", "name", text::ToUpperVietnamese(letter.unit_name));
  out.Element("div", "strong division", text::ToUpperVietnamese(letter.unit_division));
  out.Raw("<div class=\"rule\"></div>\n</div>\n<div class=\"nation\">\n");
  out.Element("div", "strong", kNationalTitle);
  out.Element("div", "motto", kNationalMotto);
  out.Raw("<div class=\"rule\"></div>\n</div>\n</header>\n");

  out.Element("p", "form-label", letter.form_label);
  out.Element("p", "place-date", letter.place_and_date);
  out.Element("h1", "title", text::ToUpperVietnamese(letter.title));
  out.Element("p", "subtitle", letter.subtitle);
  out.Element("p", "addressee", letter.addressee);
  out.Raw("<main>\n");
  for (const Block& block : letter.body) WriteBlock(block, out);
  out.Raw("</main>\n");
  WriteSignatures(letter.signatures, out);
  out.Raw("</body>\n</html>\n");
  return text::ToPrintable(std::move(out).Take());
}

}  // namespace motcua::letters

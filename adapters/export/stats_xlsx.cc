#include "adapters/export/stats_xlsx.h"

#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "adapters/export/stats_labels.h"
#include "adapters/metrics/statistics.h"

namespace motcua::exporter {

namespace {

constexpr lxw_row_t kFirstDataRow = 4;  // title, period, a blank row, the header

// A temporary file's name, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "motcua-stats-XXXXXX.xlsx").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkstemps(name.data(), 5);
    if (fd >= 0) {
      close(fd);
      path_ = name.data();
    }
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* text;
  lxw_format* number;
  lxw_format* percent;
  lxw_format* total_text;
  lxw_format* total_number;
};

Formats MakeFormats(lxw_workbook* book) {
  auto bordered = [book] {
    lxw_format* f = workbook_add_format(book);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
  };
  Formats f{};
  f.title = workbook_add_format(book);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.header = bordered();
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_bg_color(f.header, 0xE8EEF4);
  f.text = bordered();
  format_set_text_wrap(f.text);
  f.number = bordered();
  f.percent = bordered();
  format_set_num_format(f.percent, "0.0%");
  f.total_text = bordered();
  format_set_bold(f.total_text);
  f.total_number = bordered();
  format_set_bold(f.total_number);
  return f;
}

// A4 landscape, the header rows on every page, one page wide.
void SetUpPage(lxw_worksheet* sheet) {
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_repeat_rows(sheet, kFirstDataRow - 1, kFirstDataRow - 1);
  worksheet_fit_to_pages(sheet, 1, 0);
}

void Heading(lxw_worksheet* sheet, const Formats& f, const std::string& title,
             const v1::Statistics& s) {
  worksheet_write_string(sheet, 0, 0, title.c_str(), f.title);
  const std::string period =
      s.unit() + (s.unit().empty() ? "" : " - ") + "Từ ngày " + DateVi(s.from()) + " đến ngày " +
      DateVi(s.to());
  worksheet_write_string(sheet, 1, 0, period.c_str(), nullptr);
}

void ReportSheet(lxw_workbook* book, const Formats& f, const v1::Statistics& s) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Báo cáo");
  SetUpPage(sheet);
  Heading(sheet, f, "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", s);
  const lxw_row_t header = kFirstDataRow - 1;
  worksheet_set_row(sheet, header, 48, nullptr);
  worksheet_write_string(sheet, header, 0, "STT", f.header);
  worksheet_write_string(sheet, header, 1, "Mã thủ tục", f.header);
  worksheet_write_string(sheet, header, 2, "Tên thủ tục", f.header);
  worksheet_set_column(sheet, 0, 0, 5, nullptr);
  worksheet_set_column(sheet, 1, 1, 12, nullptr);
  worksheet_set_column(sheet, 2, 2, 48, nullptr);
  const auto& columns = ReportColumns();
  worksheet_set_column(sheet, 3, static_cast<lxw_col_t>(2 + columns.size()), 11, nullptr);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, header, static_cast<lxw_col_t>(3 + c),
                           std::string(columns[c].label).c_str(), f.header);
  }
  lxw_row_t row = kFirstDataRow;
  auto write = [&](const v1::ReportRow& r, bool total, int ordinal) {
    if (!total) worksheet_write_number(sheet, row, 0, ordinal, f.number);
    else worksheet_write_blank(sheet, row, 0, f.total_text);
    worksheet_write_string(sheet, row, 1, r.procedure_code().c_str(), total ? f.total_text : f.text);
    worksheet_write_string(sheet, row, 2, r.procedure_name().c_str(), total ? f.total_text : f.text);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_number(sheet, row, static_cast<lxw_col_t>(3 + c), (r.*columns[c].get)(),
                             total ? f.total_number : f.number);
    }
    ++row;
  };
  int ordinal = 0;
  for (const v1::ReportRow& r : s.report().rows()) write(r, false, ++ordinal);
  write(s.report().total(), true, 0);
}

void TargetsSheet(lxw_workbook* book, const Formats& f, const v1::Statistics& s) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Chỉ tiêu");
  SetUpPage(sheet);
  Heading(sheet, f, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", s);
  const lxw_row_t header = kFirstDataRow - 1;
  const char* labels[] = {"Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ", "Kế hoạch", "Đánh giá",
                          "Chênh lệch (điểm %)"};
  for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(sheet, header, c, labels[c], f.header);
  worksheet_set_column(sheet, 0, 0, 48, nullptr);
  worksheet_set_column(sheet, 1, 6, 13, nullptr);
  lxw_row_t row = kFirstDataRow;
  for (std::string_view name : metrics::kRateNames) {
    const v1::RateFigure& rate = *metrics::FindRate(s, name);
    worksheet_write_string(sheet, row, 0, std::string(RateLabel(name)).c_str(), f.text);
    worksheet_write_number(sheet, row, 1, rate.num(), f.number);
    worksheet_write_number(sheet, row, 2, rate.den(), f.number);
    worksheet_write_number(sheet, row, 3, rate.ratio(), f.percent);
    const v1::TargetResult* target = nullptr;
    for (const v1::TargetResult& t : s.targets()) {
      if (t.rate() == name) target = &t;
    }
    if (target != nullptr) {
      const std::string planned = std::string(OpVi(target->op())) + " " + PercentVi(target->value());
      worksheet_write_string(sheet, row, 4, planned.c_str(), f.text);
      worksheet_write_string(sheet, row, 5,
                             !target->evaluable() ? "Chưa có dữ liệu"
                             : target->met()      ? "Đạt"
                                                  : "Chưa đạt",
                             f.text);
      if (target->evaluable()) {
        worksheet_write_number(sheet, row, 6, target->margin() * 100.0, f.number);
      } else {
        worksheet_write_blank(sheet, row, 6, f.number);
      }
    } else {
      for (lxw_col_t c = 4; c < 7; ++c) worksheet_write_blank(sheet, row, c, f.text);
    }
    ++row;
  }
}

void SatisfactionSheet(lxw_workbook* book, const Formats& f, const v1::Statistics& s) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Hài lòng");
  SetUpPage(sheet);
  Heading(sheet, f, "MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN, DOANH NGHIỆP", s);
  const lxw_row_t header = kFirstDataRow - 1;
  worksheet_write_string(sheet, header, 0, "Mã thủ tục", f.header);
  worksheet_write_string(sheet, header, 1, "Tên thủ tục", f.header);
  const auto& columns = SatisfactionColumns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, header, static_cast<lxw_col_t>(2 + c),
                           std::string(columns[c].label).c_str(), f.header);
  }
  worksheet_set_column(sheet, 0, 0, 12, nullptr);
  worksheet_set_column(sheet, 1, 1, 48, nullptr);
  worksheet_set_column(sheet, 2, static_cast<lxw_col_t>(1 + columns.size()), 13, nullptr);
  lxw_row_t row = kFirstDataRow;
  auto write = [&](const v1::SatisfactionRow& r, bool total) {
    worksheet_write_string(sheet, row, 0, r.procedure_code().c_str(), total ? f.total_text : f.text);
    worksheet_write_string(sheet, row, 1, r.procedure_name().c_str(), total ? f.total_text : f.text);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_number(sheet, row, static_cast<lxw_col_t>(2 + c), (r.*columns[c].get)(),
                             total ? f.total_number : f.number);
    }
    ++row;
  };
  for (const v1::SatisfactionRow& r : s.satisfaction()) write(r, false);
  v1::SatisfactionRow total = s.satisfaction_total();
  if (total.procedure_name().empty()) total.set_procedure_name("Tổng cộng");
  write(total, true);
}

}  // namespace

Result<std::string> StatisticsToXlsx(const v1::Statistics& stats) {
  TempFile file;
  if (file.path().empty()) {
    return Status(Error::kInternal, "không tạo được tệp tạm cho bảng tính");
  }
  lxw_workbook* book = workbook_new(file.path().c_str());
  if (book == nullptr) return Status(Error::kInternal, "không tạo được bảng tính");
  const Formats formats = MakeFormats(book);
  ReportSheet(book, formats, stats);
  TargetsSheet(book, formats, stats);
  SatisfactionSheet(book, formats, stats);
  if (lxw_error error = workbook_close(book); error != LXW_NO_ERROR) {
    return Status(Error::kInternal,
                  std::string("không ghi được bảng tính: ") + lxw_strerror(error));
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(file.path(), ec);
  std::ifstream in(file.path(), std::ios::binary);
  std::string bytes(ec ? 0 : static_cast<std::size_t>(size), '\0');
  if (ec || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Status(Error::kInternal, "không đọc lại được bảng tính");
  }
  return bytes;
}

}  // namespace motcua::exporter

#include "adapters/config/catalog_file.h"

#include <algorithm>

#include "adapters/config/catalog_supplement.h"
#include "adapters/config/internal_process_file.h"
#include "adapters/config/json_file.h"
#include "engine/base/quote.h"
#include "engine/base/time.h"
#include "engine/catalog/internal_process.h"
#include "motcua/v1/catalog_source.pb.h"

namespace motcua::config {

namespace {

std::string Entry(const std::string& what, int index, const std::string& code,
                  const std::string& name) {
  std::string s = what + ": mục " + std::to_string(index + 1);
  if (!code.empty()) s += " (mã " + QuoteForMessage(code) + ")";
  else if (!name.empty()) s += " ('" + QuoteForMessage(name) + "')";
  return s;
}

Result<v1::DurationUnit> UnitFromSource(const std::string& unit) {
  if (unit == "working_days") return v1::DURATION_UNIT_WORKING_DAYS;
  if (unit == "working_hours") return v1::DURATION_UNIT_WORKING_HOURS;
  if (unit == "calendar_days") return v1::DURATION_UNIT_CALENDAR_DAYS;
  if (unit == "same_day") return v1::DURATION_UNIT_SAME_DAY;
  return Status(Error::kConfig, "đơn vị thời hạn không hợp lệ '" + QuoteForMessage(unit) +
                                    "' (working_days, working_hours, calendar_days, same_day)");
}

Result<v1::OnlineLevel> OnlineFromSource(const std::string& online) {
  if (online.empty()) return v1::ONLINE_LEVEL_UNSPECIFIED;
  if (online == "none") return v1::ONLINE_LEVEL_NONE;
  if (online == "partial") return v1::ONLINE_LEVEL_PARTIAL;
  if (online == "full") return v1::ONLINE_LEVEL_FULL;
  return Status(Error::kConfig, "mức trực tuyến không hợp lệ '" + QuoteForMessage(online) +
                                    "' (none, partial, full)");
}

Result<v1::Procedure> FromSource(const v1::SourceProcedure& s) {
  v1::Procedure p;
  p.set_code(s.code());
  p.set_name(s.name_vi());
  p.set_name_en(s.name_en());
  p.set_field(s.field());
  if (s.has_fee_vnd()) p.set_fee_vnd(s.fee_vnd().value());
  MOTCUA_ASSIGN_OR_RETURN(v1::OnlineLevel online, OnlineFromSource(s.online()));
  p.set_online_level(online);
  p.set_inter_agency(s.inter_agency());
  p.set_source(s.source());
  *p.mutable_unconfirmed() = s.unconfirmed();
  if (s.has_deadline()) {
    const v1::SourceDeadline& d = s.deadline();
    v1::Duration* duration = p.mutable_duration();
    duration->set_text_vi(d.text_vi());
    duration->set_cutoff(d.cutoff());
    if (!d.unit().empty()) {
      MOTCUA_ASSIGN_OR_RETURN(v1::DurationUnit unit, UnitFromSource(d.unit()));
      duration->set_unit(unit);
    }
    if (d.has_amount()) {
      if (d.amount().value() < 0) return Status(Error::kConfig, "thời hạn âm");
      duration->set_amount(static_cast<std::uint32_t>(d.amount().value()));
    } else if (duration->unit() != v1::DURATION_UNIT_SAME_DAY &&
               duration->unit() != v1::DURATION_UNIT_UNSPECIFIED) {
      // Unit known but amount not: leave the unit so the entry shows what is
      // known, and mark it not receivable below.
      duration->set_amount(0);
      p.set_note("chưa rõ số ngày của thời hạn giải quyết");
    }
  }
  return p;
}

// Validates a procedure and decides whether the counter can receive under it.
Status Finish(v1::Procedure& p) {
  if (p.name().empty()) return Status(Error::kConfig, "thiếu tên thủ tục");
  if (p.has_fee_vnd() && p.fee_vnd() < 0) return Status(Error::kConfig, "lệ phí âm");
  if (p.code().find_first_of(" \t\n") != std::string::npos) {
    return Status(Error::kConfig, "mã thủ tục chứa khoảng trắng");
  }
  const v1::Duration& d = p.duration();
  if (!d.cutoff().empty()) {
    if (d.unit() != v1::DURATION_UNIT_SAME_DAY) {
      return Status(Error::kConfig, "giờ chốt (cutoff) chỉ dùng cho thời hạn trong ngày");
    }
    if (auto c = ParseClock(d.cutoff()); !c.ok()) return Status(Error::kConfig, c.status().message());
  }
  if (d.unit() != v1::DURATION_UNIT_SAME_DAY && d.unit() != v1::DURATION_UNIT_UNSPECIFIED &&
      d.amount() == 0 && p.note().empty()) {
    return Status(Error::kConfig, "thời hạn bằng 0 (dùng same_day cho thủ tục giải quyết trong ngày)");
  }
  MOTCUA_RETURN_IF_ERROR(catalog::CheckInternalProcesses(p));
  if (p.code().empty()) {
    p.set_receivable(false);
    p.set_note("chưa có mã thủ tục quốc gia trong danh mục");
  } else if (d.unit() == v1::DURATION_UNIT_UNSPECIFIED) {
    p.set_receivable(false);
    p.set_note("chưa có thời hạn giải quyết trong danh mục");
  } else {
    p.set_receivable(p.note().empty());
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<v1::Procedure>> ParseCatalog(const std::string& json, const std::string& what) {
  auto first = std::find_if(json.begin(), json.end(),
                            [](char c) { return c != ' ' && c != '\n' && c != '\r' && c != '\t'; });
  std::vector<v1::Procedure> procedures;
  if (first != json.end() && *first == '[') {
    v1::SourceCatalog source;
    MOTCUA_RETURN_IF_ERROR(ParseJson("{\"procedures\":" + json + "}", what, source));
    for (int i = 0; i < source.procedures_size(); ++i) {
      const v1::SourceProcedure& s = source.procedures(i);
      Result<v1::Procedure> p = FromSource(s);
      Status st = p.ok() ? Finish(*p) : p.status();
      if (!st.ok()) {
        return Status(Error::kConfig, Entry(what, i, s.code(), s.name_vi()) + ": " + st.message());
      }
      procedures.push_back(std::move(*p));
    }
  } else {
    v1::Catalog catalog;
    MOTCUA_RETURN_IF_ERROR(ParseJson(json, what, catalog));
    for (int i = 0; i < catalog.procedures_size(); ++i) {
      v1::Procedure p = catalog.procedures(i);
      p.clear_receivable();
      p.clear_note();
      if (Status st = Finish(p); !st.ok()) {
        return Status(Error::kConfig, Entry(what, i, p.code(), p.name()) + ": " + st.message());
      }
      procedures.push_back(std::move(p));
    }
  }
  if (procedures.empty()) return Status(Error::kConfig, what + ": danh mục không có thủ tục nào");
  return procedures;
}

Result<std::shared_ptr<const catalog::Catalog>> LoadCatalog(const CatalogFiles& files) {
  const std::string what = QuoteForMessage(files.catalog.string(), kQuotedPathMaxBytes);
  MOTCUA_ASSIGN_OR_RETURN(std::string json, ReadFile(files.catalog));
  MOTCUA_ASSIGN_OR_RETURN(std::vector<v1::Procedure> procedures, ParseCatalog(json, what));
  if (!files.supplement.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(std::string added, ReadFile(files.supplement));
    MOTCUA_RETURN_IF_ERROR(ApplyCatalogSupplement(
        added, QuoteForMessage(files.supplement.string(), kQuotedPathMaxBytes), procedures));
  }
  if (!files.internal_processes.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(std::string processes, ReadFile(files.internal_processes));
    MOTCUA_RETURN_IF_ERROR(ApplyInternalProcesses(
        processes, QuoteForMessage(files.internal_processes.string(), kQuotedPathMaxBytes),
        files.units, procedures));
  }
  auto catalog = catalog::Catalog::Build(std::move(procedures));
  if (!catalog.ok()) return Status(Error::kConfig, what + ": " + catalog.status().message());
  return catalog;
}

Result<std::shared_ptr<const catalog::Catalog>> LoadCatalog(const v1::ServerConfig& config) {
  return LoadCatalog(CatalogFiles{
      .catalog = config.catalog_file(),
      .supplement = config.catalog_supplement_file(),
      .internal_processes = config.internal_process_file(),
      .units = {config.units().begin(), config.units().end()}});
}

}  // namespace motcua::config

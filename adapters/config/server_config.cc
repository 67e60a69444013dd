#include "adapters/config/server_config.h"

#include <cstdlib>

#include "adapters/config/json_file.h"
#include "engine/base/quote.h"
#include "engine/base/time.h"

namespace motcua::config {

namespace {

void Resolve(const std::filesystem::path& base, std::string& path) {
  if (!path.empty() && std::filesystem::path(path).is_relative()) {
    path = (base / path).lexically_normal().string();
  }
}

}  // namespace

void ApplyDefaults(v1::ServerConfig& c) {
  if (c.listen().empty()) c.set_listen("127.0.0.1:8080");
  if (c.threads() == 0) c.set_threads(2);
  auto* alerts = c.mutable_alerts();
  if (alerts->apology_lead_working_hours() == 0) alerts->set_apology_lead_working_hours(8);
  if (alerts->step_due_lead_working_hours() == 0) alerts->set_step_due_lead_working_hours(2);
  if (alerts->intake_limit_working_hours() == 0) alerts->set_intake_limit_working_hours(8);
  if (alerts->webhook_max_age_hours() == 0) alerts->set_webhook_max_age_hours(72);
  auto* exp = c.mutable_export_();
  if (exp->time().empty()) exp->set_time("17:30");
  auto* limits = c.mutable_limits();
  if (limits->max_body_bytes() == 0) limits->set_max_body_bytes(1 << 20);
  if (limits->max_header_bytes() == 0) limits->set_max_header_bytes(16 << 10);
  if (limits->max_connections() == 0) limits->set_max_connections(1024);
  if (limits->max_requests_per_connection() == 0) limits->set_max_requests_per_connection(10000);
  if (limits->idle_timeout_seconds() == 0) limits->set_idle_timeout_seconds(30);
  if (limits->max_pending_commands() == 0) limits->set_max_pending_commands(20000);
  if (limits->min_free_disk_mib() == 0) limits->set_min_free_disk_mib(1024);
  if (limits->auth_failures_burst() == 0) limits->set_auth_failures_burst(10);
  if (limits->auth_failures_per_minute() == 0) limits->set_auth_failures_per_minute(10);
}

Result<v1::ServerConfig> LoadServerConfig(const std::filesystem::path& path) {
  v1::ServerConfig c;
  MOTCUA_RETURN_IF_ERROR(ReadJsonFile(path, c));
  ApplyDefaults(c);
  if (c.unit_code().empty()) {
    return Status(Error::kConfig, QuoteForMessage(path.string(), kQuotedPathMaxBytes) + ": thiếu unit_code (mã đơn vị tiếp nhận)");
  }
  if (c.unit_code().find_first_of(" /\\") != std::string::npos) {
    return Status(Error::kConfig,
                  QuoteForMessage(path.string(), kQuotedPathMaxBytes) + ": unit_code không được chứa khoảng trắng");
  }
  if (auto t = ParseClock(c.export_().time()); !t.ok()) {
    return Status(Error::kConfig,
                  QuoteForMessage(path.string(), kQuotedPathMaxBytes) + ": export.time: " + t.status().message());
  }
  if (!c.public_url().empty() && !c.public_url().starts_with("https://") &&
      !c.public_url().starts_with("http://")) {
    return Status(Error::kConfig, QuoteForMessage(path.string(), kQuotedPathMaxBytes) +
                                      ": public_url phải bắt đầu bằng https:// hoặc http://");
  }
  if (c.tls().certificate_file().empty() != c.tls().key_file().empty()) {
    return Status(Error::kConfig, QuoteForMessage(path.string(), kQuotedPathMaxBytes) +
                                      ": tls cần cả certificate_file và key_file");
  }
  if (!c.metrics_token_sha256().empty() &&
      (c.metrics_token_sha256().size() != 64 ||
       c.metrics_token_sha256().find_first_not_of("0123456789abcdef") != std::string::npos)) {
    return Status(Error::kConfig, QuoteForMessage(path.string(), kQuotedPathMaxBytes) +
                                      ": metrics_token_sha256 phải là 64 chữ số hex viết thường "
                                      "(motcua hash-token)");
  }
  const std::filesystem::path base = std::filesystem::absolute(path).parent_path();
  Resolve(base, *c.mutable_tls()->mutable_certificate_file());
  Resolve(base, *c.mutable_tls()->mutable_key_file());
  Resolve(base, *c.mutable_db());
  Resolve(base, *c.mutable_catalog_file());
  Resolve(base, *c.mutable_catalog_supplement_file());
  Resolve(base, *c.mutable_internal_process_file());
  Resolve(base, *c.mutable_calendar()->mutable_schedule_dir());
  Resolve(base, *c.mutable_users_file());
  Resolve(base, *c.mutable_targets_file());
  Resolve(base, *c.mutable_export_()->mutable_dir());
  Resolve(base, *c.mutable_web_root());
  return c;
}

std::filesystem::path InstalledConfigPath() { return MOTCUA_DEFAULT_CONFIG; }

std::filesystem::path DefaultConfigPath() {
  if (const char* env = std::getenv("MOTCUA_CONFIG"); env && *env) return env;
  return InstalledConfigPath();
}

}  // namespace motcua::config

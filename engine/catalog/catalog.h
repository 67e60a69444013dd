// Catalog: the procedures a unit can receive, looked up by national code.
//
// Immutable after Build and safe to share between threads; hold it as
// std::shared_ptr<const Catalog>. Procedures keep their order from the file;
// an index is stable for the life of the catalog object.
#ifndef MOTCUA_ENGINE_CATALOG_CATALOG_H_
#define MOTCUA_ENGINE_CATALOG_CATALOG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::catalog {

class Catalog {
 public:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};

  // Fails (kConfig) on a duplicate code, naming both entries.
  static Result<std::shared_ptr<const Catalog>> Build(std::vector<v1::Procedure> procedures);

  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  // nullptr when no procedure has that code.
  const v1::Procedure* Find(std::string_view code) const;
  // kNone when no procedure has that code.
  std::uint32_t IndexOf(std::string_view code) const;
  const v1::Procedure& at(std::uint32_t index) const { return procedures_.at(index); }
  std::size_t size() const { return procedures_.size(); }
  const std::vector<v1::Procedure>& procedures() const { return procedures_; }

 private:
  explicit Catalog(std::vector<v1::Procedure> procedures);

  std::vector<v1::Procedure> procedures_;
  std::unordered_map<std::string, std::uint32_t> by_code_;
};

// The deadline rule of a receivable procedure, or kInvalidArgument saying why
// no dossier can be received under it.
Result<calendar::DeadlineSpec> DeadlineOf(const v1::Procedure& procedure);

}  // namespace motcua::catalog

#endif  // MOTCUA_ENGINE_CATALOG_CATALOG_H_

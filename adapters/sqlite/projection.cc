#include "adapters/sqlite/projection.h"

namespace motcua::sqlite {

Status ApplyStoredEvents(Database& db, const std::vector<std::string>& kinds,
                         Projection& projection) {
  std::string in;
  for (std::size_t i = 0; i < kinds.size(); ++i) in += (i == 0 ? "?" : ", ?") + std::to_string(i + 1);
  Statement st(db, "SELECT body FROM events WHERE kind IN (" + in + ") ORDER BY seq");
  for (std::size_t i = 0; i < kinds.size(); ++i) st.Bind(static_cast<int>(i + 1), kinds[i]);
  engine::PendingEvent pending;
  while (st.Step()) {
    std::string_view body = st.ColumnBlob(0);
    if (!pending.event.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      return Status(Error::kCorrupt, "một sự kiện không đọc được");
    }
    MOTCUA_RETURN_IF_ERROR(projection.Apply(pending));
  }
  return st.status();
}

}  // namespace motcua::sqlite

// StringPool: interns the few distinct strings that every dossier refers to
// (unit names, officer names) so a dossier's state holds a 4-byte id instead
// of a string. Id 0 is the empty string. Ids are stable for the pool's life.
// Not thread-safe: owned by the engine's strand.
#ifndef MOTCUA_ENGINE_BASE_STRING_POOL_H_
#define MOTCUA_ENGINE_BASE_STRING_POOL_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua {

class StringPool {
 public:
  StringPool() { strings_.emplace_back(); }
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  std::uint32_t Intern(std::string_view s) {
    if (s.empty()) return 0;
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    // A deque never moves its elements, so the views used as keys stay valid.
    const std::string& stored = strings_.emplace_back(s);
    auto id = static_cast<std::uint32_t>(strings_.size() - 1);
    ids_.emplace(std::string_view(stored), id);
    return id;
  }

  // The id of `s` if interned, else 0 (a lookup must not grow the pool).
  std::uint32_t Find(std::string_view s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? 0 : it->second;
  }

  const std::string& Get(std::uint32_t id) const { return strings_.at(id); }
  std::size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace motcua

#endif  // MOTCUA_ENGINE_BASE_STRING_POOL_H_

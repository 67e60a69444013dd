#include "adapters/snapshot/snapshot_codec.h"

#include <cstring>
#include <type_traits>

#include "adapters/crypto/sha256.h"

namespace motcua::snapshot {

namespace {

constexpr std::string_view kMagic = "MCSNAP\r\n";
constexpr std::size_t kDigestBytes = 32;

class Writer {
 public:
  template <typename T>
  void Int(T value) {
    static_assert(std::is_integral_v<T>);
    using U = std::make_unsigned_t<T>;
    auto u = static_cast<U>(value);
    for (std::size_t i = 0; i < sizeof(U); ++i) {
      out_.push_back(static_cast<char>(u & 0xff));
      if constexpr (sizeof(U) > 1) u = static_cast<U>(u >> 8);
    }
  }
  void String(std::string_view s) {
    Int(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void Raw(std::string_view s) { out_.append(s); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <typename T>
  bool Int(T& value) {
    using U = std::make_unsigned_t<T>;
    if (in_.size() < sizeof(U)) return false;
    U u = 0;
    for (std::size_t i = sizeof(U); i-- > 0;) {
      u = static_cast<U>((u << 8) | static_cast<unsigned char>(in_[i]));
    }
    in_.remove_prefix(sizeof(U));
    value = static_cast<T>(u);
    return true;
  }
  bool String(std::string& s) {
    std::uint32_t size = 0;
    if (!Int(size) || in_.size() < size) return false;
    s.assign(in_.substr(0, size));
    in_.remove_prefix(size);
    return true;
  }
  bool Raw(std::size_t n, std::string& s) {
    if (in_.size() < n) return false;
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  // A count of items of at least `min_bytes` each: bounded by what is left,
  // so a damaged count cannot make the reader reserve gigabytes.
  bool Count(std::uint64_t& n, std::size_t min_bytes) {
    return Int(n) && n <= in_.size() / min_bytes;
  }
  bool empty() const { return in_.empty(); }

 private:
  std::string_view in_;
};

// Every field of a dossier's state, in the file's order. The structured
// binding names them all: a field added to DossierState stops the build
// here until it is written, read and kFormat raised.
template <typename Visit>
void Fields(dossier::DossierState& s, Visit&& visit) {
  auto& [registered_at, received_at, clock_start, appointment_at, original_appointment_at,
         extended_appointment_at, end_of_processing_at, returned_at, paused_at, last_event_at,
         fee_vnd, step_due_at, procedure, holder_unit, holder_user, citizen_appointment_offset,
         status, resume_status, channel, result_kind, return_method, payment_method,
         satisfaction, supplement_requests, handovers, alerts_raised, process_version, step,
         fee_requested, fee_pauses_clock, apologized, complaint, all_handovers_electronic,
         documents_reused, documents_digitized, appointment_provisional,
         supplement_requested_late] = s;
  for (std::int64_t* f : {&registered_at, &received_at, &clock_start, &appointment_at,
                          &original_appointment_at, &extended_appointment_at,
                          &end_of_processing_at, &returned_at, &paused_at, &last_event_at,
                          &fee_vnd, &step_due_at}) {
    visit(*f);
  }
  for (std::uint32_t* f : {&procedure, &holder_unit, &holder_user, &citizen_appointment_offset}) {
    visit(*f);
  }
  for (std::uint8_t* f : {&status, &resume_status, &channel, &result_kind, &return_method,
                          &payment_method, &satisfaction, &supplement_requests, &handovers,
                          &alerts_raised, &process_version, &step}) {
    visit(*f);
  }
  // The one-bit fields, packed into 16 bits (bit-fields have no address).
  std::uint16_t flags = static_cast<std::uint16_t>(
      fee_requested << 0 | fee_pauses_clock << 1 | apologized << 2 | complaint << 3 |
      all_handovers_electronic << 4 | documents_reused << 5 | documents_digitized << 6 |
      appointment_provisional << 7 | supplement_requested_late << 8);
  visit(flags);
  fee_requested = flags & (1u << 0);
  fee_pauses_clock = flags & (1u << 1);
  apologized = flags & (1u << 2);
  complaint = flags & (1u << 3);
  all_handovers_electronic = flags & (1u << 4);
  documents_reused = flags & (1u << 5);
  documents_digitized = flags & (1u << 6);
  appointment_provisional = flags & (1u << 7);
  supplement_requested_late = flags & (1u << 8);
}

// The bytes of one state in the file: 12 × 8 + 4 × 4 + 12 × 1 + 2.
constexpr std::size_t kStateBytes = 126;

Status Corrupt(const std::string& what) {
  return Status(Error::kCorrupt, "not a whole snapshot: " + what);
}

}  // namespace

std::string EncodeSnapshot(const Snapshot& snapshot) {
  const engine::EngineImage& image = snapshot.image;
  Writer w;
  w.out().reserve(kMagic.size() + image.states.size() * (kStateBytes + 8) + (1u << 16));
  w.Raw(kMagic);
  w.Int(kFormat);
  w.Int(snapshot.stamp.seq);
  w.String(snapshot.stamp.chain_hash);
  w.String(snapshot.stamp.catalog_digest);
  w.Int(std::uint64_t{image.names.size()});
  for (const std::string& s : image.names) w.String(s);
  w.Int(std::uint64_t{image.units.size()});
  for (const std::string& s : image.units) w.String(s);
  w.Int(std::uint64_t{image.counters.size()});
  for (const auto& c : image.counters) {
    w.String(c.unit);
    w.Int(static_cast<std::int32_t>(c.day.time_since_epoch().count()));
    w.Int(c.last);
  }
  w.Int(std::uint64_t{image.foreign_codes.size()});
  for (const std::string& s : image.foreign_codes) w.String(s);
  w.Int(std::uint64_t{image.states.size()});
  for (std::size_t i = 0; i < image.states.size(); ++i) {
    w.Int(image.keys[i]);
    dossier::DossierState state = image.states[i];
    Fields(state, [&w](auto& field) { w.Int(field); });
  }
  w.Raw(crypto::Sha256(w.out()));
  return std::move(w.out());
}

Result<Snapshot> DecodeSnapshot(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + kDigestBytes || bytes.substr(0, kMagic.size()) != kMagic) {
    return Corrupt("no snapshot header");
  }
  const std::string_view sealed = bytes.substr(0, bytes.size() - kDigestBytes);
  Reader r(sealed.substr(kMagic.size()));
  std::uint32_t format = 0;
  if (!r.Int(format)) return Corrupt("no format");
  if (format != kFormat) {
    return Status(Error::kCorrupt, "format " + std::to_string(format) + ", this build reads " +
                                       std::to_string(kFormat));
  }
  if (crypto::Sha256(sealed) != bytes.substr(bytes.size() - kDigestBytes)) {
    return Corrupt("its checksum does not match its contents (cut short or damaged)");
  }
  Snapshot snapshot;
  engine::EngineImage& image = snapshot.image;
  std::uint64_t n = 0;
  if (!r.Int(snapshot.stamp.seq) || !r.String(snapshot.stamp.chain_hash) ||
      !r.String(snapshot.stamp.catalog_digest)) {
    return Corrupt("its stamp");
  }
  for (std::vector<std::string>* strings : {&image.names, &image.units}) {
    if (!r.Count(n, 4)) return Corrupt("a count of names");
    strings->resize(n);
    for (std::string& s : *strings) {
      if (!r.String(s)) return Corrupt("a name");
    }
  }
  if (!r.Count(n, 12)) return Corrupt("the count of code counters");
  image.counters.resize(n);
  for (auto& c : image.counters) {
    std::int32_t day = 0;
    if (!r.String(c.unit) || !r.Int(day) || !r.Int(c.last)) return Corrupt("a code counter");
    c.day = LocalDays(cal::days(day));
  }
  if (!r.Count(n, 4)) return Corrupt("the count of foreign codes");
  image.foreign_codes.resize(n);
  for (std::string& s : image.foreign_codes) {
    if (!r.String(s)) return Corrupt("a foreign code");
  }
  if (!r.Count(n, 8 + kStateBytes)) return Corrupt("the count of dossiers");
  image.keys.resize(n);
  image.states.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    bool ok = r.Int(image.keys[i]);
    Fields(image.states[i], [&r, &ok](auto& field) { ok = r.Int(field) && ok; });
    if (!ok) return Corrupt("a dossier's state");
  }
  if (!r.empty()) return Corrupt("bytes after the last dossier");
  return snapshot;
}

}  // namespace motcua::snapshot

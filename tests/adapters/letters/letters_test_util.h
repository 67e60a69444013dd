// Shared by the letters tests: UTC instants written out, a realistic sample
// dossier and unit, and lookups into a built Letter.
#ifndef MOTCUA_TESTS_ADAPTERS_LETTERS_LETTERS_TEST_UTIL_H_
#define MOTCUA_TESTS_ADAPTERS_LETTERS_LETTERS_TEST_UTIL_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "adapters/letters/letter.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/time.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::letters::test_util {

// An instant given in UTC, so that every expectation on Vietnam time in the
// tests is a visible +7 hours, not a computation.
inline Instant Utc(int year, unsigned month, unsigned day, int hour, int minute, int second = 0) {
  return Instant(cal::sys_days(cal::year{year} / cal::month{month} / cal::day{day})) +
         std::chrono::hours(hour) + std::chrono::minutes(minute) + std::chrono::seconds(second);
}

inline void Set(google::protobuf::Timestamp* t, Instant at) { t->set_seconds(ToUnixSeconds(at)); }

inline constexpr std::string_view kCode = "000.00.07.H06-240315-0012";

inline UnitInfo SampleUnit() {
  UnitInfo unit;
  unit.name = "UBND xã Ngọc Sơn";
  unit.address = "xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang";
  unit.head = "Trần Văn Bình";
  unit.place = "Ngọc Sơn";
  return unit;
}

// Received 2024-03-14 18:30 UTC, which is 01:30 on 15/03/2024 in Vietnam;
// appointment 2024-03-19 09:00 UTC (16:00 on 19/03/2024 in Vietnam).
inline v1::Dossier SampleDossier() {
  v1::Dossier d;
  d.set_code(std::string(kCode));
  d.set_unit("000.00.07.H06");
  d.set_procedure_code("1.001193");
  d.set_procedure_name("Đăng ký khai sinh");
  v1::Applicant* a = d.mutable_applicant();
  a->set_name("Nguyễn Thị Hằng");
  a->set_address("Thôn Trung Hưng, xã Ngọc Sơn");
  a->set_phone("0912345678");
  a->set_email("hang.nguyen@example.vn");
  v1::Document* form = d.add_documents();
  form->set_name("Tờ khai đăng ký khai sinh");
  form->set_copies(1);
  form->set_digitized(true);
  v1::Document* birth = d.add_documents();
  birth->set_name("Giấy chứng sinh");
  birth->set_copies(2);
  v1::Document* id_card = d.add_documents();
  id_card->set_name("Căn cước của người đi đăng ký");
  id_card->set_reused(true);
  d.set_sets(2);
  d.set_status(v1::STATUS_RECEIVED);
  d.set_channel(v1::CHANNEL_COUNTER);
  Set(d.mutable_received_at(), Utc(2024, 3, 14, 18, 30));
  Set(d.mutable_appointment_at(), Utc(2024, 3, 19, 9, 0));
  Set(d.mutable_original_appointment_at(), Utc(2024, 3, 19, 9, 0));
  return d;
}

// The value of the first Field labelled `label`, if any.
inline std::optional<std::string> FieldValue(const Letter& letter, std::string_view label) {
  for (const Block& block : letter.body) {
    if (const auto* field = std::get_if<Field>(&block); field && field->label == label) {
      return field->value;
    }
  }
  return std::nullopt;
}

// All the text of the body's paragraphs and notices, one per line.
inline std::string BodyProse(const Letter& letter) {
  std::string prose;
  for (const Block& block : letter.body) {
    if (const auto* p = std::get_if<Paragraph>(&block)) prose += p->text + "\n";
    if (const auto* n = std::get_if<Notice>(&block)) prose += n->text + "\n";
  }
  return prose;
}

inline const Table* FirstTable(const Letter& letter) {
  for (const Block& block : letter.body) {
    if (const auto* table = std::get_if<Table>(&block)) return table;
  }
  return nullptr;
}

}  // namespace motcua::letters::test_util

#endif  // MOTCUA_TESTS_ADAPTERS_LETTERS_LETTERS_TEST_UTIL_H_

// AlertBit (dossier_state.h): the one mapping from an alert kind to its bit
// in DossierState::alerts_raised, which the lifecycle writes and the
// deadline watch reads.
#include "engine/dossier/dossier_state.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/base/proto_time.h"
#include "engine/base/string_pool.h"
#include "engine/dossier/lifecycle.h"
#include "tests/support/fixtures.h"

namespace motcua::dossier {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::ShippedCatalog;
using ::motcua::testing::Vn;

TEST(AlertBit, EachKindHasItsOwnBit) {
  EXPECT_EQ(AlertBit(v1::ALERT_KIND_APOLOGY_DUE), 0b010);
  EXPECT_EQ(AlertBit(v1::ALERT_KIND_OVERDUE), 0b100);
  static_assert(AlertBit(v1::ALERT_KIND_APOLOGY_DUE) != AlertBit(v1::ALERT_KIND_OVERDUE));
}

v1::Event Alert(v1::AlertKind kind, const char* vn) {
  v1::Event e;
  e.set_dossier_code("000.00.07.H06-250313-0001");
  e.set_actor("system");
  SetInstant(Vn(vn), e.mutable_at());
  e.mutable_alert_raised()->set_kind(kind);
  return e;
}

// The lifecycle records a raised alert under AlertBit, refuses the same
// kind twice, and an apology clears only the overdue bit.
TEST(AlertBit, TheLifecycleRecordsEachRaisedAlertUnderItsBit) {
  StringPool names;
  DossierState state;
  state.status = v1::STATUS_RECEIVED;
  state.appointment_at = ToUnixSeconds(Vn("2025-03-18 09:00"));

  const v1::Event apology_due = Alert(v1::ALERT_KIND_APOLOGY_DUE, "2025-03-17 09:00");
  ASSERT_THAT(CheckTransition(state, apology_due, nullptr), IsOk());
  Apply(apology_due, *ShippedCatalog(), names, state);
  EXPECT_EQ(state.alerts_raised, AlertBit(v1::ALERT_KIND_APOLOGY_DUE));
  EXPECT_THAT(CheckTransition(state, apology_due, nullptr), HasError(Error::kAlreadyExists));

  const v1::Event overdue = Alert(v1::ALERT_KIND_OVERDUE, "2025-03-18 09:00");
  ASSERT_THAT(CheckTransition(state, overdue, nullptr), IsOk());
  Apply(overdue, *ShippedCatalog(), names, state);
  EXPECT_EQ(state.alerts_raised,
            AlertBit(v1::ALERT_KIND_APOLOGY_DUE) | AlertBit(v1::ALERT_KIND_OVERDUE));

  v1::Event apology;
  apology.set_dossier_code("000.00.07.H06-250313-0001");
  apology.set_actor("chutich01");
  SetInstant(Vn("2025-03-18 10:00"), apology.mutable_at());
  apology.mutable_apology_issued()->set_reason("Cần xác minh thêm");
  SetInstant(Vn("2025-03-20 09:00"),
             apology.mutable_apology_issued()->mutable_new_appointment_at());
  ASSERT_THAT(CheckTransition(state, apology, nullptr), IsOk());
  Apply(apology, *ShippedCatalog(), names, state);
  EXPECT_EQ(state.alerts_raised, AlertBit(v1::ALERT_KIND_APOLOGY_DUE));
}

}  // namespace
}  // namespace motcua::dossier

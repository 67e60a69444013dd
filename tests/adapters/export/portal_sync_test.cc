#include "adapters/export/portal_sync.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/export/stats_json.h"
#include "tests/adapters/metrics/hand_history.h"

namespace motcua::exporter {
namespace {

using ::motcua::testing::HandHistory;
using ::motcua::testing::IsOk;
using ::testing::HasSubstr;

class PortalSyncTest : public ::testing::Test {
 protected:
  PortalSyncTest() : h_(dir_.File("motcua.db")) {
    // d1: online, paid on the national portal, supplemented, returned.
    h_.Registered(d1, "1.001193", "2024-02-29 21:00", {true, true});
    h_.Received(d1, "1.001193", v1::CHANNEL_ONLINE, "2024-03-01 08:00", "2024-03-05 17:00",
                {true, true});
    h_.FeePaid(d1, "2024-03-01 08:30", 8000, v1::PAYMENT_METHOD_NATIONAL_PORTAL);
    h_.HandedOver(d1, "2024-03-01 09:00", true);
    h_.SupplementRequested(d1, "2024-03-01 10:00");
    h_.Supplemented(d1, "2024-03-04 10:00", "2024-03-05 17:00", "2024-03-06 17:00");
    h_.ResultReady(d1, "2024-03-05 16:00", v1::RESULT_KIND_ELECTRONIC);
    h_.Returned(d1, "2024-03-06 09:00", v1::RETURN_METHOD_ELECTRONIC);
    // d2: all in February: not in March's batch.
    h_.Received(d2, "1.000894", v1::CHANNEL_COUNTER, "2024-02-05 08:00", "2024-02-08 17:00");
    h_.ResultReady(d2, "2024-02-06 08:00", v1::RESULT_KIND_PAPER);
    // d3: by post in March, ready in April: shown as it stood on 03-31.
    h_.Received(d3, "1.000894", v1::CHANNEL_POST, "2024-03-29 08:00", "2024-04-03 17:00");
    h_.ResultReady(d3, "2024-04-01 08:00", v1::RESULT_KIND_PAPER);
    h_.Commit();
  }

  const std::string d1 = HandHistory::Code("240229", 1);
  const std::string d2 = HandHistory::Code("240205", 1);
  const std::string d3 = HandHistory::Code("240329", 1);
  ::motcua::testing::TempDir dir_;
  HandHistory h_;
};

TEST_F(PortalSyncTest, DossiersChangedInThePeriodAsTheyStoodAtItsEnd) {
  auto batch = BuildPortalSync(h_.log(), h_.catalog(), *metrics::MakePeriod("2024-03-01", "2024-03-31"),
                               ::motcua::testing::kUnit);
  ASSERT_THAT(batch, IsOk());
  ASSERT_EQ(batch->dossiers_size(), 2);  // d1, d3; not d2
  const v1::PortalDossier& p1 = batch->dossiers(0);
  EXPECT_EQ(p1.code(), d1);
  EXPECT_EQ(p1.procedure_code(), "1.001193");
  EXPECT_EQ(p1.procedure_name(), "Đăng ký khai sinh");
  EXPECT_EQ(p1.channel(), 2);                       // online
  EXPECT_EQ(p1.status(), 10);                       // returned
  EXPECT_EQ(p1.received_at(), "20240301080000");    // Vietnam time
  EXPECT_EQ(p1.appointment_at(), "20240306170000"); // moved by the pause
  EXPECT_EQ(p1.end_of_processing_at(), "20240305160000");
  EXPECT_EQ(p1.returned_at(), "20240306090000");
  EXPECT_EQ(p1.paid_online(), 1);
  EXPECT_EQ(p1.has_digitized_documents(), 1);
  EXPECT_EQ(p1.history_size(), 8);  // registered ... returned
  EXPECT_EQ(p1.history(0).time(), "20240229210000");
  EXPECT_EQ(p1.history(0).status(), 1);
  ASSERT_EQ(p1.supplements_size(), 1);
  EXPECT_EQ(p1.supplements(0).appointment_before(), "20240305170000");
  EXPECT_EQ(p1.supplements(0).appointment_after(), "20240306170000");
  ASSERT_EQ(p1.results_size(), 1);
  EXPECT_EQ(p1.results(0).kind(), 2);
  ASSERT_EQ(p1.fees_size(), 1);
  EXPECT_EQ(p1.fees(0).amount_vnd(), 8000);

  const v1::PortalDossier& p3 = batch->dossiers(1);
  EXPECT_EQ(p3.code(), d3);
  EXPECT_EQ(p3.channel(), 3);  // post
  EXPECT_EQ(p3.status(), 2);   // April's result is not there yet
  EXPECT_EQ(p3.end_of_processing_at(), "");
  EXPECT_EQ(p3.paid_online(), 0);
}

TEST_F(PortalSyncTest, JsonUsesThePortalsFieldNames) {
  auto batch = BuildPortalSync(h_.log(), h_.catalog(), *metrics::MakePeriod("2024-03-01", "2024-03-31"),
                               ::motcua::testing::kUnit);
  ASSERT_THAT(batch, IsOk());
  auto json = ToJson(*batch, false);
  ASSERT_THAT(json, IsOk());
  for (const char* key :
       {"\"MaHoSo\":", "\"MaTTHC\":", "\"TenTTHC\":", "\"KenhThucHien\":2", "\"ChuHoSo\":",
        "\"SoDienThoai\":", "\"NgayTiepNhan\":\"20240301080000\"", "\"NgayHenTra\":",
        "\"NgayKetThucXuLy\":", "\"NgayTra\":", "\"TrangThaiHoSo\":10",
        "\"DuocThanhToanTrucTuyen\":1", "\"HoSoCoThanhPhanSoHoa\":1", "\"QuaTrinhXuLy\":[",
        "\"TaiLieuNop\":[", "\"DuocSoHoa\":1", "\"DuocTaiSuDung\":1", "\"DuocLayTuKhoDMQG\":0",
        "\"DanhSachHoSoBoSung\":[", "\"NgayHenTraTruoc\":", "\"NgayHenTraMoi\":",
        "\"DanhSachGiayToKetQua\":[", "\"DanhSachLePhi\":[", "\"DanhSachHoSo\":["}) {
    EXPECT_THAT(*json, HasSubstr(key));
  }
}

TEST(PortalTime, IsVietnamTimeWithoutSeparators) {
  EXPECT_EQ(PortalTime(ToUnixSeconds(::motcua::testing::Vn("2024-12-31 23:59"))), "20241231235900");
  EXPECT_EQ(PortalTime(0), "");
}

}  // namespace
}  // namespace motcua::exporter

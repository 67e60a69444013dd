#include "adapters/export/history_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <google/protobuf/util/json_util.h>

#include "adapters/metrics/fact_sources.h"
#include "engine/base/proto_time.h"
#include "tests/adapters/metrics/hand_history.h"

namespace motcua::exporter {
namespace {

using ::motcua::testing::HandHistory;
using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// One event as a JSON line, as another system would export it.
std::string Line(const std::string& code, const char* at, void (*fill)(v1::Event&)) {
  v1::Event e;
  e.set_dossier_code(code);
  SetInstant(Vn(at), e.mutable_at());
  e.set_actor("nhaplieu01");
  fill(e);
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(e, &json).ok());
  EXPECT_EQ(json.find('\n'), std::string::npos);
  return json;
}

void Receive(v1::Event& e) {
  auto* r = e.mutable_received();
  r->set_procedure_code("1.000894");
  r->mutable_applicant()->set_name("Phạm Thu Hà");
  r->set_channel(v1::CHANNEL_COUNTER);  // no appointment: the engine computes it
}
void HandOver(v1::Event& e) {
  e.mutable_handed_over()->set_to_unit("Tư pháp - Hộ tịch");
  e.mutable_handed_over()->set_electronic(true);
}
void Ready(v1::Event& e) { e.mutable_result_ready()->set_result_kind(v1::RESULT_KIND_ELECTRONIC); }
void Return(v1::Event& e) { e.mutable_result_returned()->set_method(v1::RETURN_METHOD_COUNTER); }

class HistoryImportTest : public ::testing::Test {
 protected:
  HistoryImportTest() : h_(dir_.File("motcua.db")) {}

  // Eight lines, two of them blank; line 7 is `line7`.
  std::string File(const std::string& line7) {
    return Line(d1, "2023-11-06 08:00", Receive) + "\n" +
           Line(d1, "2023-11-06 09:00", HandOver) + "\n" +
           "\n" +
           Line(d2, "2023-11-07 08:00", Receive) + "\n" +
           Line(d1, "2023-11-08 10:00", Ready) + "\n" +
           "   \r\n" +
           line7 + "\n" +
           Line(d1, "2023-11-09 10:00", Return) + "\n";
  }

  const std::string d1 = HandHistory::Code("231106", 1);
  const std::string d2 = HandHistory::Code("231107", 1);
  ::motcua::testing::TempDir dir_;
  HandHistory h_;
};

TEST_F(HistoryImportTest, ALifecycleBreakOnLine7WritesNothingAndSaysLine7) {
  // d2 was received, never made ready: it cannot be returned.
  const std::string text = File(Line(d2, "2023-11-08 11:00", Return));
  engine::CommitBatch batch;
  HistoryImport result = ImportHistory(text, h_.engine(), batch);
  EXPECT_THAT(result.status, HasError(Error::kIllegalTransition));
  EXPECT_EQ(result.line, 7u);
  EXPECT_THAT(result.status.message(), StartsWith("dòng 7: hồ sơ " + d2));
  // Nothing of lines 1-6 stays: not in the batch, not in the engine.
  EXPECT_TRUE(batch.empty());
  EXPECT_EQ(h_.engine().size(), 0u);
  EXPECT_EQ(h_.engine().Find(d1), nullptr);
  EXPECT_EQ(h_.log().LastSeq(), 0u);
}

TEST_F(HistoryImportTest, AGoodFileImportsAsOneBatchAndTheStatisticsCoverIt) {
  const std::string text = File(Line(d2, "2023-11-08 11:00", Ready));
  engine::CommitBatch batch;
  HistoryImport result = ImportHistory(text, h_.engine(), batch);
  ASSERT_THAT(result.status, IsOk());
  EXPECT_EQ(result.events, 6u);
  ASSERT_EQ(batch.events.size(), 6u);
  // Derived fields are filled in: the appointment from the catalog's duration.
  EXPECT_TRUE(batch.events[0].event.received().has_appointment_at());
  ASSERT_THAT(h_.log().Commit(batch), IsOk());
  h_.engine().Committed(batch);
  EXPECT_EQ(h_.log().LastSeq(), 6u);
  auto facts = metrics::FactsFromLog(h_.log(), h_.catalog(), Vn("2024-01-01 00:00"));
  ASSERT_THAT(facts, IsOk());
  ASSERT_EQ(facts->size(), 2u);
  EXPECT_EQ(facts->facts[0].status, v1::STATUS_RETURNED);  // d1
  EXPECT_EQ(facts->facts[1].status, v1::STATUS_RESULT_READY);  // d2
}

TEST_F(HistoryImportTest, ALineThatIsNotAnEventIsReportedByNumber) {
  engine::CommitBatch batch;
  HistoryImport bad_json = ImportHistory(File("{\"dossierCode\": \"x\","), h_.engine(), batch);
  EXPECT_THAT(bad_json.status, HasError(Error::kBadRequest));
  EXPECT_EQ(bad_json.line, 7u);
  HistoryImport unknown_field =
      ImportHistory(File("{\"dossierCode\": \"x\", \"colour\": \"red\"}"), h_.engine(), batch);
  EXPECT_EQ(unknown_field.line, 7u);
  EXPECT_THAT(unknown_field.status.message(), HasSubstr("colour"));
  EXPECT_TRUE(batch.empty());
  EXPECT_EQ(h_.engine().size(), 0u);
}

// A line's keys and values reach the error only quoted (engine/base/quote.h):
// no control character, at most 128 bytes of a value, valid UTF-8.
TEST_F(HistoryImportTest, WhatALineSaysIsQuotedInTheError) {
  engine::CommitBatch batch;
  HistoryImport unknown_field = ImportHistory(
      File(R"({"dossierCode": "x", "col\u001b[2Jour<b>": "red"})"), h_.engine(), batch);
  EXPECT_EQ(unknown_field.line, 7u);
  EXPECT_EQ(unknown_field.status.message(),
            "dòng 7: không phải một sự kiện JSON hợp lệ: col[2Jour<b>: Cannot find field.");

  const std::string code = "X\r\n\x1b[2J" + std::string(300, 'q');
  HistoryImport unknown_dossier =
      ImportHistory(File(Line(code, "2023-11-08 11:00", Return)), h_.engine(), batch);
  EXPECT_EQ(unknown_dossier.line, 7u);
  EXPECT_THAT(unknown_dossier.status.message(),
              StartsWith("dòng 7: hồ sơ X[2J" + std::string(121, 'q') + "… chưa tồn tại"));
  EXPECT_TRUE(batch.empty());
  EXPECT_EQ(h_.engine().size(), 0u);
}

TEST_F(HistoryImportTest, AnEventCarryingASeqIsRefused) {
  v1::Event e;
  std::string json = Line(d2, "2023-11-08 11:00", Ready);
  json.insert(1, "\"seq\": \"41\", ");
  engine::CommitBatch batch;
  HistoryImport result = ImportHistory(File(json), h_.engine(), batch);
  EXPECT_EQ(result.line, 7u);
  EXPECT_THAT(result.status, HasError(Error::kInvalidArgument));
  EXPECT_EQ(h_.engine().size(), 0u);
}

TEST(HistoryParse, BlankLinesAreSkippedAndLinesCountedFromOne) {
  std::vector<HistoryLine> lines;
  HistoryImport r = ParseHistory("\n\n{\"dossierCode\":\"A\"}\n\n{\"dossierCode\":\"B\"}", lines);
  ASSERT_THAT(r.status, IsOk());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].line, 3u);
  EXPECT_EQ(lines[1].line, 5u);
  EXPECT_EQ(lines[1].event.dossier_code(), "B");
}

TEST(HistoryParse, AnEmptyFileImportsNothingAndSaysSo) {
  ::motcua::testing::TempDir dir;
  HandHistory h(dir.File("motcua.db"));
  engine::CommitBatch batch;
  EXPECT_THAT(ImportHistory("\n  \n", h.engine(), batch).status, HasError(Error::kInvalidArgument));
}

}  // namespace
}  // namespace motcua::exporter

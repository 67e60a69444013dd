// Deadline arithmetic: adding N working days (AddWorkingTime of
// N x 8 hours) and counting the working time between two instants, with the
// shipped calendar, beside NaiveWorkingTime (the day-by-day walk the
// property tests check the calendar against) on the same inputs in the same
// run. Inputs: receipts at any second of 2024–2025 (in and out of office
// hours), durations of 1–60 days, fixed seed. One core, one thread.
// Targets: >= 20x the naive walk for both, >= 10 million adds per second.
#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

#include "adapters/config/calendar_file.h"
#include "tools/bench/benchmarks.h"
#include "tools/bench/naive_working_time.h"

namespace motcua::bench {

namespace {

using std::chrono::hours;
using std::chrono::seconds;

struct Input {
  Instant from;
  Instant to;      // from + N calendar days, for Between
  seconds amount;  // N working days, for Add
};

std::vector<Input> MakeInputs(std::size_t n) {
  std::mt19937_64 rng(20250426);  // a worked Saturday
  const Instant first = *ParseVietnamMinute("2024-01-01 00:00");
  const std::int64_t span = 2 * 365 * 86400;
  std::uniform_int_distribution<std::int64_t> second(0, span);
  std::uniform_int_distribution<int> days(1, 60);
  std::vector<Input> inputs(n);
  for (Input& in : inputs) {
    in.from = first + seconds(second(rng));
    const int d = days(rng);
    in.to = in.from + hours(24 * d);
    in.amount = hours(8 * d);
  }
  return inputs;
}

// Operations per second of `op` over `inputs`, `rounds` times over; the
// results are folded into `sink` so the compiler cannot drop the work.
template <class Op>
double OpsPerSecond(const std::vector<Input>& inputs, std::size_t rounds, std::int64_t& sink,
                    Op op) {
  Stopwatch watch;
  for (std::size_t r = 0; r < rounds; ++r) {
    for (const Input& in : inputs) sink += op(in);
  }
  return static_cast<double>(inputs.size() * rounds) / watch.Seconds();
}

}  // namespace

Result<std::vector<Row>> RunDeadlines(Context& context) {
  MOTCUA_ASSIGN_OR_RETURN(
      calendar::CalendarOptions calendar_options,
      config::LoadCalendarOptions(context.config().calendar(), context.options().config));
  const calendar::WorkingCalendar& calendar = *context.calendar();
  const calendar::NaiveWorkingTime naive(calendar, calendar_options.office_hours);

  const std::vector<Input> inputs = MakeInputs(context.Size(1 << 16, 512));
  // The naive walk is slow: a slice of the same inputs is enough for it.
  const std::vector<Input> naive_inputs(
      inputs.begin(), inputs.begin() + static_cast<std::ptrdiff_t>(context.Size(4096, 64)));
  const std::size_t rounds = context.Size(32, 1);
  const int reps = context.Repetitions(5);
  std::int64_t sink = 0;

  // Both implementations must agree, or the comparison means nothing.
  for (const Input& in : naive_inputs) {
    auto fast = calendar.AddWorkingTime(in.from, in.amount);
    if (!fast.ok()) return fast.status();
    if (*fast != naive.Add(in.from, in.amount) ||
        calendar.WorkingTimeBetween(in.from, in.to) != naive.Between(in.from, in.to)) {
      return Status(Error::kInternal,
                    "calendar and naive walk disagree at " + FormatVietnamMinute(in.from));
    }
  }

  auto add = [&](const Input& in) {
    auto r = calendar.AddWorkingTime(in.from, in.amount);
    return r.ok() ? ToUnixSeconds(*r) : 0;
  };
  auto between = [&](const Input& in) {
    return static_cast<std::int64_t>(calendar.WorkingTimeBetween(in.from, in.to).count());
  };
  auto naive_add = [&](const Input& in) { return ToUnixSeconds(naive.Add(in.from, in.amount)); };
  auto naive_between = [&](const Input& in) {
    return static_cast<std::int64_t>(naive.Between(in.from, in.to).count());
  };

  const double add_ops = MedianOf(reps, [&] { return OpsPerSecond(inputs, rounds, sink, add); });
  const double naive_add_ops =
      MedianOf(reps, [&] { return OpsPerSecond(naive_inputs, 1, sink, naive_add); });
  const double between_ops =
      MedianOf(reps, [&] { return OpsPerSecond(inputs, rounds, sink, between); });
  const double naive_between_ops =
      MedianOf(reps, [&] { return OpsPerSecond(naive_inputs, 1, sink, naive_between); });

  // The same work timed in CPU seconds: on a shared machine the wall-clock
  // figure also counts the time this thread waited for a core.
  const double cpu_before = ProcessCpuSeconds();
  const double add_wall_ops = OpsPerSecond(inputs, rounds, sink, add);
  const double add_cpu_ops =
      static_cast<double>(inputs.size() * rounds) / (ProcessCpuSeconds() - cpu_before);

  std::vector<Row> rows;
  Row& a = rows.emplace_back();
  a.name = "deadline_add";
  a.what = "add N working days (N = 1..60) to a receipt instant, WorkingCalendar::AddWorkingTime";
  a.figure = add_ops;
  a.unit = "ops/s";
  a.baseline = naive_add_ops;
  a.baseline_what = "ops/s naive day-by-day";
  a.targets = {{Target::Kind::kRatioAtLeast, 20}, {Target::Kind::kFigureAtLeast, 10'000'000}};
  a.repetitions = reps;
  a.Detail("inputs",
           FormatCount(static_cast<double>(inputs.size())) + " x " + std::to_string(rounds) +
               " rounds (naive: " + FormatCount(static_cast<double>(naive_inputs.size())) + ")");
  a.Detail("one more run, ops per wall-clock second / per CPU-second",
           FormatCount(add_wall_ops) + " / " + FormatCount(add_cpu_ops));
  Row& b = rows.emplace_back();
  b.name = "deadline_between";
  b.what = "working time between two instants 1..60 days apart, WorkingTimeBetween";
  b.figure = between_ops;
  b.unit = "ops/s";
  b.baseline = naive_between_ops;
  b.baseline_what = "ops/s naive day-by-day";
  b.targets = {{Target::Kind::kRatioAtLeast, 20}};
  b.repetitions = reps;
  b.Detail("checksum (ignore)", std::to_string(sink & 0xffff));
  return rows;
}

}  // namespace motcua::bench

// A field tablet completing its on-site jobs one after another (each with the
// customer's signature), as fast as it can, for the crash-safety test, which
// kills it with SIGKILL at random moments. Prints "start", then each
// completed job's request id once its transaction has committed.
// Usage: field_worker DIR
#include <cstdio>
#include <string>

#include "core/clock.h"
#include "field/field_db.h"
#include "field/job_book.h"

using namespace kiosk;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: field_worker DIR\n");
    return 2;
  }
  SystemClock clock;
  Result<std::unique_ptr<FieldDb>> field = FieldDb::open(argv[1], clock.now_ms());
  if (!field) {
    std::fprintf(stderr, "%s\n", field.error().message.c_str());
    return 1;
  }
  JobBook book(*field.value(), clock);
  Result<std::vector<FieldJob>> jobs = book.jobs();
  if (!jobs) return 1;
  std::printf("start\n");
  std::fflush(stdout);
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'x');
  for (const FieldJob& job : jobs.value()) {
    if (job.state != RequestState::OnSite) continue;
    if (!book.complete({job.request_id, "cleaned", "done by the worker", true, RatingInput{4, {}, "", {}}, png}))
      return 1;
    std::printf("%s\n", job.request_id.c_str());
    std::fflush(stdout);
  }
  return 0;
}

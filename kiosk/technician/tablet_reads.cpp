// The tablet's database as the technician's screens' state (see tablet_reads.h).
#include "technician/tablet_reads.h"

#include <algorithm>

#include "core/store_time_zone.h"
#include "field/field_link.h"
#include "requests/request_lifecycle.h"
#include "requests/request_validation.h"
#include "store/storage_guard.h"

namespace kiosk::technician {
namespace {

using Json = nlohmann::json;

// A text field of HQ's job entry; "" when absent, null or not text.
std::string text(const Json& object, const char* field) {
  if (!object.is_object()) return {};
  const auto found = object.find(field);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

const Json& member(const Json& object, const char* field) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  const auto found = object.find(field);
  return found != object.end() ? *found : kNull;
}

// The store's zone the visit's day is in (the job's), Shanghai when HQ sent none the system knows.
StoreTimeZone zone_of(const Json& data) {
  if (Result<StoreTimeZone> zone = StoreTimeZone::load(text(data, "time_zone"))) return zone.value();
  return StoreTimeZone::load("Asia/Shanghai").value();
}

}  // namespace

Result<TabletStatus> read_tablet_status(FieldDb& field, const Clock& clock) {
  Result<FieldLinkStatus> link = FieldLink(field, clock).status();
  if (!link) return link.error();
  Result<WaitingCounts> waiting = JobBook(field, clock).waiting_count();
  if (!waiting) return waiting.error();
  return storage_guarded([&]() -> Result<TabletStatus> {
    Statement& q = field.db().prepare("SELECT count(*) FROM technician");
    const bool has_technician = q.step() && q.int64(0) > 0;
    q.reset();
    return TabletStatus{true,           link.value().configured,   link.value().revoked,
                        has_technician, link.value().last_sync_at, waiting.value().total()};
  });
}

JobLine job_line(const FieldJob& job) {
  const Json& d = job.data;
  JobLine line;
  line.request_id = job.request_id;
  line.code = job.code;
  line.kind = text(d, "kind");
  line.state = to_string(job.state);
  line.product_zh = text(member(d, "product"), "zh");
  line.product_en = text(member(d, "product"), "en");
  line.problem_zh = text(member(d, "problem"), "zh");
  line.problem_en = text(member(d, "problem"), "en");
  line.model = text(d, "model");
  line.urgency = text(d, "urgency");
  const bool scheduled = !job.scheduled_date.empty();
  line.date = scheduled ? job.scheduled_date : text(d, "preferred_date");
  line.time_window = scheduled ? (job.scheduled_window ? to_string(*job.scheduled_window) : std::string())
                               : text(d, "preferred_window");
  line.waiting = job.steps_waiting > 0;
  return line;
}

JobDetail job_detail(const FieldJob& job, EpochMs hq_now) {
  const Json& d = job.data;
  JobDetail detail;
  detail.line = job_line(job);
  detail.description = text(d, "description");
  detail.contact_name = text(d, "contact_name");
  detail.phone = text(d, "phone");
  detail.address = text(d, "address");
  detail.purged = job.purged;
  for (RequestState next : technician_next_states(job.state)) detail.next.push_back(to_string(next));
  const StoreTimeZone zone = zone_of(d);
  detail.today = zone.business_day(hq_now);
  detail.last_visit_day = last_visit_day(zone, hq_now);
  return detail;
}

Notice notice_of(const StepNotice& n) {
  std::string reason = "rejected";  // field.step.rejected, and any key this program does not know
  for (const char* known : {"cancelled", "reassigned", "conflict"})
    if (n.message_key == std::string("field.step.") + known) reason = known;
  return Notice{n.step_id, n.code, to_string(n.action), reason};
}

int locked_minutes(FieldDb& field, EpochMs now) {
  Result<EpochMs> until = storage_guarded([&]() -> Result<EpochMs> {
    Statement& q = field.db().prepare("SELECT coalesce(locked_until, 0) FROM technician");
    const EpochMs at = q.step() ? q.int64(0) : 0;
    q.reset();
    return at;
  });
  return static_cast<int>(std::max<EpochMs>(1, ((until ? until.value() : now) - now + 59'999) / 60'000));
}

}  // namespace kiosk::technician

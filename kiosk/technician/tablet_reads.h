// What the technician's screens show, read from the tablet's database
// (shared/field) into the plain state of technician_state.h: the tablet's
// setup and link with HQ, a job as a row of "My jobs" and opened, a step HQ
// did not keep as a notice. Used on the worker and the sync thread, each with
// its own connection.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "field/field_db.h"
#include "field/job_book.h"
#include "technician/technician_state.h"

namespace kiosk::technician {

Result<TabletStatus> read_tablet_status(FieldDb& field, const Clock& clock);

JobLine job_line(const FieldJob& job);
// The job opened: its customer (until purged), the steps the technician may
// take now, and the store's today and last visit day by HQ's clock `hq_now`
// (for the visit's date picker).
JobDetail job_detail(const FieldJob& job, EpochMs hq_now);

Notice notice_of(const StepNotice& notice);

// Whole minutes (at least 1) until the technician's lockout ends at `now`.
int locked_minutes(FieldDb& field, EpochMs now);

}  // namespace kiosk::technician

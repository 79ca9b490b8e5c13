// Turning a ticket into a repair or installation request at the counter: the
// ticket must be of today (the store's business day), finished or still at a
// counter (called or being served: it is finished with the outcome "request"
// in the same transaction, so a cancelled form leaves it being served and a
// stored request never lacks its finished ticket), and not turned into a
// request before; the request remembers it (source_ticket_id,
// schema 6) and takes the ticket's phone when the form has none. The form is
// checked by validate_request like every other request; all in one
// transaction, so a refusal stores nothing.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "model/request_model.h"
#include "requests/request_code.h"
#include "store/store_db.h"

namespace kiosk {

// `actor` is the staff member of an authenticated session. Error codes:
// "unknown-ticket", "ticket-not-done" (Refused: still waiting, a no-show...), "ticket-not-today" (Refused),
// "ticket-already-requested" (Refused), those of validate_request, and
// Storage errors.
Result<Request> request_from_ticket(StoreDb& store, const Clock& clock, const std::string& ticket_id, RequestForm form,
                                    const std::string& actor, const RequestCodeSource& codes = new_request_code);

}  // namespace kiosk

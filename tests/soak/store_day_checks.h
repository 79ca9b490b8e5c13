// What a store day under faults must end with (docs/reliability.md, "A store
// day under faults"), checked once the faults are off and a clean sync is
// done, with the store node and hq stopped: every ticket and request a
// customer was shown exists once; no (business day, number) twice; every
// record the store committed is at HQ once and as the store has it; both
// databases pass PRAGMA integrity_check; every refusal came in words.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "soak/soak_ledger.h"
#include "soak/store_under_test.h"

namespace kiosk::soak {

// How a refusal measures up to the contract.
enum class RefusalVerdict {
  InWords,  // a code and a message (disk-full while the disk was full)
  Wrong,    // no words, no code, an internal error, or another code for a full disk
};

// THE check of refusal codes. A customer's kioskctl refuses with its exit code
// (1 failure, 2 usage, 3 a rule) and {"error": words}, plus "code" where it
// gives one; the node with {"error": {"code", "message"}}. While the disk is
// full a storage refusal (the node's 503, kioskctl's exit 1) must say
// "disk-full" (docs/reliability.md, "A full or read-only disk").
RefusalVerdict judge_refusal(const Refusal& refusal);

struct StoreDayFindings {
  std::map<std::string, std::int64_t> records_checked;  // by kind, at the store
  std::int64_t lost = 0;                                // committed at the store, missing at HQ
  std::int64_t doubled = 0;                             // at HQ twice, or unknown to the store
  std::int64_t stale = 0;                               // at HQ, but not as the store has it now
  std::int64_t shown_missing = 0;                       // shown to a customer, not in the store
  std::int64_t repeated_numbers = 0;                    // (business day, number) more than once, at the store or HQ
  std::int64_t parked_at_hq = 0;
  std::int64_t soak_failures = 0;      // a traffic thread that failed (SoakLedger::add_failure)
  std::int64_t display_went_back = 0;  // an events answer whose last_seq was below the one before
  std::string store_integrity, hq_integrity;
  std::map<std::string, std::int64_t> refusals_by_code;
  std::map<std::string, std::string> refusal_words;  // by code: the first message seen
  std::map<RefusalVerdict, std::int64_t> refusals_by_verdict;
  double store_hours = 0;  // from the first ticket's issue to the last's, on the store's clock
  std::int64_t business_days = 0;
  std::vector<std::string> problems;  // readable, the first few of each kind

  bool passed() const;
};

// Reads the stopped store's and hq's databases and the ledger.
StoreDayFindings check_store_day(StoreUnderTest& store, const SoakLedger& ledger);

}  // namespace kiosk::soak

// The end-of-day checks over the store's and hq's databases (store_day_checks.h).
#include "soak/store_day_checks.h"

#include <sqlite3.h>

#include <set>
#include <stdexcept>

namespace kiosk::soak {

RefusalVerdict judge_refusal(const Refusal& refusal) {
  const bool from_kioskctl = refusal.who == "customer";
  if (refusal.message.empty()) return RefusalVerdict::Wrong;
  if (!from_kioskctl && (refusal.code.empty() || refusal.code == "internal")) return RefusalVerdict::Wrong;
  const bool storage_refusal = from_kioskctl ? refusal.status == 1 : refusal.status == 503;
  if (!refusal.disk_full || !storage_refusal || refusal.code == "disk-full") return RefusalVerdict::InWords;
  return RefusalVerdict::Wrong;
}

bool StoreDayFindings::passed() const {
  const auto count = [&](RefusalVerdict v) {
    const auto found = refusals_by_verdict.find(v);
    return found == refusals_by_verdict.end() ? 0 : found->second;
  };
  const bool refusals_ok = count(RefusalVerdict::Wrong) == 0;
  return lost == 0 && doubled == 0 && display_went_back == 0 && soak_failures == 0 && stale == 0 &&
         shown_missing == 0 && repeated_numbers == 0 && parked_at_hq == 0 && store_integrity == "ok" &&
         hq_integrity == "ok" && refusals_ok;
}

namespace {

using Rows = std::vector<std::vector<std::string>>;

// Every row of `statement` on the SQLite file `db`, each column as text.
Rows rows_of(const std::string& db, const std::string& statement) {
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(handle);
    throw std::runtime_error("cannot open " + db);
  }
  sqlite3_stmt* query = nullptr;
  Rows rows;
  int rc = sqlite3_prepare_v2(handle, statement.c_str(), -1, &query, nullptr);
  while (rc == SQLITE_OK && (rc = sqlite3_step(query)) == SQLITE_ROW) {
    rc = SQLITE_OK;  // on to the next row
    std::vector<std::string>& row = rows.emplace_back();
    for (int column = 0; column < sqlite3_column_count(query); ++column) {
      const unsigned char* text = sqlite3_column_text(query, column);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "");
    }
  }
  const std::string message = sqlite3_errmsg(handle);
  sqlite3_finalize(query);
  sqlite3_close(handle);
  if (rc != SQLITE_DONE) throw std::runtime_error(statement + ": " + message);
  return rows;
}

void note(StoreDayFindings& findings, const std::string& what) {
  if (findings.problems.size() < 40) findings.problems.push_back(what);
}

// One synced kind: the store's records (id -> how it is now) against HQ's export.
struct SyncedKind {
  std::string store_kind;  // the outbox's kind
  std::string hq_kind;     // hq export --kind
  std::string store_sql;   // id, then what HQ's copy must match
  std::string (*hq_state)(const Json& data);
};

std::string ticket_state(const Json& d) {
  return d.value("state", "") + "/" + std::to_string(d.value("recalls", -1)) + "/" + d.value("ticket", "");
}
std::string versioned_state(const Json& d) { return std::to_string(d.value("version", -1)); }

const std::vector<SyncedKind>& synced_kinds() {
  static const std::vector<SyncedKind> kinds{
      {"ticket", "tickets", "SELECT id, state || '/' || recalls || '/' || prefix || printf('%03d', number) FROM ticket",
       ticket_state},
      {"request", "requests", "SELECT id, version FROM request", versioned_state},
      {"request_event", "request-events", "SELECT id, version FROM request_event", versioned_state},
      {"rating", "ratings", "SELECT id, '' FROM rating", [](const Json&) { return std::string(); }},
      {"kb_use", "kb-uses", "SELECT id, '' FROM kb_use", [](const Json&) { return std::string(); }},
  };
  return kinds;
}

void check_at_hq(StoreUnderTest& store, StoreDayFindings& findings) {
  for (const SyncedKind& kind : synced_kinds()) {
    std::map<std::string, std::string> at_store;
    for (const std::vector<std::string>& row : rows_of(store.store_db(), kind.store_sql)) at_store[row[0]] = row[1];
    findings.records_checked[kind.store_kind] = static_cast<std::int64_t>(at_store.size());
    std::map<std::string, int> seen;
    for (const Json& record : store.hq().exported("S1", kind.hq_kind)) {
      const std::string id = record.value("id", "");
      if (++seen[id] > 1) {
        ++findings.doubled;
        note(findings, kind.store_kind + " " + id + " is at HQ more than once");
        continue;
      }
      const auto mine = at_store.find(id);
      if (mine == at_store.end()) {
        ++findings.doubled;
        note(findings, kind.store_kind + " " + id + " is at HQ but not in the store");
      } else if (kind.hq_state(record["data"]) != mine->second) {
        ++findings.stale;
        note(findings, kind.store_kind + " " + id + " is at HQ as " + kind.hq_state(record["data"]) +
                           ", in the store as " + mine->second);
      }
    }
    for (const auto& [id, state] : at_store)
      if (!seen.count(id)) {
        ++findings.lost;
        note(findings, kind.store_kind + " " + id + " (" + state + ") never reached HQ");
      }
  }
  // A number handed out twice on one day would show at HQ as two records.
  std::map<std::string, int> labels;
  for (const Json& record : store.hq().exported("S1", "tickets")) {
    const Json& data = record["data"];
    if (!data.value("transferred_from", Json()).is_null()) continue;
    const std::string key = data.value("business_day", "") + " " + data.value("ticket", "");
    if (++labels[key] == 2) {
      ++findings.repeated_numbers;
      note(findings, "at HQ, " + key + " twice");
    }
  }
  const test::HqCommand parked = store.hq().hq({"parked", "--store", "S1"});
  for (const Json& line : parked.lines)
    if (line.is_object() && line.contains("seq")) {
      ++findings.parked_at_hq;
      note(findings, "parked at HQ: " + line.dump());
    }
}

void check_store(StoreUnderTest& store, const SoakLedger& ledger, StoreDayFindings& findings) {
  const std::string db = store.store_db();
  std::map<std::string, std::pair<std::string, std::string>> tickets;  // id -> (label, day)
  for (const std::vector<std::string>& row :
       rows_of(db, "SELECT id, prefix || printf('%03d', number), business_day FROM ticket"))
    tickets[row[0]] = {row[1], row[2]};
  for (const ShownTicket& shown : ledger.shown_tickets()) {
    const auto found = tickets.find(shown.id);
    if (found == tickets.end() || found->second.first != shown.label ||
        (!shown.business_day.empty() && found->second.second != shown.business_day)) {
      ++findings.shown_missing;
      note(findings, "ticket " + shown.label + " (" + shown.id + ") was shown but is not in the store as shown");
    }
  }
  std::set<std::string> requests;
  for (const std::vector<std::string>& row : rows_of(db, "SELECT code FROM request")) requests.insert(row[0]);
  for (const std::string& code : ledger.shown_requests())
    if (!requests.count(code)) {
      ++findings.shown_missing;
      note(findings, "request " + code + " was shown but is not in the store");
    }
  for (const std::vector<std::string>& row :
       rows_of(db,
               "SELECT business_day, prefix, number, count(*) FROM ticket WHERE transferred_from IS NULL "
               "GROUP BY business_day, prefix, number HAVING count(*) > 1")) {
    ++findings.repeated_numbers;
    note(findings, "in the store, " + row[0] + " " + row[1] + row[2] + " " + row[3] + " times");
  }
  const Rows span = rows_of(db, "SELECT min(issued_at), max(issued_at), count(DISTINCT business_day) FROM ticket");
  if (!span.empty() && !span[0][0].empty()) {
    findings.store_hours = static_cast<double>(std::stoll(span[0][1]) - std::stoll(span[0][0])) / 3'600'000.0;
    findings.business_days = std::stoll(span[0][2]);
  }
  findings.store_integrity = rows_of(db, "PRAGMA integrity_check").at(0).at(0);
  findings.hq_integrity = rows_of(store.hq().db, "PRAGMA integrity_check").at(0).at(0);
}

void check_refusals(const SoakLedger& ledger, StoreDayFindings& findings) {
  for (const Refusal& refusal : ledger.refusals()) {
    const RefusalVerdict verdict = judge_refusal(refusal);
    ++findings.refusals_by_verdict[verdict];
    const std::string code = refusal.code.empty() ? "exit " + std::to_string(refusal.status) : refusal.code;
    ++findings.refusals_by_code[code];
    findings.refusal_words.emplace(code, refusal.message);
    if (verdict == RefusalVerdict::Wrong)
      note(findings, refusal.who + " " + refusal.action + " refused " + std::to_string(refusal.status) + " " +
                         refusal.code + " \"" + refusal.message + "\"" + (refusal.disk_full ? " (disk full)" : ""));
  }
}

}  // namespace

StoreDayFindings check_store_day(StoreUnderTest& store, const SoakLedger& ledger) {
  StoreDayFindings findings;
  check_store(store, ledger, findings);
  check_at_hq(store, findings);
  check_refusals(ledger, findings);
  for (const std::string& failure : ledger.failures()) {
    ++findings.soak_failures;
    note(findings, "the soak's own " + failure);
  }
  const std::map<std::string, std::int64_t> operations = ledger.operations();
  if (const auto back = operations.find(kDisplayWentBack); back != operations.end()) {
    findings.display_went_back = back->second;
    note(findings, "the display's events went back " + std::to_string(back->second) + " times");
  }
  return findings;
}

}  // namespace kiosk::soak

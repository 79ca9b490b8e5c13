// Ledgers of a store's day and service, and their sums (figure_ledger.h).
#include "hq/figure_ledger.h"

#include <algorithm>
#include <charconv>

#include "core/comma_list.h"
#include "core/store_time_zone.h"
#include "queue/wait_histogram.h"

namespace kiosk::hq {
namespace {

bool by_id(const LedgerLine& a, const LedgerLine& b) { return a.id < b.id; }

// The words of a line separated by single spaces (the staff line after its '@').
std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  while (!text.empty()) {
    text.remove_prefix(text[0] == ' ' ? 1 : 0);
    const std::size_t space = std::min(text.find(' '), text.size());
    words.emplace_back(text.substr(0, space));
    text.remove_prefix(space);
  }
  return words;
}

// A ledger line: "id revision issued called started finished state
// continuation counter estimate score reasons staff", '-' for an absent value;
// the staff field is left out in ledgers written before it. Staff ids are
// written once, on a first line "@ ID0 ID1...", and each line names its
// staff by position there (an id on every line took a ticket's line from 110
// to 147 bytes, and SQLite's figure_ledger table half as large again).
constexpr std::size_t kFields = 13, kOlderFields = 12;
constexpr char kStaffLine = '@';

void put(std::string& out, const std::optional<std::int64_t>& value) {
  if (value) {
    char digits[24];
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, *value);
    out.append(digits, end);
  } else {
    out += '-';
  }
  out += ' ';
}

template <class T>
std::optional<std::int64_t> wide(const std::optional<T>& value) {
  return value ? std::optional<std::int64_t>(*value) : std::nullopt;
}

// Reads a field written by put(); false when it is neither '-' nor an integer.
template <class T>
bool get(std::string_view field, std::optional<T>& value) {
  if (field == "-") {
    value.reset();
    return true;
  }
  T number{};
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), number);
  if (error != std::errc() || end != field.data() + field.size()) return false;
  value = number;
  return true;
}

}  // namespace

int ledger_block(std::string_view label) {
  std::size_t digits = label.size();
  while (digits > 0 && label[digits - 1] >= '0' && label[digits - 1] <= '9') --digits;
  int number = 0;
  const auto [end, error] = std::from_chars(label.data() + digits, label.data() + label.size(), number);
  return error == std::errc() && number > 0 ? (number - 1) / kTicketsPerBlock : 0;
}

std::string encode_ledger(const Ledger& ledger) {
  std::string out;
  out.reserve(ledger.size() * 110);
  std::vector<std::string_view> staff;  // as the lines name them first; a store's day has a few
  std::vector<std::optional<std::int64_t>> staff_of(ledger.size());  // each line's position in `staff`
  for (std::size_t line = 0; line < ledger.size(); ++line) {
    const std::string& staff_id = ledger[line].entry.staff_id;
    if (staff_id.empty()) continue;
    staff_of[line] = std::find(staff.begin(), staff.end(), staff_id) - staff.begin();
    if (*staff_of[line] == std::int64_t(staff.size())) staff.push_back(staff_id);
  }
  if (!staff.empty()) {
    out += kStaffLine;
    for (const std::string_view staff_id : staff) (out += ' ') += staff_id;
    out += '\n';
  }
  for (std::size_t line = 0; line < ledger.size(); ++line) {
    const auto& [id, e] = ledger[line];
    out += id;
    out += ' ';
    put(out, e.revision);
    put(out, e.times.issued_at);
    put(out, e.times.called_at);
    put(out, e.times.started_at);
    put(out, e.times.finished_at);
    out += to_string(e.times.state);
    out += e.times.continues_transfer ? " 1 " : " 0 ";
    put(out, wide(e.counter));
    put(out, wide(e.times.estimated_wait_min));
    put(out, wide(e.score));
    if (e.reasons.empty()) out += '-';
    for (std::size_t i = 0; i < e.reasons.size(); ++i) (out += i ? "," : "") += e.reasons[i];
    out += ' ';
    put(out, staff_of[line]);
    out.back() = '\n';
  }
  return out;
}

std::optional<Ledger> decode_ledger(std::string_view text, const std::string& service) {
  Ledger ledger;
  std::vector<std::string> staff;
  if (!text.empty() && text[0] == kStaffLine) {
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    staff = split_words(text.substr(1, newline - 1));
    text.remove_prefix(newline + 1);
  }
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline + 1);
    std::string_view f[kFields];
    std::size_t fields = 0;
    for (; fields < kFields && !line.empty(); ++fields) {
      const std::size_t space = fields + 1 < kFields ? std::min(line.find(' '), line.size()) : line.size();
      f[fields] = line.substr(0, space);
      line.remove_prefix(std::min(line.size(), space + 1));
    }
    if (fields < kOlderFields) return std::nullopt;
    LedgerEntry e;
    e.times.service_code = service;
    std::optional<std::int64_t> revision, issued, continuation;
    const std::optional<TicketState> state = ticket_state_from(std::string(f[6]));
    if (!get(f[1], revision) || !revision || !get(f[2], issued) || !issued || !get(f[3], e.times.called_at) ||
        !get(f[4], e.times.started_at) || !get(f[5], e.times.finished_at) || !state || !get(f[7], continuation) ||
        !continuation || !get(f[8], e.counter) || !get(f[9], e.times.estimated_wait_min) || !get(f[10], e.score))
      return std::nullopt;
    e.revision = *revision;
    e.times.issued_at = *issued;
    e.times.state = *state;
    e.times.continues_transfer = *continuation != 0;
    if (f[11] != "-") e.reasons = split_comma_list(std::string(f[11]));
    std::optional<std::size_t> staff_index;
    if (fields == kFields && (!get(f[12], staff_index) || (staff_index && *staff_index >= staff.size())))
      return std::nullopt;
    if (staff_index) e.staff_id = staff[*staff_index];
    ledger.push_back(LedgerLine{std::string(f[0]), std::move(e)});
  }
  if (!std::is_sorted(ledger.begin(), ledger.end(), by_id)) std::sort(ledger.begin(), ledger.end(), by_id);
  return ledger;
}

namespace {
// The line of `id` among the first `sorted` lines (sorted by id).
LedgerLine* find_line(Ledger& ledger, std::string_view id, std::size_t sorted) {
  const auto end = ledger.begin() + std::ptrdiff_t(sorted);
  const auto found = std::lower_bound(ledger.begin(), end, id,
                                      [](const LedgerLine& line, std::string_view key) { return line.id < key; });
  return found != end && found->id == id ? &*found : nullptr;
}
}  // namespace

bool merge_tickets(Ledger& ledger, const std::vector<std::pair<std::string_view, const LedgerEntry*>>& tickets) {
  const std::size_t held = ledger.size();
  bool changed = false;
  for (const auto& [id, entry] : tickets) {
    LedgerLine* line = find_line(ledger, id, held);  // new lines are not sorted yet
    if (!line) {
      ledger.push_back(LedgerLine{std::string(id), *entry});
      changed = true;
      continue;
    }
    if (line->entry.revision >= entry->revision) continue;
    std::optional<int> score = line->entry.score;
    std::vector<std::string> reasons = std::move(line->entry.reasons);
    line->entry = *entry;
    line->entry.score = score;
    line->entry.reasons = std::move(reasons);
    changed = true;
  }
  if (ledger.size() > held) std::sort(ledger.begin(), ledger.end(), by_id);
  return changed;
}

bool attach_rating(Ledger& ledger, const RatingFact& rating) {
  LedgerLine* line = find_line(ledger, rating.ticket_id, ledger.size());
  if (!line) return false;
  if (line->entry.score == rating.score && line->entry.reasons == rating.reasons) return false;
  line->entry.score = rating.score;
  line->entry.reasons = rating.reasons;
  return true;
}

FigureSums& FigureSums::operator+=(const FigureSums& other) {
  stats += other.stats;
  ratings += other.ratings;
  add_counts(wait_bins, other.wait_bins);
  add_counts(arrivals, other.arrivals);
  add_counts(uncalled_at, other.uncalled_at);
  return *this;
}

FigureSums& FigureSums::operator-=(const FigureSums& other) {
  stats -= other.stats;
  ratings -= other.ratings;
  add_counts(wait_bins, other.wait_bins, -1);
  add_counts(arrivals, other.arrivals, -1);
  add_counts(uncalled_at, other.uncalled_at, -1);
  return *this;
}

FigureSums figure_sums(const Ledger& ledger, int target_s, const std::string& day, EpochMs day_start) {
  FigureSums sums;
  const int weekday = std::max(0, weekday_of(day));
  for (const auto& [id, e] : ledger) {
    add_ticket(sums.stats, e.times, target_s);
    if (const std::optional<std::int64_t> wait = visit_wait_ms(e.times)) ++sums.wait_bins[wait_bin(*wait)];
    if (!e.times.continues_transfer) {
      const auto hour = std::clamp<std::int64_t>((e.times.issued_at - day_start) / 3'600'000, 0, 23);
      ++sums.arrivals[weekday * 24 + int(hour)];
      if (!e.times.called_at)
        ++sums.uncalled_at[int(std::clamp<std::int64_t>((e.times.issued_at - day_start) / 60'000, 0, 48 * 60))];
    }
    if (e.score) sums.ratings.add(*e.score, e.reasons);
  }
  return sums;
}

}  // namespace kiosk::hq

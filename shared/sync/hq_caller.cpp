// One request to HQ with the protocol's retries and answer checks.
#include "sync/hq_caller.h"

#include <algorithm>
#include <thread>

namespace kiosk {
namespace {

// The error code HQ gave ("revoked-device"), or "".
std::string error_code_of(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) return {};
  const nlohmann::json& e = body["error"];
  return e.contains("code") && e["code"].is_string() ? e["code"].get<std::string>() : std::string();
}

// The English error HQ gave ("401 revoked-device: ..."), or the status alone.
std::string hq_error_text(long status, const nlohmann::json& body) {
  std::string text = "HQ answered " + std::to_string(status);
  if (const std::string code = error_code_of(body); !code.empty()) text += " " + code;
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const nlohmann::json& e = body["error"];
    if (e.contains("message") && e["message"].is_string()) text += ": " + e["message"].get<std::string>();
  }
  return text;
}

// HQ's clock in an answer: an integer of milliseconds from 0 to 2^53 (exact in
// every JSON reader). Anything else is no clock, and no offset is worked out
// from it (an extreme one overflowed the subtraction).
bool has_hq_time(const nlohmann::json& body) {
  constexpr std::uint64_t kMaxHqTime = std::uint64_t(1) << 53;
  return has_int(body, "hq_time") && body["hq_time"].is_number_unsigned() &&
         body["hq_time"].get<std::uint64_t>() <= kMaxHqTime;
}

}  // namespace

bool has_int(const nlohmann::json& body, const char* field) {
  return body.is_object() && body.contains(field) && body[field].is_number_integer();
}

std::chrono::milliseconds backoff_delay(int attempt, std::optional<long> retry_after_s, const SyncOptions& options,
                                        std::mt19937_64& random) {
  const int doublings = std::clamp(attempt, 0, 30);
  const std::int64_t ceiling = std::min<std::int64_t>(options.backoff_cap.count(),
                                                      options.backoff_base.count() * (std::int64_t(1) << doublings));
  std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(ceiling, 0));
  std::int64_t wait = pick(random);
  if (retry_after_s) wait = std::max<std::int64_t>(wait, std::clamp<long>(*retry_after_s, 0, 86400) * 1000);
  return std::chrono::milliseconds(wait);
}

HqCaller::HqCaller(SyncTransport& transport, const Clock& clock, const SyncOptions& options, Sleep sleep)
    : transport_(transport),
      clock_(clock),
      options_(options),
      sleep_(sleep ? std::move(sleep) : Sleep([](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); })),
      random_(std::random_device{}()) {}

HqAnswer HqCaller::get(const std::string& path, const HeaderFields& headers, HqCalls& calls) {
  return call([&] { return transport_.get(path, headers); }, 0, calls);
}

HqAnswer HqCaller::post(const std::string& path, const std::string& gzip_body, const HeaderFields& headers,
                        HqCalls& calls) {
  return call([&] { return transport_.post_gzip_json(path, gzip_body, headers); }, std::int64_t(gzip_body.size()),
              calls);
}

HqAnswer HqCaller::call(const std::function<Result<TransportResponse>()>& send, std::int64_t body_bytes,
                        HqCalls& calls) {
  std::optional<Error> error;
  std::optional<long> retry_after;
  for (int attempt = 0; attempt < options_.attempts; ++attempt) {
    const EpochMs sent_at = clock_.now_ms();
    calls.bytes_sent += body_bytes;
    Result<TransportResponse> response = send();
    const EpochMs received_at = clock_.now_ms();
    ++calls.requests;
    retry_after.reset();
    if (!response) {
      error = response.error();
    } else {
      const TransportResponse& r = response.value();
      calls.bytes_received += std::int64_t(r.body.size());
      calls.wire_bytes += r.wire_bytes;
      nlohmann::json body = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
      if (r.status == 200) {
        if (has_hq_time(body)) {
          calls.clock_offset_ms = body["hq_time"].get<std::int64_t>() - (sent_at + received_at) / 2;
          return HqAnswer{true, 200, std::move(body)};
        }
        error = unavailable("HQ answered 200 with a body that is not the protocol's JSON", "bad-answer");
      } else if (r.status == 429 || (r.status >= 500 && r.status != 501)) {
        error = unavailable(hq_error_text(r.status, body), "hq-busy");
        retry_after = r.retry_after_s;
      } else {
        calls.refused = r.status == 401 || r.status == 403;
        calls.refusal_code = calls.refused ? error_code_of(body) : std::string();
        calls.error = refused(hq_error_text(r.status, body), "hq-refused");
        calls.retry_after_s = r.retry_after_s;
        return HqAnswer{false, r.status, std::move(body)};
      }
    }
    if (attempt + 1 == options_.attempts) break;
    const std::chrono::milliseconds wait = backoff_delay(attempt, retry_after, options_, random_);
    if (wait > options_.longest_wait_in_round) break;
    sleep_(wait);
  }
  calls.error = error;
  calls.retry_after_s = retry_after;
  return HqAnswer{};
}

bool HqCaller::follow_feed(std::int64_t after, const HeaderFields& headers, const FeedPage& take, HqCalls& calls) {
  for (int page = 0; page < options_.max_change_pages; ++page) {
    const std::string path =
        "/sync/v1/changes?after=" + std::to_string(after) + "&limit=" + std::to_string(options_.change_page);
    const HqAnswer answer = get(path, headers, calls);
    if (!answer.ok) return false;
    const nlohmann::json& body = answer.body;
    if (!body.contains("changes") || !body["changes"].is_array() || !has_int(body, "last_seq") ||
        !body.contains("more") || !body["more"].is_boolean() || body["last_seq"].get<std::int64_t>() < after) {
      calls.error = unavailable("HQ's change feed answer is not the protocol's JSON", "bad-answer");
      return false;
    }
    const std::int64_t last_seq = body["last_seq"].get<std::int64_t>();
    std::int64_t previous = after;
    for (const nlohmann::json& change : body["changes"]) {
      if (!has_int(change, "seq") || change["seq"].get<std::int64_t>() <= previous ||
          change["seq"].get<std::int64_t>() > last_seq) {
        calls.error = unavailable("HQ's change feed is out of order", "bad-answer");
        return false;
      }
      previous = change["seq"].get<std::int64_t>();
    }
    if (std::optional<Error> problem = take(body["changes"], last_seq, body["hq_time"].get<EpochMs>())) {
      calls.error = std::move(problem);
      return false;
    }
    after = last_seq;
    if (!body["more"].get<bool>()) return true;
  }
  calls.error = unavailable(
      "HQ's change feed did not end within " + std::to_string(options_.max_change_pages) + " pages", "bad-answer");
  return false;
}

}  // namespace kiosk

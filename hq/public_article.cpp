// A help article's phone answer (public_article.h).
#include "hq/public_article.h"

#include <algorithm>
#include <optional>
#include <string>

#include "kb/kb_article.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kKeepForAMinute = "max-age=60";  // an edit reaches a phone that kept it within a minute

const ApiError kUnknownArticle{404, "unknown-article", "no help article has this id, or it was retired", {}};

// The active article `id`, if HQ holds one whose JSON still reads as an article.
std::optional<KbArticle> active_article(HqDb& db, const std::string& id) {
  std::optional<KbArticle> found;
  db.first("SELECT data FROM kb_article WHERE id = ?1 AND active = 1", {id}, [&](const SqlRow& row) {
    Result<KbArticle> article = parse_kb_article(nlohmann::json::parse(row.text(0), nullptr, false));
    if (article && article.value().active) found = std::move(article.value());
  });
  return found;
}

// What the phone shows: the id and each language's title, answer and steps.
json phone_answer(const KbArticle& article) {
  const json whole = kb_article_json(article);
  return json{{"id", whole["id"]}, {"zh", whole["zh"]}, {"en", whole["en"]}};
}

}  // namespace

void PublicArticleApi::add_routes(httplib::Server& server) {
  server.Get(R"(/k/([^/]+)/json)", [this](const httplib::Request& req, httplib::Response& res) { article(req, res); });
}

void PublicArticleApi::article(const httplib::Request& req, httplib::Response& res) {
  const EpochMs now = clock_.now_ms();
  const std::string address = client_address(req);
  if (const int wait = std::max(guesses_.wait_s(address, now), reads_.wait_s(address, now)))
    return send_public_error(res, slowed_down(wait));
  reads_.count(address, now);
  const std::string id = req.matches[1];
  with_public_db(res, thread_db_, [&](HqDb& db) {
    const std::optional<KbArticle> article = active_article(db, id);
    if (!article) {
      guesses_.count(address, now);
      return send_public_error(res, kUnknownArticle);
    }
    const json answer = phone_answer(*article);
    const std::string body = answer.dump(-1, ' ', false, json::error_handler_t::replace);
    if (answered_unchanged(req, res, body, kKeepForAMinute)) return;
    send_public_json(res, 200, answer, kKeepForAMinute);
  });
}

}  // namespace kiosk::hq

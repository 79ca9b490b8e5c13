// The help articles' routes of the console's API (console_kb_api.h).
#include "hq/console_kb_api.h"

#include "hq/kb_articles.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

// HQ's articles, changed in the name of the session's user.
KbArticles articles_as(HqDb& db, const ConsoleGuard& guard, const Session& s) {
  return KbArticles(db, guard.clock(), s.user.name);
}

}  // namespace

void add_kb_routes(httplib::Server& server, std::map<std::string, std::string>& allowed, const std::string& prefix,
                   const ConsoleGuard& guard) {
  const auto admin = [&guard](bool change, ConsoleGuard::Act act) {
    return guard.as({"admin"}, change, std::move(act));
  };

  const std::string list_path = prefix + "/kb";
  allowed[list_path] = "GET";
  server.Get(list_path,
             guard.as({}, false, [&guard](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               send_answer(res, articles_as(db, guard, s).list());
             }));

  const std::string import_path = prefix + "/kb/import";
  allowed[import_path] = "POST";
  server.Post(import_path,
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                const Result<std::vector<KbArticle>> parsed =
                    parse_kb_article_lines(body.text("lines", kMaxKbImportBytes));
                if (!parsed) return send_answer(res, Result<json>(parsed.error()));
                send_answer(res, articles_as(db, guard, s).import_articles(parsed.value()));
              }));
  const std::string export_path = prefix + "/kb/export";
  allowed[export_path] = "GET";
  server.Get(export_path,
             admin(false, [&guard](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               const Result<std::string> lines = articles_as(db, guard, s).export_lines();
               if (!lines) return send_answer(res, Result<json>(lines.error()));
               res.set_header("Content-Disposition", "attachment; filename=\"kb-articles.jsonl\"");
               res.set_content(lines.value(), "application/x-ndjson; charset=utf-8");
             }));

  server.Put(prefix + "/kb/([^/]+)",
             admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               const JsonBody body(req.body);
               const Result<KbArticle> article = parse_kb_article(body.json());
               if (!article) return send_answer(res, Result<json>(article.error()));
               if (article.value().id != req.matches[1].str())
                 return send_answer(
                     res, Result<json>(invalid_argument("id: the body's (" + article.value().id +
                                                            ") is not the path's (" + req.matches[1].str() + ")",
                                                        "bad-article")));
               send_answer(res, articles_as(db, guard, s).put(article.value()));
             }));
}

}  // namespace kiosk::hq

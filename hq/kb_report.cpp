// The help report (kb_report.h).
#include "hq/kb_report.h"

#include <algorithm>
#include <map>

#include "hq/kb_use_counts.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

// The sums as the report names them; the helpful share is of the answered uses.
json figures(const KbUseSums& s) {
  const std::int64_t answered = s.helpful + s.not_helpful;
  return json{{"views", s.views},
              {"helpful", s.helpful},
              {"not_helpful", s.not_helpful},
              {"answered_without_ticket", s.without_ticket},
              {"helpful_share", answered ? json(double(s.helpful) / double(answered)) : json(nullptr)}};
}

// Each article's titles, service and product as HQ holds it, by id.
std::map<std::string, json> article_names(HqDb& db) {
  std::map<std::string, json> names;
  db.each("SELECT id, data FROM kb_article", {}, [&](const SqlRow& row) {
    const json article = json::parse(row.text(1));
    names[row.text(0)] = json{{"id", row.text(0)},
                              {"zh", article["zh"]["title"]},
                              {"en", article["en"]["title"]},
                              {"service", article["service"]},
                              {"product", article["product"]}};
  });
  return names;
}

}  // namespace

Result<json> help_report(HqDb& db, const ReportRange& range, EpochMs now) {
  return hq_guarded([&]() -> Result<json> {
    KbUseSums total;
    std::map<std::string, KbUseSums> by_article, by_store;
    std::vector<SqlParam> params{range.from, range.to};
    if (range.store) params.emplace_back(*range.store);
    db.each(std::string("SELECT article_id, store_id, sum(views), sum(helpful), sum(not_helpful), sum(without_ticket) "
                        "FROM kb_use_day WHERE business_day >= ?1 AND business_day <= ?2") +
                (range.store ? " AND store_id = ?3" : "") + " GROUP BY article_id, store_id",
            params, [&](const SqlRow& row) {
              const KbUseSums sums{row.int64(2), row.int64(3), row.int64(4), row.int64(5)};
              total += sums;
              by_article[row.text(0)] += sums;
              by_store[row.text(1)] += sums;
            });

    std::vector<std::pair<std::string, KbUseSums>> articles(by_article.begin(), by_article.end());
    std::stable_sort(articles.begin(), articles.end(),
                     [](const auto& a, const auto& b) { return a.second.views > b.second.views; });
    const std::map<std::string, json> names = article_names(db);
    json article_rows = json::array();
    for (const auto& [id, sums] : articles) {
      // An id HQ does not know (an article from a store's own default set): no titles.
      const auto known = names.find(id);
      json row = known != names.end()
                     ? known->second
                     : json{{"id", id}, {"zh", nullptr}, {"en", nullptr}, {"service", nullptr}, {"product", nullptr}};
      row.update(figures(sums));
      article_rows.push_back(row);
    }
    std::map<std::string, std::string> store_names;
    db.each("SELECT id, name FROM hq_store", {}, [&](const SqlRow& row) { store_names[row.text(0)] = row.text(1); });
    json store_rows = json::array();
    for (const auto& [id, sums] : by_store) {
      json row{{"store", id}, {"name", store_names.count(id) ? json(store_names[id]) : json(nullptr)}};
      row.update(figures(sums));
      store_rows.push_back(row);
    }
    return json{
        {"query", {{"from", range.from}, {"to", range.to}, {"store", range.store ? json(*range.store) : json()}}},
        {"total", figures(total)},
        {"articles", article_rows},
        {"stores", store_rows},
        {"hq_time", now}};
  });
}

}  // namespace kiosk::hq

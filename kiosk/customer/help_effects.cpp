// HelpEffects: KbBook and the product catalogue read for Help (help_effects.h).
#include "customer/help_effects.h"

#include <cstdio>

#include "customer/help_library.h"
#include "store/product_catalog.h"

namespace kiosk::customer {
namespace {

void log_failure(const char* what, const Error& error) {
  std::fprintf(stderr, "kiosk: help %s: %s\n", what, error.message.c_str());
}

}  // namespace

void HelpEffects::load() {
  Result<std::int64_t> version = book_.articles_version();
  if (!version) return log_failure("articles not read", version.error());
  if (posted_version_ == version.value()) return;
  Result<std::vector<KbArticle>> articles = book_.articles();
  if (!articles) return log_failure("articles not read", articles.error());
  posted_version_ = version.value();
  post_(HelpLoaded{make_help_library(version.value(), std::move(articles).value(), load_product_catalog(store_.db()))});
}

void HelpEffects::opened(const OpenKbUse& e) {
  Result<std::string> use = book_.opened(e.article_id, e.source, e.english);
  if (!use) return log_failure("use not counted", use.error());
  if (!e.ticket_label.empty())  // read while waiting: that visit has its number
    if (Result<Done> taken = book_.ticket_taken({use.value()}, e.ticket_label); !taken)
      log_failure("ticket not recorded", taken.error());
  post_(KbUseOpened{e.article_id, use.value(), e.source, e.visit});
}

void HelpEffects::answered(const AnswerKbUse& e) {
  if (Result<Done> answered = book_.answered(e.use_id, e.helpful); !answered)
    log_failure("answer not counted", answered.error());
}

void HelpEffects::ticket_taken(const RecordKbTicket& e) {
  if (Result<Done> taken = book_.ticket_taken(e.use_ids, e.label); !taken)
    log_failure("ticket not recorded", taken.error());
}

}  // namespace kiosk::customer

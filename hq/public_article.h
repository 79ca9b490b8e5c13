// A help article for the customer's phone (docs/help-articles.md, "The phone
// page"): GET /k/{id}/json, an active article's title, answer and steps in
// both languages, public and without a login; the page that shows it,
// assets/public/article.html at /k/{id}, is public_pages.h's. An id no active
// article has (a retired one too) is 404 unknown-article and counts in the
// guessing limit every public guess shares; one address may read 600 times a
// minute. An answer has an ETag and may be kept a minute.
#pragma once

#include <httplib.h>

#include "core/clock.h"
#include "hq/public_guard.h"

namespace kiosk::hq {

class PublicArticleApi {
 public:
  // `guesses` (the other public pages' too) and `clock` must outlive the server.
  PublicArticleApi(PublicThreadDb thread_db, const Clock& clock, MinuteLimit& guesses)
      : thread_db_(std::move(thread_db)), clock_(clock), guesses_(guesses) {}

  void add_routes(httplib::Server& server);

 private:
  void article(const httplib::Request& req, httplib::Response& res);

  PublicThreadDb thread_db_;
  const Clock& clock_;
  MinuteLimit& guesses_;             // ids that matched no active article
  MinuteLimit reads_{600, 300'000};  // every read, as the ticket page's polls
};

}  // namespace kiosk::hq

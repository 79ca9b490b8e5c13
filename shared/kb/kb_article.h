// A help article (docs/help-articles.md): HQ owns it, every store keeps a
// copy, the kiosk shows and searches it. One shape everywhere: the file line,
// HQ's API, the change feed and the store's row all hold this JSON, and one
// checker (used by hq kb import, the console's API and the store taking a feed
// change) says what is wrong with it, naming the field.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace kiosk {

struct KbText {
  std::string title;               // 1-60 characters
  std::string answer;              // 1-400 characters, newlines allowed
  std::vector<std::string> steps;  // 0-12, each 1-200 characters
};

struct KbArticle {
  std::string id;                      // 1-64 of a-z 0-9 '-', first a letter or digit
  std::string service;                 // a service code: what "still need help" takes a number for
  std::optional<std::string> product;  // a product code; none for a general question
  int sort = 100;                      // 0-9999, order within a category
  KbText zh, en;
  bool active = true;

  const KbText& text(bool english) const { return english ? en : zh; }
};

// Reads and checks one article. The message names the field ("zh.title is
// empty"); the error's code is "bad-article".
Result<KbArticle> parse_kb_article(const nlohmann::json& json);

// The article as JSON, in the order of docs/help-articles.md (product null
// when there is none).
nlohmann::ordered_json kb_article_json(const KbArticle& article);

// Reads a JSON Lines file's text (blank lines and '#' comments skipped): every
// line is checked first and an id may appear once; the first bad line fails
// the whole file ("line 7: zh.title is empty").
Result<std::vector<KbArticle>> parse_kb_article_lines(const std::string& text);

// Reads a file of articles (the default set, assets/kb-default.jsonl, or one
// given to hq kb import); its name starts the message of an error.
Result<std::vector<KbArticle>> read_kb_article_file(const std::string& path);

}  // namespace kiosk

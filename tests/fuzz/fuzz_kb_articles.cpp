// Fuzzes the help articles' JSON Lines reader (kb/kb_article.h): any text
// gives the articles or an error; an article it accepts survives its own JSON.
#include "fuzz_input.h"
#include "kb/kb_article.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const kiosk::Result<std::vector<kiosk::KbArticle>> articles =
      kiosk::parse_kb_article_lines(kiosk::fuzz::input_text(data, size));
  if (!articles.ok()) return 0;
  for (const kiosk::KbArticle& article : articles.value())
    kiosk::fuzz::require(kiosk::parse_kb_article(kiosk::kb_article_json(article)).ok(),
                         "an accepted article is refused when read back");
  return 0;
}

// Help article search (shared/kb/kb_search.h): Chinese substrings of any
// length, pinyin whole, by prefixes and by initials (the build-time table of
// librime's dictionary), English word prefixes, mixed queries, the ranking.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kb/kb_search.h"

using namespace kiosk;

namespace {

using Strings = std::vector<std::string>;

KbArticle article(std::string id, std::string zh_title, std::string en_title, std::string zh_answer = "请按步骤检查。",
                  std::string en_answer = "Check these steps.", Strings zh_steps = {}, Strings en_steps = {},
                  int sort = 100) {
  return {.id = std::move(id),
          .service = "C",
          .product = std::nullopt,
          .sort = sort,
          .zh = {.title = std::move(zh_title), .answer = std::move(zh_answer), .steps = std::move(zh_steps)},
          .en = {.title = std::move(en_title), .answer = std::move(en_answer), .steps = std::move(en_steps)},
          .active = true};
}

// A small hall's questions; each test below names the ones it expects.
std::vector<KbArticle> hall() {
  return {
      article("ac-not-cooling", "空调不制冷怎么办？", "The air conditioner does not cool", "多数是设置或滤网的问题。",
              "Most often it is a setting or a dirty filter.", {"确认遥控器是制冷模式", "清洗室内机滤网"},
              {"Check the remote is in cooling mode", "Rinse the filters"}),
      article("bank-card", "可以用银行卡付款吗？", "Can I pay by bank card?", "可以，支持各大银行的借记卡和信用卡。",
              "Yes, debit and credit cards of all major banks."),
      article("washer-drain", "洗衣机不排水", "The washing machine will not drain", "先检查排水管是否弯折或堵塞。",
              "First check the drain hose is not kinked or blocked.", {"关机后重启洗衣机"},
              {"Switch the washer off and on again"}),
      article("tv-remote", "TV遥控器没反应", "The TV remote does not respond", "先换一对新电池。",
              "Put in a pair of new batteries first."),
      article("fridge-noise", "冰箱声音大", "The fridge is noisy", "压缩机启动时有声音是正常的。",
              "Some noise when the compressor starts is normal.", {"把冰箱放平"}, {"Level the fridge"}),
      article("opening-hours", "营业时间是几点？", "When are you open?", "每天 9:00 至 21:00 营业。",
              "Open every day from 9:00 to 21:00."),
  };
}

// The ids the query finds, best first.
Strings ids(const std::vector<KbArticle>& articles, const KbIndex& index, std::string_view query,
            std::size_t limit = 20) {
  Strings out;
  for (const KbHit& hit : index.search(query, limit)) out.push_back(articles[hit.article].id);
  return out;
}

bool finds(const std::vector<KbArticle>& articles, const KbIndex& index, std::string_view query,
           const std::string& id) {
  const Strings found = ids(articles, index, query);
  return std::find(found.begin(), found.end(), id) != found.end();
}

}  // namespace

TEST_CASE("pinyin_syllables reads phrases first, then each character by its most common reading") {
  CHECK(pinyin_syllables("空调") == Strings{"kong", "tiao"});
  CHECK(pinyin_syllables("银行") == Strings{"yin", "hang"});
  CHECK(pinyin_syllables("重启") == Strings{"chong", "qi"});
  CHECK(pinyin_syllables("制冷") == Strings{"zhi", "leng"});
  CHECK(pinyin_syllables("空调不制冷") == Strings{"kong", "tiao", "bu", "zhi", "leng"});
  CHECK(pinyin_syllables("去银行办卡") == Strings{"qu", "yin", "hang", "ban", "ka"});
  CHECK(pinyin_syllables("重量") == Strings{"zhong", "liang"});  // 重 alone: zhong
  CHECK(pinyin_syllables("行") == Strings{"xing"});
  CHECK(pinyin_syllables("调") == Strings{"tiao"});
  CHECK(pinyin_syllables("强调") == Strings{"qiang", "diao"});
  SUBCASE("other characters are skipped, and a phrase never spans them") {
    CHECK(pinyin_syllables("TV遥控器，3 节电池！") == Strings{"yao", "kong", "qi", "jie", "dian", "chi"});
    CHECK(pinyin_syllables("银 行") == Strings{"yin", "xing"});
    CHECK(pinyin_syllables("").empty());
    CHECK(pinyin_syllables("Wi-Fi 2.4G").empty());
  }
}

TEST_CASE("空调 is found from its characters, its pinyin, its prefixes and its initials") {
  const std::vector<KbArticle> articles = hall();
  const KbIndex index(articles);
  for (const std::string query : {"kt", "kongtiao", "kongt", "kong", "kongti", "空调", "空", "kong tiao", "kong'tiao",
                                  "KT", "ｋｔ", "  kt  ", "ktbzl", "kongtiaobuzhileng", "kt bu zhi leng"}) {
    CAPTURE(query);
    const Strings found = ids(articles, index, query);
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == "ac-not-cooling");
  }
  CHECK(index.search("kt").front().place == KbMatchPlace::TitleStart);
  CHECK_FALSE(finds(articles, index, "kongdiao", "ac-not-cooling"));  // ICU's reading of 空调
  CHECK_FALSE(finds(articles, index, "ktz", "ac-not-cooling"));       // 空调不: the syllables run on
}

TEST_CASE("polyphones read as their phrase does") {
  const std::vector<KbArticle> articles = hall();
  const KbIndex index(articles);
  CHECK(ids(articles, index, "yinhang") == Strings{"bank-card"});
  CHECK(ids(articles, index, "yh") == Strings{"bank-card"});
  CHECK(ids(articles, index, "yin hang ka") == Strings{"bank-card"});
  CHECK(ids(articles, index, "yinxing").empty());
  CHECK(ids(articles, index, "chongqi") == Strings{"washer-drain"});  // 重启, in a step
  CHECK(ids(articles, index, "zhongqi").empty());
  CHECK(finds(articles, index, "zhileng", "ac-not-cooling"));
}

TEST_CASE("Chinese queries of one and two characters match as substrings") {
  const std::vector<KbArticle> articles = hall();
  const KbIndex index(articles);
  CHECK(ids(articles, index, "滤网") == Strings{"ac-not-cooling"});
  CHECK(ids(articles, index, "冰箱") == Strings{"fridge-noise"});
  CHECK(ids(articles, index, "冷") == Strings{"ac-not-cooling"});
  CHECK(ids(articles, index, "排水") == Strings{"washer-drain"});
  CHECK(ids(articles, index, "不制冷") == Strings{"ac-not-cooling"});
  CHECK(ids(articles, index, "烤箱").empty());
}

TEST_CASE("English matches word prefixes, case ignored") {
  const std::vector<KbArticle> articles = hall();
  const KbIndex index(articles);
  CHECK(ids(articles, index, "drain") == Strings{"washer-drain"});
  CHECK(ids(articles, index, "DRA") == Strings{"washer-drain"});
  CHECK(ids(articles, index, "Ｄｒａｉｎ") == Strings{"washer-drain"});  // full-width letters
  CHECK(ids(articles, index, "rain").empty());                           // inside a word
  CHECK(ids(articles, index, "will not drain") == Strings{"washer-drain"});
  CHECK(ids(articles, index, "fridge") == Strings{"fridge-noise"});
  CHECK(ids(articles, index, "21:00") == Strings{"opening-hours"});  // digits, the colon separates
  CHECK(ids(articles, index, "tv") == Strings{"tv-remote"});         // in the Chinese title too
}

TEST_CASE("mixed queries: every term matches somewhere") {
  const std::vector<KbArticle> articles = hall();
  const KbIndex index(articles);
  CHECK(ids(articles, index, "空调 filter") == Strings{"ac-not-cooling"});
  CHECK(ids(articles, index, "空调 drain").empty());
  CHECK(ids(articles, index, "tv遥控") == Strings{"tv-remote"});
  CHECK(ids(articles, index, "遥控tv") == Strings{"tv-remote"});
  CHECK(ids(articles, index, "遥控 batter") == Strings{"tv-remote"});
  CHECK(ids(articles, index, "xyj 排水") == Strings{"washer-drain"});
  CHECK(ids(articles, index, "空tiao") == Strings{"ac-not-cooling"});  // a character picked, the next composing
}

TEST_CASE("ranking: title start, title, answer, steps; then sort, then title") {
  const std::vector<KbArticle> articles = {
      article("steps", "其他问题", "Other", "请取号。", "Take a number.", {"检查空调滤网"}, {"Check the filter"}),
      article("answer", "制冷慢", "Slow cooling", "空调滤网脏了会这样。", "A dirty filter does this."),
      article("title", "为什么空调漏水", "Why does it leak", "请取号。", "Take a number."),
      article("start-late", "空调有异味", "It smells", "请取号。", "Take a number.", {}, {}, 20),
      article("start-early", "空调开不了机", "It will not start", "请取号。", "Take a number.", {}, {}, 10),
      article("start-b", "空调不制热", "It does not heat", "请取号。", "Take a number.", {}, {}, 20),
  };
  const KbIndex index(articles);
  // Same sort (20): 空调不制热 before 空调有异味 by title.
  const Strings expected{"start-early", "start-b", "start-late", "title", "answer", "steps"};
  CHECK(ids(articles, index, "空调") == expected);
  CHECK(ids(articles, index, "kt") == expected);
  const std::vector<KbHit> hits = index.search("kongtiao");
  REQUIRE(hits.size() == 6);
  CHECK(hits[0].place == KbMatchPlace::TitleStart);
  CHECK(hits[3].place == KbMatchPlace::Title);
  CHECK(hits[4].place == KbMatchPlace::Answer);
  CHECK(hits[5].place == KbMatchPlace::Steps);
  SUBCASE("the first term's place ranks") {
    CHECK(ids(articles, index, "filter 空调") == Strings{"answer", "steps"});
    CHECK(ids(articles, index, "空调 filter") == Strings{"answer", "steps"});
    CHECK(ids(articles, index, "检查 空调") == Strings{"steps"});
  }
  SUBCASE("English title start") { CHECK(index.search("slow").front().place == KbMatchPlace::TitleStart); }
  SUBCASE("at most the limit") { CHECK(ids(articles, index, "kt", 2) == Strings{"start-early", "start-b"}); }
}

TEST_CASE("inactive articles never match; an empty or punctuation query finds nothing") {
  std::vector<KbArticle> articles = hall();
  articles[0].active = false;
  const KbIndex index(articles);
  CHECK(index.size() == articles.size() - 1);
  CHECK(ids(articles, index, "kt").empty());
  CHECK(ids(articles, index, "空调").empty());
  CHECK(ids(articles, index, "filter").empty());
  CHECK(ids(articles, index, "drain") == Strings{"washer-drain"});  // hits index into all the articles
  for (const std::string query : {"", " ", "'", "？！", "--", "。，、", "\t"}) {
    CAPTURE(query);
    CHECK(index.search(query).empty());
  }
  CHECK(index.search("drain", 0).empty());
}

TEST_CASE("a match never spans two texts or two articles") {
  const std::vector<KbArticle> articles = {
      article("first", "遥控器没电了空", "Remote dr", "请换电池空", "Change the batteries", {"打开空", "调好温度"},
              {"Open the lid and dr", "ain it"}),
      article("second", "调整温度", "ain temperature", "调好再试", "Try again"),
  };
  const KbIndex index(articles);
  for (const std::string query : {"空调", "kt", "kongtiao", "drain"}) {
    CAPTURE(query);
    CHECK(index.search(query).empty());
  }
  CHECK(ids(articles, index, "kong") == Strings{"first"});
  CHECK(ids(articles, index, "tiao") == Strings{"second", "first"});  // 调好 in a step of the first
  CHECK(ids(articles, index, "空 调") == Strings{"first"});           // two terms: each somewhere
}

TEST_CASE("long and malformed queries") {
  const std::vector<KbArticle> articles = hall();
  const KbIndex index(articles);
  CHECK(index.search(std::string(200, 'k')).empty());
  CHECK(index.search(std::string(64, 'a')).empty());
  CHECK(index.search("\xE5\x92").empty());                               // a truncated character
  CHECK(ids(articles, index, "\xFF空调") == Strings{"ac-not-cooling"});  // the bad byte separates
  CHECK(ids(articles, index, "😀drain") == Strings{"washer-drain"});
}

TEST_CASE("an index of no articles finds nothing") {
  const std::vector<KbArticle> none;
  const KbIndex index(none);
  CHECK(index.size() == 0);
  CHECK(index.search("kt").empty());
}

TEST_CASE("every default article is found by its Chinese title and by its title's pinyin initials") {
  const Result<std::vector<KbArticle>> read = read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl");
  REQUIRE(read);
  const std::vector<KbArticle>& articles = read.value();
  const KbIndex index(articles);
  for (const KbArticle& a : articles) {
    CAPTURE(a.id);
    CHECK(finds(articles, index, a.zh.title, a.id));
    std::string initials;
    for (const std::string& syllable : pinyin_syllables(a.zh.title)) initials.push_back(syllable[0]);
    if (initials.empty()) continue;  // a title without Han characters
    const std::vector<KbHit> hits = index.search(initials, articles.size());
    CHECK(std::any_of(hits.begin(), hits.end(), [&](const KbHit& h) { return articles[h.article].id == a.id; }));
  }
}

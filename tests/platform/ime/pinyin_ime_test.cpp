// PinyinIme on the real librime and the schema deployed into the build tree:
// words come out of pinyin, picks commit, candidates the screen cannot draw
// are left out, reset leaves nothing, and nothing is learned between customers.
#include "ime/pinyin_ime.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace kiosk;
using namespace kiosk::ime;

namespace {

std::unique_ptr<PinyinIme> start_ime(CharacterFilter drawable = [](char32_t) { return true; }) {
  Result<std::unique_ptr<PinyinIme>> ime = PinyinIme::start({}, std::move(drawable));
  REQUIRE_MESSAGE(ime, (ime ? "" : ime.error().message));
  return std::move(ime.value());
}

Composition type(PinyinIme& ime, const std::string& letters) {
  Composition last;
  for (char c : letters) last = ime.key(c);
  return last;
}

int index_of(const Composition& c, const std::string& text) {
  for (const Candidate& candidate : c.candidates)
    if (candidate.text == text) return candidate.index;
  return -1;
}

std::vector<std::string> texts(const Composition& c) {
  std::vector<std::string> out;
  for (const Candidate& candidate : c.candidates) out.push_back(candidate.text);
  return out;
}

}  // namespace

TEST_CASE("weixiu and kongtiao give 维修 and 空调; picking commits them") {
  auto ime = start_ime();
  Composition c = type(*ime, "weixiu");
  CHECK(c.composing());
  REQUIRE(index_of(c, "维修") >= 0);
  c = ime->pick(index_of(c, "维修"));
  CHECK(c.committed == "维修");
  CHECK_FALSE(c.composing());
  c = type(*ime, "kongtiao");
  REQUIRE(index_of(c, "空调") >= 0);
  c = ime->pick(index_of(c, "空调"));
  CHECK(c.committed == "空调");
  c = type(*ime, "anzhuang");
  CHECK(index_of(c, "安装") >= 0);
}

TEST_CASE("keys the IME does not use are said so; BackSpace edits the syllables") {
  auto ime = start_ime();
  CHECK_FALSE(ime->key(kBackSpace).key_used);
  type(*ime, "kong");
  Composition c = ime->key(kBackSpace);
  CHECK(c.key_used);
  CHECK(c.preedit == "kon");
  for (int i = 0; i < 3; ++i) c = ime->key(kBackSpace);
  CHECK_FALSE(c.composing());
  CHECK(c.candidates.empty());
}

TEST_CASE("candidates with a character the screen cannot draw are left out") {
  auto ime = start_ime([](char32_t c) { return c != U'维'; });
  const Composition c = type(*ime, "weixiu");
  CHECK(c.composing());
  CHECK_FALSE(c.candidates.empty());
  for (const std::string& text : texts(c)) CHECK(text.find("维") == std::string::npos);
}

TEST_CASE("reset leaves no composition behind") {
  auto ime = start_ime();
  type(*ime, "zhangsan");
  ime->reset();
  const Composition c = ime->current();
  CHECK(c.preedit.empty());
  CHECK(c.candidates.empty());
  CHECK(c.committed.empty());
}

TEST_CASE("nothing is learned: a picked rare word does not move up for the next customer") {
  auto ime = start_ime();
  const std::vector<std::string> before = texts(type(*ime, "shi"));
  REQUIRE(before.size() > 10);
  ime->reset();
  for (int round = 0; round < 3; ++round) {
    const Composition c = type(*ime, "shi");
    ime->pick(c.candidates[9].index);
  }
  ime->reset();
  CHECK(texts(type(*ime, "shi")) == before);
  // librime's private user dir holds no user dictionary.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ime->user_dir()))
    CHECK_MESSAGE(entry.path().string().find("userdb") == std::string::npos, entry.path().string());
}

TEST_CASE("a schema that was not deployed is a clear error, not a deployment") {
  PinyinConfig config;
  config.data_dir = (std::filesystem::temp_directory_path() / "kiosk-no-rime-here").string();
  Result<std::unique_ptr<PinyinIme>> ime = PinyinIme::start(config, [](char32_t) { return true; });
  REQUIRE_FALSE(ime);
  CHECK(ime.error().code == "ime-data-missing");
  CHECK_FALSE(std::filesystem::exists(config.data_dir));
}

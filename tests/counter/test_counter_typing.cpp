// Chinese at the counter: the staff's request form takes pinyin from the
// physical keyboard (letters compose, a digit or space picks, Enter keeps the
// letters, Esc drops them) and from the on-screen keys of a touch counter,
// through the kiosk's real librime session; headless against a real node.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>

#include <algorithm>

#include "counter_harness.h"

using namespace kiosk;
using namespace kiosk::counter;
using kiosk::test::CounterHarness;

namespace {

// Logged in, the request form open on the customer page, the name focused.
void open_customer_page(CounterHarness& h) {
  h.log_in();
  h.tap("act.new_request");
  h.tap("req.page.customer");
  REQUIRE(h.state().request.focus == RequestField::Name);
  REQUIRE(h.state().ime.available);
}

}  // namespace

TEST_CASE("a clerk at a physical keyboard types 张伟 and an address in pinyin") {
  CounterHarness h(1, Language::En);
  open_customer_page(h);
  h.type_text("zhangwei");
  CHECK(h.state().ime.preedit == "zhang wei");
  CHECK(h.state().request.form.contact_name.empty());
  REQUIRE(h.shows("cand.0"));
  h.type_text("1");  // the first candidate, numbered 1 on the bar
  CHECK(h.state().request.form.contact_name == "张伟");
  CHECK(h.state().ime.preedit.empty());
  // Enter keeps the letters as typed; Esc drops a composition; BackSpace deletes.
  h.type_text("abc");
  h.press(GLFW_KEY_ENTER);
  CHECK(h.state().request.form.contact_name == "张伟abc");
  for (int i = 0; i < 3; ++i) h.press(GLFW_KEY_BACKSPACE);
  CHECK(h.state().request.form.contact_name == "张伟");
  h.type_text("xyz");
  h.press(GLFW_KEY_ESCAPE);
  CHECK(h.state().ime.preedit.empty());
  CHECK(h.state().request.form.contact_name == "张伟");
  // The phone takes digits as they are.
  h.tap("req.phone");
  h.type_text("13812345678");
  CHECK(h.state().request.form.phone == "13812345678");
  // The address: pinyin with a space to pick, digits straight in between.
  h.tap("req.page.visit");
  REQUIRE(h.state().request.focus == RequestField::Address);
  h.type_text("zhongshanlu");
  h.type_text(" ");
  h.type_text("88");
  h.type_text("hao");
  const auto& candidates = h.state().ime.candidates;
  const auto hao =
      std::find_if(candidates.begin(), candidates.end(), [](const app::CandidateView& c) { return c.text == "号"; });
  REQUIRE(hao != candidates.end());
  REQUIRE(hao->index < app::kImeSelectKeys);
  h.type_text(std::to_string(hao->index + 1));  // its digit on the bar
  CHECK(h.state().request.form.address == "中山路88号");
  CHECK(h.ui.fonts().missing_characters().empty());
}

TEST_CASE("letters layout types Latin names straight in; a model number never goes through pinyin") {
  CounterHarness h(1, Language::Zh);
  open_customer_page(h);
  h.tap("req.layout");
  CHECK_FALSE(h.state().typing_pinyin);
  h.type_text("Li Na");
  CHECK(h.state().request.form.contact_name == "Li Na");
  CHECK(h.state().ime.preedit.empty());
  h.tap("req.layout");  // back to pinyin for the next name
  h.tap("req.page.details");
  h.tap("req.model");
  h.type_text("kfr-35gw");
  CHECK(h.state().request.form.model == "kfr-35gw");  // as typed: the node's validator says what it takes
}

TEST_CASE("a touch counter types 王芳 on the on-screen keys and picks from the candidate bar") {
  CounterHarness h(1, Language::Zh);
  open_customer_page(h);
  h.tap("req.keys");
  CHECK(h.state().screen_keys);
  for (char c : std::string("wangfang")) h.tap(std::string("kb.") + c);
  CHECK(h.state().ime.preedit == "wang fang");
  const auto& candidates = h.state().ime.candidates;
  const auto found =
      std::find_if(candidates.begin(), candidates.end(), [](const app::CandidateView& c) { return c.text == "王芳"; });
  REQUIRE(found != candidates.end());
  REQUIRE(found - candidates.begin() < 4);  // on the first page of the bar
  h.tap("cand." + std::to_string(found - candidates.begin()));
  CHECK(h.state().request.form.contact_name == "王芳");
  h.tap("kb.del");
  CHECK(h.state().request.form.contact_name == "王");
  h.tap("req.keys");  // the page again, with what was typed
  CHECK(h.shows("req.consent"));
  CHECK(h.state().request.form.contact_name == "王");
}

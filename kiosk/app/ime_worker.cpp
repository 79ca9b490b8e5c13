// pinyin_runner: a PinyinIme session on the IME thread, its answers posted as actions.
#include "app/ime_worker.h"

#include <cstdio>
#include <memory>
#include <optional>

#include "core/overloaded.h"
#include "ime/pinyin_ime.h"
#include "requests/request_text.h"
#include "ui/font_atlas.h"
#include "ui/font_file.h"

namespace kiosk::app {
namespace {

// The character test for candidates: a request field accepts it and one of the
// kiosk's two fonts (ui::FontFiles, as the atlas loads them) has its glyph.
ime::CharacterFilter drawable_filter() {
  const ui::FontFiles files;
  auto latin = std::make_shared<ui::FontFile>(files.latin_path, 0);
  auto cjk = std::make_shared<ui::FontFile>(files.cjk_path, files.cjk_face_index);
  return [latin, cjk](char32_t c) {
    return is_printable_request_character(c) && (latin->has_glyph(c) || cjk->has_glyph(c));
  };
}

ImeAnswered answer(const ime::Composition& c, unsigned generation, char key) {
  ImeAnswered a{generation, key, c.key_used, c.committed, c.preedit, {}};
  for (const ime::Candidate& candidate : c.candidates)
    a.candidates.push_back(CandidateView{candidate.text, candidate.index});
  return a;
}

int keysym_of(char key) {
  switch (key) {
    case '<':
      return ime::kBackSpace;
    case '\n':
      return ime::kReturn;
    case '\x1b':
      return ime::kEscape;
    default:
      return static_cast<unsigned char>(key);
  }
}

}  // namespace

EffectRunner<ImeEffect> pinyin_runner(const std::string& data_dir, std::function<void(ImeAnswer)> post) {
  std::shared_ptr<ime::PinyinIme> ime;
  try {
    ime::PinyinConfig config;
    config.data_dir = data_dir;
    Result<std::unique_ptr<ime::PinyinIme>> started = ime::PinyinIme::start(config, drawable_filter());
    if (started)
      ime = std::move(started.value());
    else {
      std::fprintf(stderr, "kiosk: no pinyin input: %s\n", started.error().message.c_str());
      post(ImeUnavailable{started.error().message});
    }
  } catch (const std::exception& e) {  // a font file could not be read
    std::fprintf(stderr, "kiosk: no pinyin input: %s\n", e.what());
    post(ImeUnavailable{e.what()});
  }
  EffectRunner<ImeEffect> runner;
  runner.run = [ime, post](const ImeEffect& effect) {
    if (!ime) return;
    std::visit(Overloaded{[&](const ImeKey& k) { post(answer(ime->key(keysym_of(k.key)), k.generation, k.key)); },
                          [&](const ImePick& p) { post(answer(ime->pick(p.index), p.generation, 0)); },
                          [&](const ImeReset&) { ime->reset(); }},
               effect);
  };
  return runner;
}

}  // namespace kiosk::app

// PinyinIme over librime's C API (rime_api.h): setup once per process,
// initialize on the deployed data without maintenance (no deployment at run
// time), one session, candidates read through the list iterator and filtered.
#include "ime/pinyin_ime.h"

#include <rime_api.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "core/install_dirs.h"
#include "core/text.h"

namespace kiosk::ime {
namespace {

constexpr const char* kSchema = "pinyin_simp";

RimeApi& rime() {
  static RimeApi* api = rime_get_api();
  return *api;
}

std::string scratch_parent(const std::string& configured) {
  if (!configured.empty()) return configured;
  for (const char* candidate : {static_cast<const char*>(std::getenv("XDG_RUNTIME_DIR")), "/dev/shm"})
    if (candidate && *candidate && std::filesystem::is_directory(candidate)) return candidate;
  return std::filesystem::temp_directory_path().string();
}

bool all_drawable(const std::string& text, const CharacterFilter& drawable) {
  for (char32_t c : utf8_code_points(text))
    if (!drawable(c)) return false;
  return !text.empty();
}

}  // namespace

std::string default_rime_data_dir() { return data_dir_for("KIOSK_RIME_DATA_DIR", "rime-data", KIOSK_RIME_DATA_DIR); }

Result<std::unique_ptr<PinyinIme>> PinyinIme::start(const PinyinConfig& config, CharacterFilter drawable) {
  const std::string data_dir = config.data_dir.empty() ? default_rime_data_dir() : config.data_dir;
  for (const char* file : {"pinyin_simp.schema.yaml", "pinyin_simp.prism.bin", "pinyin_simp.table.bin"})
    if (!std::filesystem::exists(std::filesystem::path(data_dir) / file))
      return unavailable("the pinyin schema is not deployed in " + data_dir + " (" + file +
                             " missing): build the kiosk_rime_data target",
                         "ime-data-missing");
  std::string pattern = scratch_parent(config.scratch_parent) + "/kiosk-rime-XXXXXX";
  if (!mkdtemp(pattern.data()))
    return unavailable("cannot make librime's private user dir in " + pattern, "ime-user-dir");
  std::unique_ptr<PinyinIme> ime(new PinyinIme(data_dir, pattern, std::move(drawable), config.max_candidates));

  RIME_STRUCT(RimeTraits, traits);
  traits.shared_data_dir = ime->data_dir_.c_str();
  traits.user_data_dir = ime->user_dir_.c_str();
  traits.prebuilt_data_dir = ime->data_dir_.c_str();
  traits.staging_dir = ime->data_dir_.c_str();
  traits.distribution_name = "kiosk";
  traits.distribution_code_name = "kiosk";
  traits.distribution_version = "1";
  traits.app_name = "rime.kiosk";
  traits.min_log_level = 2;  // errors only, to stderr
  traits.log_dir = "";
  static std::once_flag setup_once;  // glog may be set up once per process
  std::call_once(setup_once, [&] { rime().setup(&traits); });
  rime().initialize(&traits);
  if (Result<bool> opened = ime->open_session(); !opened) return opened.error();
  return ime;
}

PinyinIme::PinyinIme(std::string data_dir, std::string user_dir, CharacterFilter drawable, std::size_t max_candidates)
    : data_dir_(std::move(data_dir)),
      user_dir_(std::move(user_dir)),
      drawable_(std::move(drawable)),
      max_candidates_(max_candidates) {}

PinyinIme::~PinyinIme() {
  if (session_) rime().destroy_session(session_);
  rime().finalize();
  std::error_code ignored;
  std::filesystem::remove_all(user_dir_, ignored);
}

Result<bool> PinyinIme::open_session() {
  if (session_) rime().destroy_session(session_);
  session_ = rime().create_session();
  if (!session_ || !rime().select_schema(session_, kSchema)) {
    session_ = 0;
    return unavailable(std::string("librime cannot open the ") + kSchema + " schema in " + data_dir_, "ime-schema");
  }
  rime().set_option(session_, "ascii_mode", False);
  return true;
}

Composition PinyinIme::key(int keysym) {
  if (!session_) return {};
  const bool used = rime().process_key(session_, keysym, 0);
  return read(used);
}

Composition PinyinIme::pick(int index) {
  if (!session_) return {};
  rime().select_candidate(session_, static_cast<size_t>(index));
  return read(true);
}

void PinyinIme::reset() { (void)open_session(); }

Composition PinyinIme::current() const { return const_cast<PinyinIme*>(this)->read(true); }

Composition PinyinIme::read(bool key_used) {
  Composition out;
  out.key_used = key_used;
  if (!session_) return out;
  RIME_STRUCT(RimeCommit, commit);
  if (rime().get_commit(session_, &commit)) {
    if (commit.text) out.committed = commit.text;
    rime().free_commit(&commit);
  }
  RIME_STRUCT(RimeContext, context);
  if (rime().get_context(session_, &context)) {
    if (context.composition.preedit) out.preedit = context.composition.preedit;
    rime().free_context(&context);
  }
  if (!out.composing()) return out;
  RimeCandidateListIterator it{};
  if (rime().candidate_list_begin(session_, &it)) {
    // Scan a bounded prefix of the (lazily generated) list: a few rare words left out must not cost a frame.
    for (std::size_t scanned = 0;
         out.candidates.size() < max_candidates_ && scanned < 4 * max_candidates_ && rime().candidate_list_next(&it);
         ++scanned)
      if (it.candidate.text && all_drawable(it.candidate.text, drawable_))
        out.candidates.push_back(Candidate{it.candidate.text, it.index});
    rime().candidate_list_end(&it);
  }
  return out;
}

}  // namespace kiosk::ime

// kiosk_texts: assets/i18n of the source tree.
#include "support/kiosk_texts.h"

#include <stdexcept>

namespace kiosk::test {

app::Translations kiosk_texts() {
  Result<app::Translations> texts = app::Translations::load_directory(std::string(KIOSK_ASSETS_DIR) + "/i18n");
  if (!texts) throw std::runtime_error(texts.error().message);
  return std::move(texts).value();
}

}  // namespace kiosk::test

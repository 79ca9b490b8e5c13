// The kiosk's texts (assets/i18n, every file) as every role's tests load them.
#pragma once

#include "app/translations.h"

namespace kiosk::test {

// Throws (a test reports it) if they cannot be loaded.
app::Translations kiosk_texts();

}  // namespace kiosk::test

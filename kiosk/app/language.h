// The languages every screen speaks: Chinese first, English one tap away.
#pragma once

namespace kiosk::app {

enum class Language { Zh, En };

}  // namespace kiosk::app

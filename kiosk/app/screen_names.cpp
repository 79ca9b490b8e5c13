// check_screen_name: the unknown-screen message every role gives.
#include "app/screen_names.h"

#include <algorithm>

namespace kiosk::app {

Result<Done> check_screen_name(const std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) != names.end()) return Done{};
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return invalid_argument("unknown screen \"" + name + "\" (expected one of: " + list + ")");
}

}  // namespace kiosk::app

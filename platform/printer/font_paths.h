// FontPaths: which font files receipts are drawn with, in fallback order. The
// defaults are Debian's fonts-dejavu-core and fonts-wqy-microhei.
#pragma once

#include <string>

namespace kiosk::printer {

struct FontPaths {
  std::string latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::string cjk = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
};

}  // namespace kiosk::printer

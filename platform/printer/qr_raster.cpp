// QR codes: encode with libqrencode, pick the largest module size that fits
// the paper (up to kQrLargestModuleDots), and draw the modules as squares.
#include "printer/qr_raster.h"

#include <qrencode.h>

#include <algorithm>
#include <memory>

namespace kiosk::printer {

namespace {
struct QrcodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
}  // namespace

RenderedQr render_qr_code(const std::string& payload, int width_dots) {
  if (payload.empty()) return {{}, "QR payload is empty"};
  if (payload.find('\0') != std::string::npos) return {{}, "QR payload contains a NUL byte"};
  std::unique_ptr<QRcode, QrcodeDeleter> code(QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) return {{}, "QR payload of " + std::to_string(payload.size()) + " bytes cannot be encoded"};

  const int modules = code->width;
  const int modules_with_quiet_zone = modules + 2 * kQrQuietZoneModules;
  const int module_dots = std::min(kQrLargestModuleDots, width_dots / modules_with_quiet_zone);
  if (module_dots < kQrSmallestModuleDots) {
    return {{},
            "QR payload of " + std::to_string(payload.size()) + " bytes is too long for paper " +
                std::to_string(width_dots) + " dots wide"};
  }

  const int side_dots = modules_with_quiet_zone * module_dots;
  RenderedQr rendered{MonoBitmap(width_dots, side_dots), {}};
  const int left = (width_dots - side_dots) / 2 + kQrQuietZoneModules * module_dots;
  const int top = kQrQuietZoneModules * module_dots;
  for (int y = 0; y < modules; ++y) {
    for (int x = 0; x < modules; ++x) {
      const bool dark = (code->data[y * modules + x] & 1) != 0;
      if (dark) rendered.bitmap.fill_rect(left + x * module_dots, top + y * module_dots, module_dots, module_dots);
    }
  }
  return rendered;
}

}  // namespace kiosk::printer

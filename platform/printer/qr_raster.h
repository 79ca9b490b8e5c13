// Drawing a QR code (libqrencode, error correction M) as a 1-bit bitmap the
// width of the paper: centred, with a 4-module quiet zone all round.
#pragma once

#include <string>

#include "printer/mono_bitmap.h"

namespace kiosk::printer {

inline constexpr int kQrQuietZoneModules = 4;
inline constexpr int kQrLargestModuleDots = 6;
inline constexpr int kQrSmallestModuleDots = 3;  // below this phones struggle to scan a thermal print

struct RenderedQr {
  MonoBitmap bitmap;
  std::string error;  // empty on success
};

RenderedQr render_qr_code(const std::string& payload, int width_dots);

}  // namespace kiosk::printer

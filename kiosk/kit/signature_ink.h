// The customer's signature as a finger draws it on the technician's tablet
// (kit/signature_pad.h draws the pad): strokes of points, what a pad's touch
// does to them, whether they are enough ink to count as signed, and the small
// black-on-white PNG uploaded with the completion. Pure: no ImGui, no texts,
// no effects; of platform/ it uses only the printer's MonoBitmap and encode_png.
//
// Points are in pad coordinates in font units (em, the body font size) from
// the pad's top-left corner, so "enough ink" means the same on every screen
// and font scale (the kit sizes everything in em).
//
// The PNG is 576 x 192 px: 3:1, the shape of a signature line; 576 dots is the
// width of the kiosk's 80 mm receipt printer at 203 dpi, so the image prints
// 1:1 as a life-size 72 x 24 mm signature (the pen, 5 px, is 0.6 mm there, a
// ballpoint's line), 576 is a multiple of 8 (packed rows without padding),
// and at that size a signature is a few KiB of PNG. The ink is cropped to
// its bounding box and scaled (never more than 48 px per em) to fit inside a
// margin, centred, so where on the pad the customer signed does not matter.
#pragma once

#include <cstdint>
#include <variant>
#include <vector>

#include "printer/mono_bitmap.h"

namespace kiosk::kit {

struct InkPoint {
  float x = 0;  // em from the pad's left edge
  float y = 0;  // em from the pad's top edge
};
using InkStroke = std::vector<InkPoint>;  // one finger down to up; a single point is a dot

// The signature being drawn: a plain struct kept in the caller's state.
struct SignatureInk {
  std::vector<InkStroke> strokes;  // the last is still being drawn while `drawing`
  bool drawing = false;
};

// [SECTION] The pad's inputs (kit/signature_pad.h reports one a frame)
struct PenDown {  // the finger touched the pad: a new stroke starts here
  InkPoint at;
};
struct PenMove {  // the finger moved while down (clamped to the pad)
  InkPoint at;
};
struct PenUp {  // the finger was lifted, here
  InkPoint at;
};
struct ClearSignature {};
// One alternative of a role's Action: PenMove{{1, 2}} converts to it.
using SignatureInput = std::variant<PenDown, PenMove, PenUp, ClearSignature>;

// Points closer than this to the stroke's last point are dropped (a resting
// finger's jitter adds nothing); a pad holds at most kMaxInkPoints points
// (further moves are dropped: memory stays bounded whatever a finger does).
inline constexpr float kMinInkStepEm = 0.1f;
inline constexpr std::size_t kMaxInkPoints = 8000;

// Applies one input; true if the strokes changed. A move or a lift with no
// stroke being drawn does nothing.
bool apply_signature_input(SignatureInk& ink, const SignatureInput& input);

// [SECTION] Enough ink?
// Total length of the strokes' lines, in em.
float ink_length_em(const std::vector<InkStroke>& strokes);
// At least this much line, spread at least this far (the bounding box's
// larger side): a tap, a dot or a finger resting and wobbling is not a
// signature; a short initial is.
inline constexpr float kMinSignedLengthEm = 4.0f;
inline constexpr float kMinSignedExtentEm = 1.5f;
bool looks_signed(const std::vector<InkStroke>& strokes);

// [SECTION] The image
struct SignatureRaster {
  int width = 576;
  int height = 192;
  int margin = 8;               // white border the ink is fitted inside
  int pen_px = 5;               // the pen's diameter
  float max_px_per_em = 48.0f;  // a small signature is not blown up to fill the image
};

// White background, black ink: the strokes cropped to their bounding box,
// scaled to fit (aspect kept) and centred, each line between consecutive
// points drawn without gaps (Bresenham, a disc pen at every step). No
// strokes: an all-white image.
printer::MonoBitmap rasterize_signature(const std::vector<InkStroke>& strokes, const SignatureRaster& raster = {});
// rasterize_signature() as PNG bytes (printer/png_preview.h); empty if encoding failed.
std::vector<std::uint8_t> signature_png(const std::vector<InkStroke>& strokes, const SignatureRaster& raster = {});

}  // namespace kiosk::kit

// A sample signature drawn through the pad's inputs (see signature_samples.h).
#include "signature_samples.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace kiosk::test {
namespace {

constexpr float kPi = 3.14159265f;
constexpr float kFingerStepEm = 0.18f;  // a finger at ~11 em/s, reported 60 times a second

// A small deterministic wobble (a finger is not a plotter).
class Wobble {
 public:
  float next() {
    state_ = state_ * 1664525u + 1013904223u;
    return (static_cast<float>(state_ >> 8) / 16777216.0f - 0.5f) * 0.03f;  // +-0.015 em
  }

 private:
  std::uint32_t state_ = 17;
};

// Samples a curve f(t), t in [0, 1], at about kFingerStepEm along it.
template <class Curve>
std::vector<kit::InkPoint> sample(const Curve& f, Wobble& wobble) {
  std::vector<kit::InkPoint> points{f(0.0f)};
  constexpr int kFine = 4000;
  float travelled = 0;
  kit::InkPoint last = points.front();
  for (int i = 1; i <= kFine; ++i) {
    const kit::InkPoint p = f(static_cast<float>(i) / kFine);
    travelled += std::hypot(p.x - last.x, p.y - last.y);
    last = p;
    if (travelled >= kFingerStepEm || i == kFine) {
      points.push_back({p.x + wobble.next(), p.y + wobble.next()});
      travelled = 0;
    }
  }
  return points;
}

// A Catmull-Rom spline through `knots` (the ends repeated).
std::vector<kit::InkPoint> spline(const std::vector<kit::InkPoint>& knots, Wobble& wobble) {
  const int segments = static_cast<int>(knots.size()) - 1;
  auto knot = [&](int i) { return knots[static_cast<std::size_t>(std::clamp(i, 0, segments))]; };
  return sample(
      [&](float t) {
        const float at = t * static_cast<float>(segments);
        const int i = std::min(static_cast<int>(at), segments - 1);
        const float u = at - static_cast<float>(i);
        const kit::InkPoint p0 = knot(i - 1), p1 = knot(i), p2 = knot(i + 1), p3 = knot(i + 2);
        auto blend = [u](float a, float b, float c, float d) {
          return 0.5f *
                 (2 * b + (-a + c) * u + (2 * a - 5 * b + 4 * c - d) * u * u + (-a + 3 * b - 3 * c + d) * u * u * u);
        };
        return kit::InkPoint{blend(p0.x, p1.x, p2.x, p3.x), blend(p0.y, p1.y, p2.y, p3.y)};
      },
      wobble);
}

// Cursive loops along a baseline, turning back at the top like "e" and "l":
// a prolate trochoid whose loop heights vary like lower-case letters and
// ascenders.
std::vector<kit::InkPoint> loops(kit::InkPoint start, int count, Wobble& wobble) {
  const float turns = static_cast<float>(count) * 2 * kPi;
  return sample(
      [&](float t) {
        const float a = t * turns;
        const int loop = std::min(static_cast<int>(a / (2 * kPi)), count - 1);
        const float height = (loop == 2 || loop == 5) ? 2.3f : 1.0f + 0.15f * static_cast<float>(loop % 3);
        return kit::InkPoint{start.x + 0.42f * a + 0.62f * std::sin(a),
                             start.y - height * 0.62f * (1 - std::cos(a)) - 0.25f * t};
      },
      wobble);
}

}  // namespace

std::vector<kit::SignatureInput> pen_inputs(const std::vector<kit::InkPoint>& samples) {
  std::vector<kit::SignatureInput> inputs;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (i == 0)
      inputs.emplace_back(kit::PenDown{samples[i]});
    else if (i + 1 == samples.size())
      inputs.emplace_back(kit::PenUp{samples[i]});
    else
      inputs.emplace_back(kit::PenMove{samples[i]});
  }
  if (samples.size() == 1) inputs.emplace_back(kit::PenUp{samples[0]});  // a tap
  return inputs;
}

void apply_all(kit::SignatureInk& ink, const std::vector<kit::SignatureInput>& inputs) {
  for (const kit::SignatureInput& input : inputs) kit::apply_signature_input(ink, input);
}

kit::SignatureInk sample_signature() {
  Wobble wobble;
  kit::SignatureInk ink;
  // The initial: a tall stem from a top hook, then a loop at its foot running on.
  apply_all(ink, pen_inputs(spline({{4.2f, 2.6f},
                                    {5.6f, 1.6f},
                                    {6.0f, 2.4f},
                                    {5.4f, 4.8f},
                                    {4.6f, 7.4f},
                                    {3.6f, 7.6f},
                                    {4.0f, 6.6f},
                                    {6.2f, 6.4f},
                                    {7.6f, 6.9f}},
                                   wobble)));
  // The name: cursive loops.
  apply_all(ink, pen_inputs(loops({7.8f, 6.9f}, 8, wobble)));
  // A t-bar and an i-dot.
  apply_all(ink, pen_inputs(spline({{15.4f, 4.3f}, {16.6f, 4.1f}, {17.9f, 4.2f}}, wobble)));
  apply_all(ink, pen_inputs({{25.2f, 4.4f}}));
  // The underline flourish, back from the end to under the initial and out.
  apply_all(ink,
            pen_inputs(spline({{29.6f, 6.2f}, {30.8f, 7.4f}, {26.0f, 8.3f}, {14.0f, 8.6f}, {5.0f, 8.1f}, {3.4f, 7.7f}},
                              wobble)));
  return ink;
}

}  // namespace kiosk::test

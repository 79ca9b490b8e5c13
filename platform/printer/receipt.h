// Receipt: what a printed ticket says, as an ordered list of blocks (text lines,
// QR codes, rules, blank feeds) on paper of a given width. Knows nothing of
// queues or printers; the kiosk fills one in, the printer code renders it.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace kiosk::printer {

inline constexpr int kPaperWidth58mmDots = 384;
inline constexpr int kPaperWidth80mmDots = 576;

enum class TextSize { Normal, Large, Huge };  // Huge is for the ticket number
enum class TextAlign { Left, Center };

struct TextLine {
  std::string utf8;  // Chinese and Latin may mix; "\n" breaks the line, too long a line wraps
  TextSize size = TextSize::Normal;
  TextAlign align = TextAlign::Left;
  bool bold = false;
};

struct QrCode {
  std::string payload;
};

struct HorizontalRule {};

struct BlankLines {
  int count = 1;  // in lines of Normal text
};

using ReceiptBlock = std::variant<TextLine, QrCode, HorizontalRule, BlankLines>;

struct Receipt {
  int paper_width_dots = kPaperWidth80mmDots;  // a positive multiple of 8
  std::vector<ReceiptBlock> blocks;
};

}  // namespace kiosk::printer

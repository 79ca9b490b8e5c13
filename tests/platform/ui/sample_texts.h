// Strings like those a kiosk screen shows, in Chinese and English, and ones
// with characters no kiosk font can draw.
#pragma once

#include <array>
#include <string_view>

namespace kiosk::ui::test {

inline constexpr std::array<std::string_view, 8> kScreenTexts = {
    "欢迎光临 Welcome",
    "咨询 Enquiries",
    "投诉与建议 Complaints and suggestions",
    "维修、安装：空调 Repairs, installation: air conditioning",
    "请到 3 号窗口。Please go to counter 3.",
    "您前面还有 12 人，约 15 分钟 12 people ahead of you, about 15 min",
    "取号 Take a ticket",
    "返回 Back",
};

inline constexpr std::string_view kTicketNumber = "A012";

// U+1F600 (an emoji) and U+20000 (CJK Extension B): outside ImGui 1.86's
// 16-bit characters and both fonts. U+A000 (Yi syllable IT): in the Basic
// Multilingual Plane but in neither DejaVu Sans nor WenQuanYi Micro Hei.
inline constexpr std::string_view kUndrawableText = "谢谢 \xF0\x9F\x98\x80 \xF0\xA0\x80\x80 \xEA\x80\x80";
inline constexpr char32_t kUndrawable[] = {0x1F600, 0x20000, 0xA000};

}  // namespace kiosk::ui::test

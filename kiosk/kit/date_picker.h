// A date picked with big buttons instead of typed: year, month and day,
// each "- value +", never after a latest date (a purchase is not in the
// future). The customer form and the counter's request form both use it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ui/touch_widgets.h"

namespace kiosk::kit {

enum class DatePart { Year, Month, Day };

// `date` (YYYY-MM-DD; empty: start from `start`) with one part moved by
// `delta`, the day kept within its month, the result never after `latest`
// and never before 1970-01-01.
std::string step_date(const std::string& date, DatePart part, int delta, const std::string& start,
                      const std::string& latest);

// The row labels ("年" / "Year"...).
struct DatePickerLabels {
  std::string_view year, month, day;
};

// Year, month and day side by side where `width_px` has room (27 em), else
// one row each ("<id>.year.less", "<id>.year.more", likewise month and day);
// an empty date shows empty boxes and its first tap starts from `start`. Returns the
// new date after a tap, else nullopt.
std::optional<std::string> date_picker(ui::TouchUi& ui, std::string_view id, const std::string& date,
                                       const std::string& start, const std::string& latest,
                                       const DatePickerLabels& labels, float width_px);

}  // namespace kiosk::kit

// Scripts for Help's named screens (help ... help-thanks): a customer's taps
// on the store's real articles, "kt" typed through the real IME in Chinese
// (its composition shown) and as letters in English. Nothing is counted: an
// article is opened as a sample (its use is never written). Part of
// scripted_screens.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "customer/customer_app.h"

namespace kiosk::customer {

const std::vector<std::string>& scripted_help_screen_names();

// nullopt when `name` is not one of them; else the moment to draw at.
std::optional<Result<EpochMs>> script_help_screen(CustomerApp& app, const std::string& name, EpochMs now);

}  // namespace kiosk::customer

// Scripts for the request form's and "check my request"'s named screens
// (request-kind ... check-result): a typical customer's taps, the pinyin
// typed through the real IME. Part of scripted_screens.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "customer/customer_app.h"

namespace kiosk::customer {

const std::vector<std::string>& scripted_request_screen_names();

// nullopt when `name` is not one of them; else the moment to draw at.
std::optional<Result<EpochMs>> script_request_screen(CustomerApp& app, const std::string& name,
                                                     const std::string& data_dir, EpochMs now);

}  // namespace kiosk::customer

// The reducer's part for Help: the search field and its keys (pinyin through
// the IME, whose composition is searched as it grows), the categories and
// pages, opening an article (counted through the worker), and the library
// arriving from the worker. customer_reducer.cpp calls it first and keeps the
// moves between whole screens (Welcome, Take a number, the ticket).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "customer/customer_actions.h"
#include "customer/customer_state.h"

namespace kiosk::customer {

// nullopt: not one of Help's actions (or a key while another screen types).
std::optional<std::vector<Effect>> reduce_help(CustomerState& state, const Action& action, EpochMs now);

// Help's first screen, nothing typed, a fresh IME session, the articles
// checked for a change.
std::vector<Effect> open_help(CustomerState& state);

// "Did this help?" for the open article: counted now, or once its use's id
// arrives.
std::vector<Effect> answer_help(CustomerState& state, bool helpful);

// A number was taken: the help visit's uses record its label (once).
std::vector<Effect> help_ticket_taken(CustomerState& state, const std::string& label);

// The search field's text: what is typed, then the composition.
std::string help_search_text(const CustomerState& state);
bool help_searching(const CustomerState& state);

}  // namespace kiosk::customer

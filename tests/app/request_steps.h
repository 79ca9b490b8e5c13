// Driving the request form and the lookup through CustomerHarness like a
// finger: type on the on-screen keys, pick a candidate by its text (turning
// the candidate bar's pages as needed), fill every step.
#pragma once

#include <string>

#include "customer_harness.h"

namespace kiosk::test {

// Taps "kb.<letter>" (or kb.space) for each character of `keys`.
void type_keys(CustomerHarness& k, const std::string& keys);
// Taps the candidate reading `text`, paging the bar; REQUIREs it is offered.
void pick_candidate(CustomerHarness& k, const std::string& text);

struct FormAnswers {
  std::string kind = "repair";
  std::string product = "air-conditioner";
  std::string problem = "not-cooling";
  std::string phone_digits = "13812345678";
  int day = 1;  // tomorrow
  std::string window = "afternoon";
};
// Imports assets/products-default.jsonl into the harness's store (as kioskctl init does).
void load_default_products(CustomerHarness& k);
// From Welcome to the description step: kind, product, problem, and past the
// optional model, serial number and purchase date (urgency normal).
void open_form_to_description(CustomerHarness& k, const FormAnswers& answers = {});
// Taps the phone tile, the digits, OK.
void enter_phone(CustomerHarness& k, const std::string& digits);

}  // namespace kiosk::test

// The paper receipt of a stored request, in Chinese and English, from the
// kiosk or a counter: the request code large (what the customer types to check
// it), what was asked for, the preferred visit (or "brought in"), the phone masked, and a QR code holding only the
// request's opaque id (a random UUID: no personal data).
#pragma once

#include <string>
#include <vector>

#include "app/translations.h"
#include "model/request_model.h"
#include "printer/receipt.h"

namespace kiosk::paper {

printer::Receipt request_receipt(const Request& request, const std::vector<ProductCategory>& products,
                                 const std::string& store_id, const app::Translations& texts);

}  // namespace kiosk::paper

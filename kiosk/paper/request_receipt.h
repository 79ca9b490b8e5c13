// The paper receipt of a stored request, in Chinese and English, from the
// kiosk or a counter: the request code large (what the customer types to check
// it), what was asked for, the preferred visit (or "brought in"), the phone
// masked, and a QR code: `lookup_url`, the phone's request lookup with the
// code filled in (sync/public_page.h: request_lookup_url), when the store knows
// HQ's public address, else only the request's opaque id (a random UUID).
// Never anything personal.
#pragma once

#include <string>
#include <vector>

#include "app/translations.h"
#include "model/request_model.h"
#include "printer/receipt.h"

namespace kiosk::paper {

printer::Receipt request_receipt(const Request& request, const std::vector<ProductCategory>& products,
                                 const std::string& store_id, const app::Translations& texts,
                                 const std::string& lookup_url);

}  // namespace kiosk::paper

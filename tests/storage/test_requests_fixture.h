// A test store with the default product catalogue, a request book on its
// manual clock, a form that passes validation, and row counts to prove that a
// refused operation stored nothing. Shared by the test_requests_*.cpp files.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "requests/request_book.h"
#include "store/product_catalog.h"
#include "support/test_store.h"

namespace kiosk::test {

inline std::string default_products_path() {
  return (std::filesystem::path(default_catalog_path()).parent_path() / "products-default.jsonl").string();
}

// TestStore starts at 2026-11-23 09:00 in Asia/Shanghai.
struct RequestStore : TestStore {
  // `data_dir`: as TestStore's.
  explicit RequestStore(const std::string& data_dir = {})
      : TestStore("Asia/Shanghai", test_day_start_ms(), 2, data_dir) {
    Result<std::vector<ProductCategory>> products = read_product_catalog_file(default_products_path());
    if (!products) throw std::runtime_error(products.error().message);
    Transaction tx(store->db());
    store_product_catalog(store->db(), products.value());
    tx.commit();
  }
  RequestBook book{*store, clock};

  std::int64_t rows(const std::string& table) {
    Statement& q = store->db().prepare("SELECT count(*) FROM " + table);
    q.step();
    const std::int64_t n = q.int64(0);
    q.reset();
    return n;
  }
};

// An on-site air-conditioner repair tomorrow afternoon.
inline RequestForm valid_form() {
  RequestForm f;
  f.kind = RequestKind::Repair;
  f.product = "air-conditioner";
  f.model = "KFR-35GW";
  f.serial = "SN-2024/0001";
  f.purchase_date = "2024-06-01";
  f.problem = "not-cooling";
  f.description = "客厅空调不制冷，外机有异响";
  f.contact_name = "王小明";
  f.phone = "138 1234 5678";
  f.on_site = true;
  f.address = "上海市浦东新区世纪大道100号 8楼";
  f.preferred_date = "2026-11-24";
  f.time_window = TimeWindow::Afternoon;
  f.urgency = Urgency::Normal;
  f.consent = true;
  return f;
}

}  // namespace kiosk::test

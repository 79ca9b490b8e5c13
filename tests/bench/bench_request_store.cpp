// The request benchmarks' store and form.
#include "bench_request_store.h"

#include <cstdio>
#include <cstdlib>

#include "store/catalog.h"
#include "store/product_catalog.h"

namespace kiosk::bench {

std::unique_ptr<StoreDb> create_request_store(const std::string& dir, const Clock& clock) {
  StoreSettings settings;
  settings.store_id = "BENCH";
  Result<std::vector<Service>> services = read_catalog_file(KIOSK_ASSETS_DIR "/catalog-default.jsonl");
  Result<std::vector<ProductCategory>> products = read_product_catalog_file(KIOSK_ASSETS_DIR "/products-default.jsonl");
  if (!services || !products) {
    std::fprintf(stderr, "bench: cannot read the default catalogues from %s\n", KIOSK_ASSETS_DIR);
    std::exit(1);
  }
  Result<std::unique_ptr<StoreDb>> store = StoreDb::create(dir, settings, services.value(), clock.now_ms());
  if (!store) {
    std::fprintf(stderr, "bench: cannot create the store in %s: %s\n", dir.c_str(), store.error().message.c_str());
    std::exit(1);
  }
  Transaction tx(store.value()->db());
  store_product_catalog(store.value()->db(), products.value());
  tx.commit();
  return std::move(store).value();
}

RequestForm sample_request_form(const StoreTimeZone& zone, EpochMs now, int i) {
  RequestForm f;
  f.kind = i % 3 == 0 ? RequestKind::Installation : RequestKind::Repair;
  f.product = "air-conditioner";
  f.problem = i % 3 == 0 ? "install-relocate" : "not-cooling";
  f.model = "KFR-35GW";
  f.serial = "SN20240601";
  f.purchase_date = "2024-06-01";
  f.description = "客厅空调不制冷，外机有异响，已经三天了";
  f.contact_name = "王小明";
  f.phone = "13812345678";
  f.address = "上海市浦东新区世纪大道100号 8楼";
  f.preferred_date = zone.business_day(now + 2 * 86'400'000);
  f.time_window = TimeWindow::Afternoon;
  f.urgency = i % 3 == 0 ? Urgency::Normal : Urgency::Urgent;
  f.consent = true;
  return f;
}

}  // namespace kiosk::bench

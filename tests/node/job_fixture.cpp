// JobNode: technicians and jobs on a real store node (see job_fixture.h).
#include "node/job_fixture.h"

#include <filesystem>
#include <map>
#include <stdexcept>
#include <vector>

#include "store/product_catalog.h"

namespace kiosk::test {
namespace {

using S = RequestState;

// A way to each state a job can be in, from assigned.
const std::map<S, std::vector<S>> kPathFromAssigned{
    {S::Assigned, {}},
    {S::Scheduled, {S::Scheduled}},
    {S::OnTheWay, {S::OnTheWay}},
    {S::OnSite, {S::OnTheWay, S::OnSite}},
    {S::WaitingForParts, {S::OnTheWay, S::OnSite, S::WaitingForParts}},
    {S::Done, {S::OnTheWay, S::OnSite, S::Done}},
};

RequestForm job_form(const std::string& phone) {
  RequestForm f;
  f.kind = RequestKind::Repair;
  f.product = "air-conditioner";
  f.model = "KFR-35GW";
  f.problem = "not-cooling";
  f.description = "客厅空调不制冷";
  f.contact_name = "王小明";
  f.phone = phone;
  f.on_site = true;
  f.address = "上海市浦东新区世纪大道100号";
  f.preferred_date = "2026-11-24";  // TestStore starts 2026-11-23 09:00 in Shanghai
  f.time_window = TimeWindow::Afternoon;
  f.consent = true;
  return f;
}

}  // namespace

JobNode::JobNode() {
  const std::string products =
      (std::filesystem::path(default_catalog_path()).parent_path() / "products-default.jsonl").string();
  Result<std::vector<ProductCategory>> catalog = read_product_catalog_file(products);
  if (!catalog) throw std::runtime_error(catalog.error().message);
  Transaction tx(store.store->db());
  store_product_catalog(store.store->db(), catalog.value());
  tx.commit();
  StaffBook staff(*store.store, store.clock, policy);
  if (!staff.add("Zhang", "3690", StaffRole::Technician) || !staff.add("Zhao", "4812", StaffRole::Technician))
    throw std::runtime_error("could not add the technicians");
}

Request JobNode::job(const std::string& technician, RequestState state, const std::string& phone) {
  Result<Request> made = book.create(job_form(phone), "customer");
  if (!made) throw std::runtime_error(made.error().message);
  Request r = made.value();
  std::vector<S> steps{S::Assigned};
  for (S s : kPathFromAssigned.at(state)) steps.push_back(s);
  for (S s : steps) {
    TransitionRequest t;
    t.code = r.code;
    t.to = s;
    t.actor = "dispatcher";
    if (s == S::Assigned) t.assignee = technician;
    store.clock.advance_s(1);
    Result<Request> moved = book.transition(t);
    if (!moved) throw std::runtime_error(moved.error().message);
    r = moved.value();
  }
  return r;
}

std::string JobNode::sql_text(const std::string& sql) {
  Statement& q = store.store->db().prepare(sql);
  const std::string value = q.step() && !q.is_null(0) ? q.text(0) : "null";
  q.reset();
  return value;
}

}  // namespace kiosk::test

// A scripted HQ over real HTTP on 127.0.0.1 (a port the OS picks), for the
// store's sync round through libcurl where the real hq cannot play the part
// (an older HQ without an endpoint, one that fails on purpose): uploads are
// acknowledged whole, the change feed is empty, and POST /sync/v1/queue
// answers the statuses the test queues (200 once they run out). Every
// request is kept in order with its body (JSON, inflated).
#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace kiosk::test {

struct ReceivedRequest {
  std::string path;
  nlohmann::json body;  // null for a GET
};

class ScriptedHqServer {
 public:
  ScriptedHqServer();
  ~ScriptedHqServer();  // stops and joins
  ScriptedHqServer(const ScriptedHqServer&) = delete;
  ScriptedHqServer& operator=(const ScriptedHqServer&) = delete;

  std::string base_url() const;
  // The next queue posts' answers, in order (404: an HQ without the endpoint).
  void answer_queue_with(std::initializer_list<int> statuses);
  std::vector<ReceivedRequest> received() const;
  std::vector<nlohmann::json> queue_posts() const;  // the bodies of POST /sync/v1/queue
  void forget();                                    // what was received so far

 private:
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::thread listener_;
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> received_;
  std::deque<int> queue_statuses_;
};

}  // namespace kiosk::test

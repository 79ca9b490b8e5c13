// Runs the real kioskctl on a data dir and parses its one JSON object, for the
// kioskctl integration tests (queue commands and request commands alike).
#pragma once

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/child_process.h"

namespace kiosk::test {

struct Reply {
  int exit_code;
  nlohmann::json body;
};

inline Reply kioskctl(const std::string& data_dir, std::vector<std::string> args) {
  args.insert(args.begin(), {KIOSKCTL_PATH, "--data", data_dir});
  const CommandOutput out = run_command(args);
  const nlohmann::json body = nlohmann::json::parse(out.stdout_text, nullptr, false);
  REQUIRE_MESSAGE(!body.is_discarded(), "not one JSON object: " << out.stdout_text);
  REQUIRE(body.is_object());
  return {out.exit_code, body};
}

}  // namespace kiosk::test

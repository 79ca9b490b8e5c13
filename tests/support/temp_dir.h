// A fresh directory under $TMPDIR (or /tmp) for one test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace kiosk::test

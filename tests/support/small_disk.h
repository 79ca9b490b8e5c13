// A small disk of its own for disk-full and read-only tests: a tmpfs of a
// given size mounted on a fresh temp dir, in a private mount namespace that
// this thread enters on first use (as root; otherwise through a user
// namespace, which needs the process to be single-threaded then). The mount
// goes away with the process, never touches the machine's real disks, and
// every child process started afterwards (hq, kiosk, kioskctl) sees it.
// fill() takes every free byte with a ballast file; make_room() deletes it:
// space is back, as when an operator clears a disk.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::test {

class SmallDisk {
 public:
  // Throws std::runtime_error, with the reason, when no mount can be made here.
  explicit SmallDisk(std::int64_t bytes);
  ~SmallDisk();  // unmounts
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

  // Writes the ballast until the file system refuses a byte (ENOSPC).
  void fill();
  // Deletes the ballast.
  void make_room();
  // Remounts read-only (EROFS for every write) or back to read-write.
  void set_read_only(bool read_only);
  std::int64_t free_bytes() const;

 private:
  std::string path_;
  std::int64_t bytes_;
};

}  // namespace kiosk::test

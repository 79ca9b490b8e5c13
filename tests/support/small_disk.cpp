// SmallDisk: a tmpfs in a private mount namespace (small_disk.h).
#include "support/small_disk.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace kiosk::test {
namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("SmallDisk: " + what + ": " + std::strerror(errno));
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out.flush()) fail("cannot write " + path);
}

// Once per thread: a mount namespace of this thread's own, whose mounts do not
// propagate to the machine's.
void enter_private_mount_namespace() {
  thread_local bool entered = false;
  if (entered) return;
  if (geteuid() == 0) {
    if (unshare(CLONE_NEWNS) != 0) fail("unshare(CLONE_NEWNS)");
  } else {
    const uid_t uid = geteuid();
    const gid_t gid = getegid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
      fail("unshare(CLONE_NEWUSER | CLONE_NEWNS) (run as root, or single-threaded with user namespaces enabled)");
    write_file("/proc/self/setgroups", "deny");
    write_file("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1");
    write_file("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1");
  }
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) fail("making / private");
  entered = true;
}

std::string ballast_path(const std::string& dir) { return dir + "/.ballast"; }

}  // namespace

SmallDisk::SmallDisk(std::int64_t bytes) : bytes_(bytes) {
  enter_private_mount_namespace();
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kiosk-small-disk-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (!mkdtemp(name.data())) fail("mkdtemp " + pattern);
  path_ = name.data();
  const std::string options = "size=" + std::to_string(bytes_) + ",mode=0755";
  if (mount("tmpfs", path_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0)
    fail("mounting a tmpfs on " + path_);
}

SmallDisk::~SmallDisk() {
  umount2(path_.c_str(), MNT_DETACH);
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void SmallDisk::fill() {
  const int fd = open(ballast_path(path_).c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) fail("creating the ballast");
  const std::vector<char> block(4096, 'x');
  for (;;) {
    const ssize_t written = write(fd, block.data(), block.size());
    if (written > 0) continue;
    if (written < 0 && errno == EINTR) continue;
    break;  // ENOSPC (or a short write at the very end)
  }
  // A last partial block: every byte taken.
  while (write(fd, block.data(), 1) == 1) {
  }
  close(fd);
}

void SmallDisk::make_room() {
  if (unlink(ballast_path(path_).c_str()) != 0 && errno != ENOENT) fail("deleting the ballast");
}

void SmallDisk::set_read_only(bool read_only) {
  const std::string options = "size=" + std::to_string(bytes_) + ",mode=0755";
  const unsigned long flags = MS_REMOUNT | MS_NOSUID | MS_NODEV | (read_only ? MS_RDONLY : 0);
  if (mount("tmpfs", path_.c_str(), "tmpfs", flags, options.c_str()) != 0) fail("remounting " + path_);
}

std::int64_t SmallDisk::free_bytes() const {
  struct statvfs fs {};
  if (statvfs(path_.c_str(), &fs) != 0) fail("statvfs " + path_);
  return static_cast<std::int64_t>(fs.f_bavail) * static_cast<std::int64_t>(fs.f_frsize);
}

}  // namespace kiosk::test

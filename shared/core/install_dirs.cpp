// data_dir_for: the environment, the installed share/kiosk next to the executable, or the build tree.
#include "core/install_dirs.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kiosk {

std::string data_dir_for(const char* env_var, const std::string& name, const std::string& build_tree_dir) {
  const char* from_env = std::getenv(env_var);
  if (from_env && *from_env) return from_env;
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "kiosk" / name;
    if (std::filesystem::is_directory(installed, error)) return installed.string();
  }
  return build_tree_dir;
}

}  // namespace kiosk

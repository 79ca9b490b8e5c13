// Where an installed program finds its read-only data: the kiosk and kioskctl
// installed as PREFIX/bin/NAME read PREFIX/share/kiosk/ (assets/, rime-data/),
// which is where the packages put them (CMake's install rules). A program run
// from the build tree has no such directory next to it and uses the paths its
// build compiled in; an environment variable overrides both.
#pragma once

#include <string>

namespace kiosk {

// `env_var` if set and not empty; else PREFIX/share/kiosk/`name` when it exists
// next to the running executable; else `build_tree_dir`.
std::string data_dir_for(const char* env_var, const std::string& name, const std::string& build_tree_dir);

}  // namespace kiosk

// UnitFile reading, the start limit, and spawning a unit's command unprivileged.
#include "unit_file.h"

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kiosk::test {

std::string UnitFile::get(const std::string& section, const std::string& key) const {
  const auto s = sections.find(section);
  if (s == sections.end() || !s->second.count(key)) throw std::runtime_error("unit file lacks " + key + "=");
  return s->second.at(key);
}

double UnitFile::seconds(const std::string& section, const std::string& key) const {
  const std::string text = get(section, key);
  std::size_t used = 0;
  const double value = std::stod(text, &used);
  const std::string unit = text.substr(used);
  if (unit.empty() || unit == "s") return value;
  if (unit == "min") return value * 60;
  if (unit == "ms") return value / 1000;
  throw std::runtime_error("unit file: " + key + "=" + text + ": unknown time unit");
}

UnitFile read_unit_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  UnitFile unit;
  std::string line, section;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      section = line.substr(1, line.find(']') - 1);
      continue;
    }
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (section == "Service" && key == "Environment") unit.environment.push_back(value);
    unit.sections[section][key] = value;
  }
  return unit;
}

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool StartLimit::allow(std::chrono::steady_clock::time_point now) {
  while (!starts_.empty() && now - starts_.front() > interval_) starts_.pop_front();
  if (int(starts_.size()) >= burst_) return false;
  starts_.push_back(now);
  return true;
}

pid_t spawn_unprivileged(const std::vector<std::string>& argv, const std::vector<std::string>& environment) {
  const passwd* nobody = getpwnam("nobody");
  const bool drop = geteuid() == 0;
  if (drop && !nobody) throw std::runtime_error("no user nobody to run as");
  std::vector<char*> args, env;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  for (const std::string& e : environment) env.push_back(const_cast<char*>(e.c_str()));
  args.push_back(nullptr);
  env.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    setpgid(0, 0);  // the session's own process group: the test can stop all of it
    if (drop && (setgroups(0, nullptr) != 0 || setgid(nobody->pw_gid) != 0 || setuid(nobody->pw_uid) != 0)) _exit(126);
    execve(args[0], args.data(), env.data());
    _exit(127);
  }
  return pid;
}

std::vector<pid_t> process_group(pid_t group) {
  std::vector<pid_t> found;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text;
    std::getline(stat, text);
    const std::size_t close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(text.substr(close + 2));
    char state = 0;
    pid_t ppid = 0, pgrp = 0;
    rest >> state >> ppid >> pgrp;
    if (pgrp == group) found.push_back(pid_t(std::stoi(name)));
  }
  return found;
}

}  // namespace kiosk::test

// Running aplay with pipes on its stdin (the PCM) and stderr (its complaint,
// quoted in the error). SIGPIPE is blocked on the writing thread (an aplay that
// dies early must not kill the kiosk) and any pending one is consumed before
// the mask is restored.
#include "speech/aplay_sink.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

extern char** environ;

namespace kiosk::speech {

namespace {

class SigpipeBlockedOnThisThread {
 public:
  SigpipeBlockedOnThisThread() {
    sigemptyset(&sigpipe_);
    sigaddset(&sigpipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &sigpipe_, &previous_);
  }
  ~SigpipeBlockedOnThisThread() {
    const timespec no_wait{0, 0};
    while (sigtimedwait(&sigpipe_, nullptr, &no_wait) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlockedOnThisThread(const SigpipeBlockedOnThisThread&) = delete;
  SigpipeBlockedOnThisThread& operator=(const SigpipeBlockedOnThisThread&) = delete;

 private:
  sigset_t sigpipe_{};
  sigset_t previous_{};
};

std::string write_all(int fd, const std::vector<std::int16_t>& samples) {
  const auto* bytes = reinterpret_cast<const char*>(samples.data());
  std::size_t left = samples.size() * sizeof(std::int16_t);
  while (left > 0) {
    const ssize_t written = ::write(fd, bytes, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return std::strerror(errno);
    bytes += written;
    left -= static_cast<std::size_t>(written);
  }
  return {};
}

// aplay's stderr up to end of file, its first line kept ("audio open error: ...").
std::string first_line_of(int fd) {
  std::string text;
  char buffer[512];
  while (true) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    if (text.size() < 4096) text.append(buffer, static_cast<std::size_t>(got));
  }
  return text.substr(0, text.find('\n'));
}

}  // namespace

AplaySink::AplaySink(std::string alsa_device) : alsa_device_(std::move(alsa_device)) {}

Result<Done> AplaySink::play(const PcmAudio& audio) {
  std::vector<std::string> arguments = {"aplay",  "-q", "-t", "raw", "-f",
                                        "S16_LE", "-c", "1",  "-r",  std::to_string(audio.sample_rate)};
  if (!alsa_device_.empty()) arguments.insert(arguments.end(), {"-D", alsa_device_});
  arguments.push_back("-");
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);

  int pcm_pipe[2];
  int complaint_pipe[2];
  if (::pipe2(pcm_pipe, O_CLOEXEC) != 0)
    return storage_error(std::string("cannot make a pipe: ") + std::strerror(errno));
  if (::pipe2(complaint_pipe, O_CLOEXEC) != 0) {
    ::close(pcm_pipe[0]);
    ::close(pcm_pipe[1]);
    return storage_error(std::string("cannot make a pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pcm_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, complaint_pipe[1], STDERR_FILENO);
  pid_t child = 0;
  const int spawn_error = posix_spawnp(&child, "aplay", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pcm_pipe[0]);
  ::close(complaint_pipe[1]);
  if (spawn_error != 0) {
    ::close(pcm_pipe[1]);
    ::close(complaint_pipe[0]);
    return storage_error(std::string("cannot run aplay (alsa-utils): ") + std::strerror(spawn_error));
  }

  std::string write_error;
  {
    SigpipeBlockedOnThisThread sigpipe_blocked;
    write_error = write_all(pcm_pipe[1], audio.samples);
    ::close(pcm_pipe[1]);
  }
  const std::string complaint = first_line_of(complaint_pipe[0]);
  ::close(complaint_pipe[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return storage_error("aplay failed (no sound device?): " + (complaint.empty() ? write_error : complaint));
  }
  if (!write_error.empty()) return storage_error("cannot feed aplay: " + write_error);
  return Done{};
}

}  // namespace kiosk::speech

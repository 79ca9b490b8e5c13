// SO_REUSEADDR only, and a wider listen backlog, for cpp-httplib's servers.
#include "core/listen_socket.h"

#include <sys/socket.h>

namespace kiosk {

void ListenSocket::configure(int fd) {
  const int yes = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  fd_ = fd;
}

bool ListenSocket::widen_backlog() const { return fd_ >= 0 && ::listen(fd_, kBacklog) == 0; }

}  // namespace kiosk

// gzip through zlib's deflate with the gzip wrapper (window bits 15 + 16).
#include "sync/gzip.h"

#include <zlib.h>

#include <cassert>

namespace kiosk {

std::string gzip_compress(std::string_view data) {
  z_stream stream{};
  const int init = deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  assert(init == Z_OK && "deflateInit2 fails only on bad parameters or no memory");
  (void)init;
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);  // deflateBound guarantees room for one call
  assert(rc == Z_STREAM_END && "deflateBound leaves room for the whole stream");
  (void)rc;
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace kiosk

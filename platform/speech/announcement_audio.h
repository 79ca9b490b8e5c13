// One call as sound: the chime, a short pause, the Mandarin text, a pause, the
// English text.
#pragma once

#include "core/result.h"
#include "speech/announcement_text.h"
#include "speech/pcm_audio.h"

namespace kiosk::speech {

Result<PcmAudio> render_announcement(const AnnouncementText& text);

}  // namespace kiosk::speech

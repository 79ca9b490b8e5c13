// A role's IME thread (the customer kiosk's form, the counter's): a
// SerialWorker whose runner owns the librime session (platform/ime), started
// on that thread so its start-up never costs a frame, and answers each key or
// pick with the composition (ImeAnswered), in order. Candidates are only those
// the kiosk's fonts draw and a request field accepts. Kept apart from the
// role's worker so a key never waits behind SQLite, the network or a printer.
#pragma once

#include <functional>
#include <string>

#include "app/ime_types.h"
#include "app/serial_worker.h"

namespace kiosk::app {

using ImeWorker = SerialWorker<ImeEffect>;

// The runner an ImeWorker makes on its thread. `data_dir`: the deployed schema
// (empty: platform/ime's default). If librime cannot start it posts
// ImeUnavailable once and then ignores the keys.
EffectRunner<ImeEffect> pinyin_runner(const std::string& data_dir, std::function<void(ImeAnswer)> post);

}  // namespace kiosk::app

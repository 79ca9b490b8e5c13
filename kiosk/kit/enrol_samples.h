// The scripted screens of the enrolment both roles list (`kiosk --screen
// NAME`): the answers and taps that lead to each from any standing, to apply
// as samples (their effects not run).
//   enrol          not enrolled, three digits typed
//   enrol-revoked  staff revoked the device: the enrol screen says so
//   enrol-refused  a code refused as expired
//   enrolled       the node's fingerprint just after enrolling
//   wrong-server   the node's key is not the pinned one
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kit/device_enrolment.h"

namespace kiosk::kit {

const std::vector<std::string>& enrol_screen_names();

// Where the samples go, in order: the role applies each as a sample.
struct EnrolSampleSink {
  std::function<void(const EnrolInput&)> input;
  std::function<void(const EnrolAnswer&)> answer;
};

// Plays the samples for `screen` (one of enrol_screen_names()); `fingerprint` is the node's as enrolled with.
void play_enrol_samples(const std::string& screen, const std::string& fingerprint, const EnrolSampleSink& sink);

}  // namespace kiosk::kit

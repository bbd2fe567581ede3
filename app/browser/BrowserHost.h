// `onedial` started by a browser as the extension's native-messaging host (NativeMessaging.h): it
// reads the extension's messages from standard input, answers hello itself, checks a number to
// dial as a dial would, and hands it to the running OneDial window (starting one when none runs),
// which confirms it with the user, dials, and answers with the outcome; the host passes that
// answer back to the extension. It never dials by itself and never writes anything but replies to
// standard output.
#pragma once

namespace onedial::BrowserHost {

// Serves until the browser closes standard input; returns the exit status.
int run();

// How long the host waits for a OneDial it started to be ready, and for the window's answer (a
// person confirming a call).
inline constexpr int kStartWaitMs = 20000;
inline constexpr int kAnswerWaitMs = 5 * 60 * 1000;

} // namespace onedial::BrowserHost

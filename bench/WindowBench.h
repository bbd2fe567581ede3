// The figures only the real main window can give: its refilter per keystroke with the view
// attached, timers firing while it sits idle, the memory of a process showing it, and the time
// from a dial to the request reaching the sandbox.
#pragma once

namespace onedial::bench {

// Runs as onedial_bench --window, in a child process whose XDG folders hold a database of
// 100,000 contacts; main() has made the QApplication on the offscreen platform. quick takes
// fewer samples.
int runWindowBench(bool quick);

} // namespace onedial::bench

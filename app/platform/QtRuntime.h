// Settings of Qt's own machinery that must be made before Qt first uses it: main() calls
// prepareQtRuntime() first thing, and every test program does the same before QTEST_MAIN runs.
#pragma once

namespace onedial::platform {

// Windows (MinGW builds): turns off the JIT of QRegularExpression's PCRE2, unless
// QT_ENABLE_REGEXP_JIT is already set. A JIT match gives the thread a thread_local stack with a
// destructor; libstdc++ runs such destructors from a winpthreads key destructor as the thread
// ends, and with the mingw-w64 10 winpthreads this build uses, that now and then leaves the
// library's key lock counted as held. libstdc++ takes that lock once more when it unloads at
// process exit, so the program never ends: seen on every run of tests whose worker threads
// check numbers (the number patterns run there). OneDial's patterns are short; without the JIT
// they cost microseconds. Elsewhere: nothing to do.
void prepareQtRuntime();

} // namespace onedial::platform

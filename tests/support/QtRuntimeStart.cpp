// Compiled into every test program (not through the support library, whose unreferenced objects
// the linker leaves out): prepares Qt's runtime as onedial's main() does, before QTEST_MAIN
// makes the application object.
#include "platform/QtRuntime.h"

#include <QtGlobal>

namespace {
void prepareQtRuntime()
{
    onedial::platform::prepareQtRuntime();
}
} // namespace

Q_CONSTRUCTOR_FUNCTION(prepareQtRuntime)

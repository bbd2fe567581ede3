// Starts the windowed app: the QApplication, the window and the options only the window takes.
#pragma once

namespace onedial {

class GuiApp final
{
public:
    static int run(int &argc, char **argv);
};

} // namespace onedial

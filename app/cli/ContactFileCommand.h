// `onedial contacts import FILE` and `onedial contacts export FILE`: contact files (vCard, CSV) in
// and out of the same database as the window, with the same counts and reasons the import dialog
// shows.
#pragma once

#include "Command.h"

namespace onedial {

class ContactFileCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactFileCommand)

public:
    using Command::Command;
    void start() override;

    static QString importUsage();
    static QString exportUsage();

private:
    void runImport();
    void runExport();
};

} // namespace onedial

// `onedial contacts add|list`: the contact list from the command line, in the same database as
// the window.
#pragma once

#include "Command.h"

namespace onedial {

class ContactsCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactsCommand)

public:
    using Command::Command;
    void start() override;

private:
    void add();
    void list();
    void usage();
};

} // namespace onedial

// `onedial history`: the calls made from this computer, newest first, as text or JSON.
#pragma once

#include "Command.h"

namespace onedial {

class HistoryCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryCommand)

public:
    using Command::Command;
    void start() override;
};

} // namespace onedial

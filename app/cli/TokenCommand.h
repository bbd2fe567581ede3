// `onedial token`: computes an Authorization value the way OneNET's token tool does, for debugging.
#pragma once

#include "Command.h"

namespace onedial {

class TokenCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenCommand)

public:
    using Command::Command;
    void start() override;
};

} // namespace onedial

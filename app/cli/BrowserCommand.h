// `onedial browser install | remove | status`: registers this copy of OneDial, for this user only,
// as the native-messaging host of the OneDial browser extension in Chrome, Chromium, Edge and
// Firefox (the packages and the MSI do it for everyone), takes it away, or says where it stands.
#pragma once

#include "Command.h"

namespace onedial {

class BrowserCommand final : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserCommand)

public:
    using Command::Command;
    void start() override;
};

} // namespace onedial

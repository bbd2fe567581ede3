#include "Log.h"

namespace onedial {
Q_LOGGING_CATEGORY(lcDial, "onedial.dial", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "onedial.sandbox", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAccounts, "onedial.accounts", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeychain, "onedial.keychain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "onedial.cli", QtWarningMsg)
} // namespace onedial

#include "Log.h"

namespace onedial {
Q_LOGGING_CATEGORY(lcDial, "onedial.dial", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "onedial.sandbox", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAccounts, "onedial.accounts", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeychain, "onedial.keychain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "onedial.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcInstance, "onedial.instance", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLinks, "onedial.links", QtWarningMsg)
Q_LOGGING_CATEGORY(lcPlatform, "onedial.platform", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "onedial.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcContacts, "onedial.contacts", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHistory, "onedial.history", QtWarningMsg)
} // namespace onedial

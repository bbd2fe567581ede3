// The gateway's log category ("onedial.gateway"), on standard error, where systemd's journal
// keeps it. Nothing logged ever holds the access key or a member's token.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

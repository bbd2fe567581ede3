// The gateway's TLS identity from the PEM files an administrator points it at: the certificate
// chain (server certificate first) and its unencrypted private key, RSA or EC.
#pragma once

#include <QSslConfiguration>
#include <QString>

namespace onedial::http {

// A server configuration with that certificate and key, or false with a sentence in error that
// names the file at fault. Refuses a key that is not the certificate's, when that can be told.
bool loadTlsConfiguration(const QString &certificateFile, const QString &keyFile,
                          QSslConfiguration *configuration, QString *error);

} // namespace onedial::http

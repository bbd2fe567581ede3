#include "UrlSchemeRegistration.h"

#include <QCoreApplication>

namespace onedial {

// The bundle's Info.plist (packaging/macos/Info.plist.in) declares tel and callto under
// CFBundleURLTypes; Launch Services registers them when it first sees the app, and the link
// arrives as a QFileOpenEvent. The user picks the default calling app in FaceTime's settings.

IntegrationResult UrlSchemeRegistration::registerHandler()
{
    return {true,
            QCoreApplication::translate("UrlSchemeRegistration",
                                        "macOS offers OneDial for tel: and callto: links by itself. To make "
                                        "it the default, choose it in FaceTime > Settings > Default for "
                                        "calls.")};
}

IntegrationResult UrlSchemeRegistration::unregisterHandler()
{
    return {true, QCoreApplication::translate("UrlSchemeRegistration",
                                              "On macOS, choose another app in FaceTime > Settings > Default "
                                              "for calls.")};
}

bool UrlSchemeRegistration::isRegistered()
{
    return true;
}

} // namespace onedial

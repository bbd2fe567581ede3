// A user's folders for one benchmark run: settings, data (the contacts database) and runtime,
// in a temporary folder removed afterwards, so that no measurement reads or changes the real
// ~/.config/onedial or ~/.local/share/onedial.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace onedial::bench {

class ThrowAwayProfile final
{
    Q_DISABLE_COPY_MOVE(ThrowAwayProfile)

public:
    ThrowAwayProfile();

    bool isValid() const { return m_valid; }
    // Where OneDial (Database::defaultPath()) looks for its database under this profile.
    QString databasePath() const;
    // This process's environment with the XDG folders pointing into the profile and the
    // offscreen platform, for a child OneDial or onedial_bench --window.
    QProcessEnvironment environment() const;

private:
    QTemporaryDir m_root;
    bool m_valid = false;
};

} // namespace onedial::bench

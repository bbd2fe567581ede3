// Keeps one number from being dialled twice at once by the same user, whichever OneDial process
// asks: the window, a second `onedial dial`, a link, quick dial. A dial holds the lock of its
// number for as long as its request is open; another process that finds it held sends nothing.
//
// The lock is a file per number in the user's private runtime folder (platform::handOffDirectory:
// $XDG_RUNTIME_DIR on Linux, the per-user temporary folder on Windows and macOS), taken with
// QLockFile. A lock whose holder crashed names a process that no longer runs; the next attempt
// sees that and takes the lock over, so a crash never blocks a number for ever.
#pragma once

#include <QString>

#include <memory>

class QLockFile;

namespace onedial {

class DialLock final
{
public:
    enum class State {
        Held,       // this dial holds the number
        Busy,       // another dial of this user (in any process) holds it
        Unavailable // no private folder or file could be made; see the log
    };

    // directory: where the lock files live; empty means defaultDirectory().
    explicit DialLock(const QString &apiForm, const QString &directory = {});
    ~DialLock();
    Q_DISABLE_COPY_MOVE(DialLock)

    // Tries once, without waiting.
    State acquire();
    State state() const { return m_state; }
    QString path() const { return m_path; }

    static QString defaultDirectory();

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_file;
    State m_state = State::Unavailable;
};

} // namespace onedial

#include "DialLock.h"

#include "ProcessHandOff.h"
#include "core/Log.h"

#include <QDir>
#include <QLockFile>

namespace onedial {

DialLock::DialLock(const QString &apiForm, const QString &directory)
{
    const QString folder = directory.isEmpty() ? defaultDirectory() : directory;
    if (!folder.isEmpty() && QDir().mkpath(folder)) {
        // The API form is digits only, so it is a safe file name as it is.
        m_path = QDir(folder).filePath(QStringLiteral("dial-") + apiForm + QStringLiteral(".lock"));
    }
}

DialLock::~DialLock() = default;

QString DialLock::defaultDirectory()
{
    const QString base = platform::handOffDirectory();
    return base.isEmpty() ? QString() : base + QStringLiteral("/" ONEDIAL_APP_ID "-dials");
}

DialLock::State DialLock::acquire()
{
    if (m_state == State::Held)
        return m_state;
    if (m_path.isEmpty()) {
        qCWarning(lcDial, "no private runtime folder for dial locks");
        return m_state = State::Unavailable;
    }
    m_file = std::make_unique<QLockFile>(m_path);
    // A dial may wait for its answer for minutes, so the lock's age says nothing: it is stale only
    // when the process named in it is gone, which QLockFile checks on every attempt.
    m_file->setStaleLockTime(0);
    if (m_file->tryLock(0))
        return m_state = State::Held;
    if (m_file->error() == QLockFile::LockFailedError)
        return m_state = State::Busy;
    qCWarning(lcDial, "cannot create the dial lock %s", qUtf8Printable(m_path));
    return m_state = State::Unavailable;
}

} // namespace onedial

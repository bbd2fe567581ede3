#include "ContactExporter.h"

#include "MessageBox.h"
#include "contacts/ContactStore.h"
#include "storage/Database.h"

#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QStatusBar>
#include <QtConcurrent>

namespace onedial {

ContactExporter::ContactExporter(QString databasePath, QWidget *window)
    : QObject(window)
    , m_databasePath(std::move(databasePath))
    , m_window(window)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Result result = m_watcher.result();
        Q_EMIT finished(result);
        auto *main = qobject_cast<QMainWindow *>(m_window);
        if (!result.error.isEmpty()) {
            MessageBox::warn(m_window, tr("Export contacts"), result.error);
        } else if (main) {
            main->statusBar()->showMessage(
                tr("%1 contacts exported to %2.").arg(result.count).arg(QDir::toNativeSeparators(m_path)),
                10000);
        }
        deleteLater();
    });
}

ContactExporter::~ContactExporter()
{
    m_watcher.waitForFinished();
}

void ContactExporter::askAndStart()
{
    QString filter;
    const QString vcard = tr("vCard, for phones and Outlook (*.vcf)");
    const QString csv = tr("CSV, for Excel (*.csv)");
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export contacts"), QDir::home().filePath(tr("contacts") + QStringLiteral(".vcf")),
        vcard + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty()) {
        deleteLater();
        return;
    }
    ContactFileFormat format = ContactFile::formatForPath(path);
    if (format == ContactFileFormat::Detect)
        format = filter == csv ? ContactFileFormat::Csv : ContactFileFormat::VCard;
    start(path, format);
}

void ContactExporter::start(const QString &path, ContactFileFormat format)
{
    m_path = path;
    m_watcher.setFuture(QtConcurrent::run(&ContactExporter::exportAll, m_databasePath, path, format));
}

ContactExporter::Result ContactExporter::exportAll(const QString &databasePath, const QString &path,
                                                   ContactFileFormat format)
{
    Database database(databasePath);
    StorageResult status = database.open();
    QList<Contact> contacts;
    if (status.ok())
        contacts = ContactStore(database).all(&status);
    if (!status.ok())
        return {0, status.message};
    return {int(contacts.size()), ContactFile::write(path, format, contacts)};
}

} // namespace onedial

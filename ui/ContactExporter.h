// Exporting every contact from the window: asks where to save (vCard or CSV), writes the file on a
// worker thread with its own database connection, and says how it went.
#pragma once

#include "importexport/ContactFile.h"

#include <QFutureWatcher>
#include <QObject>

class QWidget;

namespace onedial {

class ContactExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactExporter)

public:
    struct Result
    {
        int count = 0;
        QString error; // translated; empty when the file was written
    };

    // window: where the questions and the result are shown (its status bar when it has one).
    ContactExporter(QString databasePath, QWidget *window);
    ~ContactExporter() override;

    // Asks for the file, then exports to it; the exporter deletes itself when done or not started.
    void askAndStart();
    void start(const QString &path, ContactFileFormat format);

    // The whole export, on the calling thread (with a Database of its own).
    static Result exportAll(const QString &databasePath, const QString &path, ContactFileFormat format);

Q_SIGNALS:
    void finished(const onedial::ContactExporter::Result &result);

private:
    const QString m_databasePath;
    QWidget *m_window;
    QString m_path;
    QFutureWatcher<Result> m_watcher;
};

} // namespace onedial

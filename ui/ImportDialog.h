// Importing a contact file from the window: choose the file (or be given it), see what will happen
// (new, merged, skipped and invalid rows, each problem with its line and reason, the first
// contacts), say what the columns of an unknown CSV hold, then import. Reading, checking and
// writing run on a worker thread with its own database connection, with a progress bar and
// Cancel; a cancelled or failed import changes nothing.
#pragma once

#include "importexport/ContactFile.h"
#include "importexport/ContactImporter.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QGroupBox;

namespace onedial {

class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    // databasePath: the contacts database the import writes to (the window's own file).
    explicit ImportDialog(QString databasePath, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Reads path and shows its preview, as choosing it in the file dialog does.
    void setFile(const QString &path);
    bool isBusy() const { return m_job != Job::None; }
    const ImportPlan &plan() const { return m_plan; }

    // For tests: called on the worker thread with each progress report, before it is shown.
    void setProgressHookForTests(std::function<void(ContactImporter::Phase, qint64, qint64)> hook)
    {
        m_progressHook = std::move(hook);
    }

Q_SIGNALS:
    void previewReady();
    // After an import ends; Done means the contacts were written (the window then reloads them).
    void importFinished(onedial::ImportOutcome::Status status);

protected:
    void reject() override;

private:
    enum class Job { None, Preview, Import };
    struct Preview
    {
        quint64 generation = 0;
        ContactFileContents contents;
        ImportPlan plan;
        ImportOutcome outcome;
    };

    void chooseFile();
    void startPreview();
    void showPreview(Preview preview);
    void showMapping(const ContactFileContents &contents);
    void startImport();
    void finishImport(const ImportOutcome &outcome);
    void cancelJob();
    void waitForJob();
    void setJob(Job job);
    void showProgress(ContactImporter::Phase phase, qint64 done, qint64 total);
    ContactFileOptions currentOptions() const;
    // Called on the worker thread: shows progress on the UI thread, checks nothing else.
    std::function<void(ContactImporter::Phase, qint64, qint64)> progressForwarder();

    const QString m_databasePath;
    QString m_file;
    ImportPlan m_plan;
    CsvMapping m_recognised; // the mapping read from the header, before the user's changes
    Job m_job = Job::None;
    quint64 m_generation = 0; // of the newest preview; an older one that ends late is dropped
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::function<void(ContactImporter::Phase, qint64, qint64)> m_progressHook;
    QFutureWatcher<Preview> m_previewWatcher;
    QFutureWatcher<ImportOutcome> m_importWatcher;

    QLineEdit *m_path;
    QPushButton *m_choose;
    QComboBox *m_format;
    QComboBox *m_encoding;
    QComboBox *m_duplicates;
    QGroupBox *m_columnsBox;
    QLabel *m_columnsHint;
    QTableWidget *m_columns;
    QLabel *m_counts;
    QTableWidget *m_issues;
    QTableWidget *m_firstRows;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_cancelButton;
};

} // namespace onedial

#include "ImportDialog.h"

#include "MessageBox.h"
#include "contacts/PhoneLabels.h"
#include "core/UserText.h"
#include "importexport/TextEncoding.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace onedial {

namespace {

// A table of 100,000 problems helps nobody and takes seconds to fill; the counts say the rest.
constexpr int kShownIssues = 1000;

QString kindText(ImportIssue::Kind kind)
{
    switch (kind) {
    case ImportIssue::Kind::Invalid:
        return ImportDialog::tr("Not imported");
    case ImportIssue::Kind::Skipped:
        return ImportDialog::tr("Skipped");
    case ImportIssue::Kind::NumberDropped:
        return ImportDialog::tr("Number left out");
    }
    return {};
}

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(UserText::cleanLine(cells.at(column))));
}

} // namespace

ImportDialog::ImportDialog(QString databasePath, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(std::move(databasePath))
    , m_path(new QLineEdit(this))
    , m_choose(new QPushButton(tr("&Choose…"), this))
    , m_format(new QComboBox(this))
    , m_encoding(new QComboBox(this))
    , m_duplicates(new QComboBox(this))
    , m_columnsBox(new QGroupBox(tr("Columns"), this))
    , m_columnsHint(new QLabel(m_columnsBox))
    , m_columns(makeTable({tr("Column"), tr("First row"), tr("Holds")}, m_columnsBox))
    , m_counts(new QLabel(this))
    , m_issues(makeTable({tr("Row"), tr("What"), tr("Why")}, this))
    , m_firstRows(makeTable({tr("Name"), tr("Company"), tr("Numbers")}, this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_import(new QPushButton(tr("&Import"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Import contacts"));
    m_path->setReadOnly(true);
    // Shown, not typed in: the file is chosen with Choose…, so Tab does not stop here.
    m_path->setFocusPolicy(Qt::NoFocus);
    m_path->setAccessibleName(tr("Chosen file"));
    m_choose->setAccessibleDescription(tr("Opens the file to import."));
    m_format->setAccessibleName(tr("File format"));
    m_encoding->setAccessibleName(tr("Text encoding"));
    m_duplicates->setAccessibleName(tr("Numbers already in your contacts"));
    m_columns->setAccessibleName(tr("Columns of the file"));
    m_issues->setAccessibleName(tr("Rows that need your attention"));
    m_firstRows->setAccessibleName(tr("The first new contacts"));
    m_path->setPlaceholderText(tr("A .vcf file from a phone, or a .csv file from Outlook, Google or Excel"));
    m_format->addItem(tr("Detect"), int(ContactFileFormat::Detect));
    m_format->addItem(tr("vCard (.vcf)"), int(ContactFileFormat::VCard));
    m_format->addItem(tr("CSV"), int(ContactFileFormat::Csv));
    m_encoding->addItem(tr("Detect"), QString());
    for (const QString &name : TextEncoding::choices())
        m_encoding->addItem(name == QLatin1String("GB18030") ? tr("GB18030 (GBK, GB2312)") : name, name);
    m_duplicates->addItem(tr("Add their new numbers to the contact that has the number"),
                          int(DuplicateChoice::Merge));
    m_duplicates->addItem(tr("Skip them"), int(DuplicateChoice::Skip));
    // Plain text: reasons and file names quote what the file holds, never to be read as markup.
    for (QLabel *label : {m_columnsHint, m_counts, m_status})
        label->setTextFormat(Qt::PlainText);
    m_counts->setObjectName(QStringLiteral("counts"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_issues->setObjectName(QStringLiteral("issues"));
    m_firstRows->setObjectName(QStringLiteral("firstRows"));
    m_columns->setObjectName(QStringLiteral("columns"));
    m_columnsHint->setWordWrap(true);
    m_progress->setVisible(false);
    m_import->setDefault(true);
    m_import->setEnabled(false);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_choose);
    auto *form = new QFormLayout;
    // The label names the row; the Choose… button in it has its own accelerator.
    form->addRow(new QLabel(tr("File:"), this), fileRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&Numbers already in your contacts:"), m_duplicates);
    auto *columnsLayout = new QVBoxLayout(m_columnsBox);
    columnsLayout->addWidget(m_columnsHint);
    columnsLayout->addWidget(m_columns);
    m_columnsBox->setVisible(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_columnsBox);
    layout->addWidget(m_counts);
    layout->addWidget(new QLabel(tr("Rows that need your attention:"), this));
    layout->addWidget(m_issues, 1);
    layout->addWidget(new QLabel(tr("The first new contacts:"), this));
    layout->addWidget(m_firstRows);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(760, 620);

    connect(m_choose, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    for (QComboBox *box : {m_format, m_encoding, m_duplicates})
        connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::startPreview);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(&m_previewWatcher, &QFutureWatcherBase::finished, this,
            [this] { showPreview(m_previewWatcher.result()); });
    connect(&m_importWatcher, &QFutureWatcherBase::finished, this,
            [this] { finishImport(m_importWatcher.result()); });
}

ImportDialog::~ImportDialog()
{
    // The worker reports progress to this dialog: it must be done before the dialog is gone.
    cancelJob();
    waitForJob();
}

void ImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import contacts"), m_file.isEmpty() ? QDir::homePath() : QFileInfo(m_file).absolutePath(),
        tr("Contacts (*.vcf *.vcard *.csv *.txt);;vCard (*.vcf *.vcard);;CSV (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportDialog::setFile(const QString &path)
{
    m_file = path;
    m_path->setText(QDir::toNativeSeparators(path));
    m_recognised.clear();
    m_columns->setRowCount(0);
    startPreview();
}

ContactFileOptions ImportDialog::currentOptions() const
{
    ContactFileOptions options;
    options.format = ContactFileFormat(m_format->currentData().toInt());
    options.encoding = m_encoding->currentData().toString();
    if (m_columns->rowCount() == 0 || m_columns->rowCount() != m_recognised.size())
        return options;
    // The table as the user left it; a column keeping its recognised role keeps its details too
    // (Outlook's "Mobile Phone" stays labelled mobile, Google's pairs stay paired).
    CsvMapping mapping;
    for (int row = 0; row < m_columns->rowCount(); ++row) {
        const auto *box = qobject_cast<QComboBox *>(m_columns->cellWidget(row, 2));
        const auto role = box ? CsvColumn::Role(box->currentData().toInt()) : CsvColumn::Role::Ignore;
        mapping.append(role == m_recognised.at(row).role ? m_recognised.at(row)
                                                         : CsvColumn{role, {}, 0, false});
    }
    options.mapping = mapping;
    return options;
}

std::function<void(ContactImporter::Phase, qint64, qint64)> ImportDialog::progressForwarder()
{
    return [this, hook = m_progressHook](ContactImporter::Phase phase, qint64 done, qint64 total) {
        if (hook)
            hook(phase, done, total);
        // Queued to the dialog, which outlives the worker (its destructor waits for it).
        QMetaObject::invokeMethod(
            this, [this, phase, done, total] { showProgress(phase, done, total); }, Qt::QueuedConnection);
    };
}

void ImportDialog::startPreview()
{
    if (m_file.isEmpty())
        return;
    cancelJob();
    waitForJob();
    m_plan = {};
    m_import->setEnabled(false);
    m_counts->clear();
    m_issues->setRowCount(0);
    m_firstRows->setRowCount(0);
    m_status->setText(tr("Reading %1…").arg(QFileInfo(m_file).fileName()));
    setJob(Job::Preview);

    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto job = [generation = ++m_generation, file = m_file, options = currentOptions(),
                      dbPath = m_databasePath, choice = DuplicateChoice(m_duplicates->currentData().toInt()),
                      cancel = m_cancel, progress = progressForwarder()] {
        Preview preview;
        preview.generation = generation;
        Database database(dbPath); // this thread's own connection
        if (const StorageResult opened = database.open(); !opened.ok()) {
            preview.outcome = {ImportOutcome::Status::Failed, opened.message, opened.detail};
            return preview;
        }
        ContactImporter importer(database);
        importer.setCancelFlag(cancel);
        importer.setProgress(progress);
        // Read and planned batch by batch: a large file is never held as rows or records whole.
        preview.outcome = importer.planFile(file, options, choice, preview.plan, preview.contents);
        return preview;
    };
    m_previewWatcher.setFuture(QtConcurrent::run(job));
}

void ImportDialog::showPreview(Preview preview)
{
    if (preview.generation != m_generation)
        return;
    setJob(Job::None);
    if (preview.outcome.status == ImportOutcome::Status::Cancelled) {
        m_status->setText(tr("Stopped. Nothing was imported."));
        return;
    }
    if (!preview.contents.ok()) {
        m_status->setText(preview.contents.error);
        return;
    }
    if (!preview.outcome.ok()) {
        m_status->setText(preview.outcome.message);
        return;
    }
    showMapping(preview.contents);
    if (preview.contents.mappingNeeded) {
        m_status->setText(tr("Say which column holds the names and which the phone numbers, then the preview "
                             "appears."));
        return;
    }

    m_plan = std::move(preview.plan);
    const ImportPlan &plan = m_plan;
    m_counts->setText(tr("New: %1    Merged: %2    Skipped: %3    Invalid: %4")
                          .arg(plan.newCount)
                          .arg(plan.mergedCount)
                          .arg(plan.skippedCount)
                          .arg(plan.invalidCount));
    const int shown = int(std::min<qsizetype>(plan.issues.size(), kShownIssues));
    m_issues->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const ImportIssue &issue = plan.issues.at(i);
        // The row by its contact's name, as the user knows it; by its line when it has none.
        const QString row = !issue.name.isEmpty() ? tr("%1 (line %2)").arg(issue.name).arg(issue.line)
                            : issue.line > 0      ? tr("Line %1").arg(issue.line)
                                                  : QString();
        setRow(m_issues, i, {row, kindText(issue.kind), issue.reason});
    }
    const int firstRows = int(std::min<qsizetype>(plan.newContacts.size(), ContactFile::kFirstRows));
    m_firstRows->setRowCount(firstRows);
    for (int i = 0; i < firstRows; ++i) {
        const Contact &contact = plan.newContacts.at(i);
        QStringList numbers;
        for (const ContactNumber &number : contact.numbers)
            numbers << (number.label.isEmpty() ? number.display
                                               : tr("%1: %2", "a number's label and the number")
                                                     .arg(PhoneLabels::shown(number.label), number.display));
        setRow(m_firstRows, i, {contact.name, contact.company, numbers.join(QStringLiteral(", "))});
    }
    const QString encoding = preview.contents.read.encoding;
    const QString format = preview.contents.format == ContactFileFormat::VCard ? tr("vCard") : tr("CSV");
    if (plan.issues.size() > kShownIssues)
        m_status->setText(tr("%1, %2. The first %3 of %4 rows that need attention are listed.")
                              .arg(format, encoding)
                              .arg(kShownIssues)
                              .arg(plan.issues.size()));
    else if (plan.hasChanges())
        m_status->setText(tr("%1, %2. Nothing is written until you choose Import.").arg(format, encoding));
    else
        m_status->setText(
            tr("%1, %2. Nothing in this file would change your contacts.").arg(format, encoding));
    m_import->setEnabled(plan.hasChanges());
    Q_EMIT previewReady();
}

void ImportDialog::showMapping(const ContactFileContents &contents)
{
    const bool csv = contents.format == ContactFileFormat::Csv && !contents.header.isEmpty();
    m_columnsBox->setVisible(csv);
    if (!csv)
        return;
    m_columnsHint->setText(
        contents.mappingNeeded
            ? tr("OneDial does not know these columns. Say what each one holds: at least a "
                 "name and a phone number.")
            : tr("What each column holds. Change it if a column was read wrongly."));
    if (m_recognised.size() == contents.mapping.size() && m_columns->rowCount() == contents.header.size())
        return; // the user's own choices are in the table already
    m_recognised = CsvColumns::recognise(contents.header);
    m_recognised.resize(contents.header.size());
    m_columns->setRowCount(int(contents.header.size()));
    for (int row = 0; row < contents.header.size(); ++row) {
        const QString sample =
            contents.firstRows.isEmpty() ? QString() : contents.firstRows.first().fields.value(row);
        setRow(m_columns, row, {contents.header.at(row), sample});
        auto *box = new QComboBox(m_columns);
        for (const CsvColumn::Role role : CsvColumns::roles())
            box->addItem(CsvColumns::roleName(role), int(role));
        box->setCurrentIndex(box->findData(int(contents.mapping.value(row).role)));
        connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::startPreview);
        m_columns->setCellWidget(row, 2, box);
    }
}

void ImportDialog::startImport()
{
    if (!m_plan.hasChanges() || isBusy())
        return;
    setJob(Job::Import);
    m_status->setText(tr("Importing…"));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto job = [plan = m_plan, dbPath = m_databasePath, cancel = m_cancel,
                      progress = progressForwarder()] {
        Database database(dbPath);
        if (const StorageResult opened = database.open(); !opened.ok())
            return ImportOutcome{ImportOutcome::Status::Failed, opened.message, opened.detail};
        ContactImporter importer(database);
        importer.setCancelFlag(cancel);
        importer.setProgress(progress);
        return importer.commit(plan);
    };
    m_importWatcher.setFuture(QtConcurrent::run(job));
}

void ImportDialog::finishImport(const ImportOutcome &outcome)
{
    setJob(Job::None);
    switch (outcome.status) {
    case ImportOutcome::Status::Done:
        m_status->setText(
            tr("Imported: %1, %2.")
                .arg(tr("%n new contact(s)", nullptr, m_plan.newCount),
                     tr("%n row(s) merged into existing contacts", nullptr, m_plan.mergedCount)));
        m_import->setEnabled(false); // a second click would import the same rows again
        m_cancelButton->setText(tr("Close"));
        break;
    case ImportOutcome::Status::Cancelled:
        m_status->setText(tr("Import cancelled. Nothing was changed."));
        break;
    case ImportOutcome::Status::Failed:
        m_status->setText(outcome.message);
        MessageBox::warn(this, tr("Import contacts"), outcome.message);
        break;
    }
    Q_EMIT importFinished(outcome.status);
}

void ImportDialog::showProgress(ContactImporter::Phase phase, qint64 done, qint64 total)
{
    if (!isBusy())
        return;
    m_progress->setRange(0, int(std::max<qint64>(total, 1)));
    m_progress->setValue(int(done));
    m_status->setText(phase == ContactImporter::Phase::Checking ? tr("Checking the numbers…")
                                                                : tr("Writing your contacts…"));
}

void ImportDialog::setJob(Job job)
{
    m_job = job;
    const bool busy = job != Job::None;
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0); // busy until the first report
    for (QWidget *widget : {static_cast<QWidget *>(m_choose), static_cast<QWidget *>(m_format),
                            static_cast<QWidget *>(m_encoding), static_cast<QWidget *>(m_duplicates),
                            static_cast<QWidget *>(m_columns)})
        widget->setEnabled(!busy);
    if (busy)
        m_import->setEnabled(false);
    m_cancelButton->setText(busy ? tr("Cancel") : m_cancelButton->text());
}

void ImportDialog::cancelJob()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportDialog::waitForJob()
{
    m_previewWatcher.waitForFinished();
    m_importWatcher.waitForFinished();
}

void ImportDialog::reject()
{
    if (isBusy()) {
        // Cancel stops the work, not the dialog: the result (nothing changed) is shown when it ends.
        cancelJob();
        return;
    }
    QDialog::reject();
}

} // namespace onedial

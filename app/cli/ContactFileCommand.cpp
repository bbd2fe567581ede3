#include "ContactFileCommand.h"

#include "Output.h"
#include "contacts/ContactStore.h"
#include "importexport/ContactFile.h"
#include "importexport/ContactImporter.h"
#include "importexport/CsvColumns.h"
#include "storage/Database.h"

#include <QDir>

namespace onedial {

namespace {

// The words of --columns, one per column of the file, in order.
std::optional<CsvColumn::Role> roleFromWord(const QString &word)
{
    using Role = CsvColumn::Role;
    static const QList<std::pair<QLatin1String, Role>> words{
        {QLatin1String("ignore"), Role::Ignore},      {QLatin1String("-"), Role::Ignore},
        {QLatin1String("name"), Role::Name},          {QLatin1String("given"), Role::GivenName},
        {QLatin1String("middle"), Role::MiddleName},  {QLatin1String("family"), Role::FamilyName},
        {QLatin1String("company"), Role::Company},    {QLatin1String("notes"), Role::Notes},
        {QLatin1String("phone"), Role::Phone},        {QLatin1String("label"), Role::PhoneLabel},
        {QLatin1String("favourite"), Role::Favourite}};
    const QString key = word.trimmed().toLower();
    for (const auto &[name, role] : words) {
        if (key == name)
            return role;
    }
    return std::nullopt;
}

QString formatName(ContactFileFormat format)
{
    return format == ContactFileFormat::VCard ? QStringLiteral("vCard") : QStringLiteral("CSV");
}

QString kindText(ImportIssue::Kind kind)
{
    switch (kind) {
    case ImportIssue::Kind::Invalid:
        return ContactFileCommand::tr("not imported");
    case ImportIssue::Kind::Skipped:
        return ContactFileCommand::tr("skipped");
    case ImportIssue::Kind::NumberDropped:
        return ContactFileCommand::tr("a number left out");
    }
    return {};
}

} // namespace

QString ContactFileCommand::importUsage()
{
    return QStringLiteral("onedial contacts import FILE [--format vcf|csv] [--encoding NAME] "
                          "[--duplicates merge|skip] [--columns ROLE,...] [--dry-run]");
}

QString ContactFileCommand::exportUsage()
{
    return QStringLiteral("onedial contacts export FILE [--format vcf|csv]");
}

void ContactFileCommand::start()
{
    // m_arguments: "onedial contacts", then import|export and its words.
    const QString sub = m_arguments.value(1);
    m_arguments = QStringList{m_arguments.value(0) + QLatin1Char(' ') + sub} + m_arguments.mid(2);
    if (sub == QLatin1String("import"))
        runImport();
    else
        runExport();
}

void ContactFileCommand::runImport()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Import contacts from a vCard (.vcf) or CSV file: phones, Outlook, Google Contacts, Excel. "
           "Every number is checked the way a dial checks it; a row that cannot be used is listed with its "
           "line and the reason, and nothing is written unless the whole import succeeds."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The file to import."));
    const QCommandLineOption format(QStringLiteral("format"), tr("vcf or csv; by default from the file."),
                                    QStringLiteral("vcf|csv"));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
                                      tr("The file's encoding, such as UTF-8 or GB18030 (also reads GBK); by "
                                         "default detected."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption duplicates(
        QStringLiteral("duplicates"),
        tr("A row with a number already in your contacts (or earlier in the file): "
           "merge adds its other numbers to that contact (the default); skip "
           "leaves it out."),
        QStringLiteral("merge|skip"), QStringLiteral("merge"));
    const QCommandLineOption columns(
        QStringLiteral("columns"),
        tr("For a CSV file whose header is not recognised: what each column holds, in order, from name, "
           "given, middle, family, company, notes, phone, label (of the next phone column), favourite and "
           "ignore. Example: --columns name,ignore,phone"),
        QStringLiteral("ROLE,..."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Show what would be imported; write nothing."));
    parser.addOptions({format, encoding, duplicates, columns, dryRun});
    if (!parse(parser, importUsage()))
        return;
    if (parser.positionalArguments().size() != 1) {
        Output::err(tr("Name one file to import."));
        Output::err(tr("Usage: %1").arg(importUsage()));
        finish(ExitNotSent);
        return;
    }
    const QString path = parser.positionalArguments().first();

    ContactFileOptions options;
    if (parser.isSet(format)) {
        const auto chosen = ContactFile::formatFromName(parser.value(format));
        if (!chosen) {
            Output::err(tr("--format takes vcf or csv, not \"%1\".").arg(parser.value(format)));
            finish(ExitNotSent);
            return;
        }
        options.format = *chosen;
    }
    options.encoding = parser.value(encoding);
    const QString duplicateWord = parser.value(duplicates).toLower();
    if (duplicateWord != QLatin1String("merge") && duplicateWord != QLatin1String("skip")) {
        Output::err(tr("--duplicates takes merge or skip, not \"%1\".").arg(parser.value(duplicates)));
        finish(ExitNotSent);
        return;
    }
    const DuplicateChoice choice =
        duplicateWord == QLatin1String("skip") ? DuplicateChoice::Skip : DuplicateChoice::Merge;
    if (parser.isSet(columns)) {
        CsvMapping mapping;
        for (const QString &word : parser.value(columns).split(QLatin1Char(','))) {
            const auto role = roleFromWord(word);
            if (!role) {
                Output::err(tr("--columns: \"%1\" is not one of name, given, middle, family, company, notes, "
                               "phone, label, favourite, ignore.")
                                .arg(word));
                finish(ExitNotSent);
                return;
            }
            mapping.append(CsvColumn{*role, {}, 0, false});
        }
        options.mapping = mapping;
    }

    Database database;
    const StorageResult status = database.open();
    if (!status.ok()) {
        Output::err(status.message);
        finish(ExitNotSent);
        return;
    }
    ImportPlan plan;
    ContactImporter importer(database);
    ContactFileContents contents;
    // Read and planned batch by batch: a large file is never held as rows or records whole.
    ImportOutcome outcome = importer.planFile(path, options, choice, plan, contents);
    if (!contents.ok()) {
        Output::err(contents.error);
        finish(ExitNotSent);
        return;
    }
    const QString shown = QDir::toNativeSeparators(path);
    if (contents.mappingNeeded) {
        Output::err(tr("The columns of %1 were not recognised: %2.")
                        .arg(shown, contents.header.join(QStringLiteral(", "))));
        Output::err(tr("Say what each column holds with --columns, for example --columns name,ignore,phone"));
        finish(ExitNotSent);
        return;
    }
    if (!outcome.ok()) {
        Output::err(outcome.message);
        finish(ExitNotSent);
        return;
    }

    for (const ImportIssue &issue : std::as_const(plan.issues)) {
        Output::err(issue.line > 0
                        ? tr("line %1: %2: %3").arg(issue.line).arg(kindText(issue.kind), issue.reason)
                        : tr("%1: %2").arg(kindText(issue.kind), issue.reason));
    }
    Output::out(tr("%1 (%2, %3): %4 new, %5 merged, %6 skipped, %7 invalid.")
                    .arg(shown, formatName(contents.format), contents.read.encoding)
                    .arg(plan.newCount)
                    .arg(plan.mergedCount)
                    .arg(plan.skippedCount)
                    .arg(plan.invalidCount));
    if (plan.usableCount() == 0) {
        Output::err(tr("Nothing in %1 can be imported.").arg(shown));
        finish(ExitNotSent);
        return;
    }
    if (parser.isSet(dryRun)) {
        Output::out(tr("Dry run: nothing was written."));
        finish(ExitAccepted);
        return;
    }
    outcome = importer.commit(plan);
    if (!outcome.ok()) {
        Output::err(outcome.message);
        finish(ExitNotSent);
        return;
    }
    Output::out(tr("Imported. New contacts: %1; rows merged into existing contacts: %2.")
                    .arg(plan.newCount)
                    .arg(plan.mergedCount));
    finish(ExitAccepted);
}

void ContactFileCommand::runExport()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export every contact to a vCard 4.0 (.vcf) or CSV file (UTF-8, which Excel opens correctly)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The file to write; it is replaced."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("vcf or csv; by default from the file name."),
                                    QStringLiteral("vcf|csv"));
    parser.addOption(format);
    if (!parse(parser, exportUsage()))
        return;
    if (parser.positionalArguments().size() != 1) {
        Output::err(tr("Name one file to write."));
        Output::err(tr("Usage: %1").arg(exportUsage()));
        finish(ExitNotSent);
        return;
    }
    const QString path = parser.positionalArguments().first();
    ContactFileFormat chosen = ContactFile::formatForPath(path);
    if (parser.isSet(format)) {
        const auto named = ContactFile::formatFromName(parser.value(format));
        if (!named) {
            Output::err(tr("--format takes vcf or csv, not \"%1\".").arg(parser.value(format)));
            finish(ExitNotSent);
            return;
        }
        chosen = *named;
    }
    if (chosen == ContactFileFormat::Detect) {
        Output::err(tr("Name the file .vcf or .csv, or choose the format with --format vcf|csv."));
        finish(ExitNotSent);
        return;
    }

    Database database;
    StorageResult status = database.open();
    QList<Contact> contacts;
    if (status.ok())
        contacts = ContactStore(database).all(&status);
    if (!status.ok()) {
        Output::err(status.message);
        finish(ExitNotSent);
        return;
    }
    if (const QString error = ContactFile::write(path, chosen, contacts); !error.isEmpty()) {
        Output::err(error);
        finish(ExitNotSent);
        return;
    }
    Output::out(tr("Exported %n contact(s) to %1.", nullptr, int(contacts.size()))
                    .arg(QDir::toNativeSeparators(path)));
    finish(ExitAccepted);
}

} // namespace onedial

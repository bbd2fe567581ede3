#include "ContactsCommand.h"

#include "ContactFileCommand.h"
#include "Output.h"
#include "contacts/ContactIndex.h"
#include "contacts/ContactStore.h"
#include "contacts/PhoneLabels.h"
#include "core/UserText.h"
#include "storage/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace onedial {

namespace {

QString addUsage()
{
    return QStringLiteral("onedial contacts add NAME NUMBER... [--company C] [--notes TEXT] [--favourite]");
}

QString listUsage()
{
    return QStringLiteral("onedial contacts list [--search TEXT] [--json]");
}

QJsonObject toJson(const Contact &contact)
{
    QJsonArray numbers;
    for (const ContactNumber &number : contact.numbers) {
        numbers.append(QJsonObject{{QStringLiteral("label"), number.label},
                                   {QStringLiteral("number"), number.apiForm},
                                   {QStringLiteral("display"), number.display}});
    }
    return QJsonObject{{QStringLiteral("id"), contact.id},
                       {QStringLiteral("name"), contact.name},
                       {QStringLiteral("company"), contact.company},
                       {QStringLiteral("notes"), contact.notes},
                       {QStringLiteral("favourite"), contact.favourite},
                       {QStringLiteral("numbers"), numbers}};
}

} // namespace

void ContactsCommand::usage()
{
    Output::err(tr("Usage:"));
    Output::err(QStringLiteral("  ") + addUsage());
    Output::err(QStringLiteral("  ") + listUsage());
    Output::err(QStringLiteral("  ") + ContactFileCommand::importUsage());
    Output::err(QStringLiteral("  ") + ContactFileCommand::exportUsage());
}

void ContactsCommand::start()
{
    // m_arguments: "onedial contacts", then the subcommand and its words.
    const QString sub = m_arguments.value(1);
    m_arguments = QStringList{m_arguments.value(0) + QLatin1Char(' ') + sub} + m_arguments.mid(2);
    if (sub == QLatin1String("add")) {
        add();
    } else if (sub == QLatin1String("list")) {
        list();
    } else if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        usage();
        finish(ExitAccepted);
    } else {
        if (!sub.isEmpty())
            Output::err(tr("Unknown contacts command \"%1\".").arg(sub));
        usage();
        finish(ExitNotSent);
    }
}

void ContactsCommand::add()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add a contact with one or more numbers. Every number is checked the way a dial checks it; "
           "if one cannot be dialled, nothing is stored."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The contact's name, such as 张三."));
    parser.addPositionalArgument(QStringLiteral("NUMBER"),
                                 tr("A number as you would write it: 138 0013 8000, (0755) 2800 0003."),
                                 QStringLiteral("NUMBER..."));
    const QCommandLineOption company(QStringLiteral("company"), tr("The contact's company."),
                                     QStringLiteral("C"));
    const QCommandLineOption notes(QStringLiteral("notes"), tr("Notes about the contact."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption favourite(QStringLiteral("favourite"),
                                       tr("List the contact among the favourites, at the top."));
    parser.addOptions({company, notes, favourite});
    if (!parse(parser, addUsage()))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        Output::err(
            tr("Give a name and at least one number, for example: onedial contacts add 张三 13800138000"));
        finish(ExitNotSent);
        return;
    }

    Contact contact;
    contact.name = positional.first();
    contact.company = parser.value(company);
    contact.notes = parser.value(notes);
    contact.favourite = parser.isSet(favourite);
    for (const QString &typed : positional.mid(1))
        contact.numbers << ContactNumber{{}, typed, {}};
    // Checked before the database is touched: a bad number leaves no trace.
    if (const StorageResult checked = ContactStore::normalize(contact); !checked.ok()) {
        Output::err(checked.message);
        Output::err(tr("The contact was not added."));
        finish(ExitNotSent);
        return;
    }

    Database database;
    StorageResult status = database.open();
    if (status.ok())
        status = ContactStore(database).add(contact);
    if (!status.ok()) {
        Output::err(status.message);
        Output::err(tr("The contact was not added."));
        finish(ExitNotSent);
        return;
    }
    QStringList shown;
    for (const ContactNumber &number : std::as_const(contact.numbers))
        shown << number.display;
    Output::out(tr("Contact \"%1\" added: %2.").arg(contact.name, shown.join(QStringLiteral(", "))));
    finish(ExitAccepted);
}

void ContactsCommand::list()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the contacts, favourites first, then by name."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON array."));
    const QCommandLineOption search(QStringLiteral("search"),
                                    tr("Only contacts matching this, as the window's search field matches: "
                                       "name, company, any spelling of a number, pinyin or its initials."),
                                    QStringLiteral("TEXT"));
    parser.addOptions({json, search});
    if (!parse(parser, listUsage()))
        return;

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

    if (parser.isSet(search)) {
        // The index drops notes; the full contacts are looked up again by id.
        QHash<qint64, Contact> byId;
        for (const Contact &contact : std::as_const(contacts))
            byId.insert(contact.id, contact);
        const auto index = ContactIndex::build(contacts);
        contacts.clear();
        for (const int position : index->search(ContactIndex::Query::parse(parser.value(search))))
            contacts << byId.value(index->id(position));
    } else {
        ContactIndex::sortForDisplay(contacts);
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Contact &contact : std::as_const(contacts))
            array.append(toJson(contact));
        Output::json(array);
        finish(ExitAccepted);
        return;
    }
    if (contacts.isEmpty()) {
        Output::out(parser.isSet(search) ? tr("No contact matches.")
                                         : tr("No contacts. Add one with: %1").arg(addUsage()));
        finish(ExitAccepted);
        return;
    }
    // One line per contact: a line break kept from an older version's data is escaped too.
    const auto field = [](const QString &text) {
        return UserText::escaped(text, false);
    };
    for (const Contact &contact : std::as_const(contacts)) {
        QStringList numbers;
        for (const ContactNumber &number : contact.numbers)
            numbers << (number.label.isEmpty() ? number.display
                                               : field(PhoneLabels::shown(number.label)) +
                                                     QStringLiteral(": ") + number.display);
        QString line =
            (contact.favourite ? QStringLiteral("* ") : QStringLiteral("  ")) + field(contact.name);
        if (!contact.company.isEmpty())
            line += QStringLiteral("  ") + field(contact.company);
        line += QStringLiteral("  ") + numbers.join(QStringLiteral(", "));
        Output::out(line);
    }
    finish(ExitAccepted);
}

} // namespace onedial

#include "CsvColumns.h"

#include "contacts/PhoneLabels.h"
#include "core/UserText.h"

#include <QHash>
#include <QRegularExpression>

namespace onedial {

namespace {

using Role = CsvColumn::Role;

QString headerKey(const QString &header)
{
    QString key = header.simplified().toLower();
    if (key.startsWith(QChar(0xFEFF)))
        key.remove(0, 1);
    return key;
}

// Exact header texts (compared in lower case, spaces collapsed).
//
// Outlook (English): the header of Outlook's "Comma Separated Values" export, which Microsoft
// also documents for files to import into Outlook.
// Outlook (zh-CN): 英文称谓,名,中间名,姓,...,单位,...,商务电话,商务电话 2,住宅电话,移动电话,...,附注,
// taken from the Chinese Outlook export header as reproduced in several public scripts that
// generate files for Chinese Outlook to import. Not checked against a running Chinese Outlook;
// 公司 (which newer Office wording may use for Company) is accepted too.
// Google: the "Google CSV" export, both the older (Name, Given Name, Family Name, Organization 1 -
// Name, Phone 1 - Type/Value) and the current one (First Name, Last Name, Organization Name,
// Phone 1 - Label/Value); the phone pairs are matched by pattern below.
const QHash<QString, CsvColumn> &knownHeaders()
{
    static const QHash<QString, CsvColumn> headers = [] {
        QHash<QString, CsvColumn> map;
        const auto add = [&map](std::initializer_list<const char *> keys, Role role,
                                const QString &label = {}) {
            for (const char *key : keys)
                map.insert(headerKey(QString::fromUtf8(key)), CsvColumn{role, label, 0, false});
        };
        add({"name", "full name", "display name", "姓名", "名字", "联系人", "联系人姓名", "客户姓名"},
            Role::Name);
        add({"first name", "given name", "名"}, Role::GivenName);
        add({"middle name", "additional name", "中间名"}, Role::MiddleName);
        add({"last name", "family name", "surname", "姓"}, Role::FamilyName);
        add({"company", "organization", "organization name", "organization 1 - name", "公司", "单位",
             "公司名称", "单位名称"},
            Role::Company);
        add({"notes", "note", "附注", "备注"}, Role::Notes);
        add({"favourite", "favorite", "收藏"}, Role::Favourite);

        add({"phone", "telephone", "tel", "number", "phone number", "电话", "电话号码", "联系电话", "号码"},
            Role::Phone);
        add({"mobile phone", "mobile", "cell", "cell phone", "移动电话", "手机", "手机号", "手机号码"},
            Role::Phone, PhoneLabels::mobile());
        add({"business phone", "business phone 2", "company main phone", "work phone", "商务电话",
             "商务电话 2", "单位主要电话", "公司主要电话", "办公电话", "工作电话"},
            Role::Phone, PhoneLabels::work());
        add({"home phone", "home phone 2", "住宅电话", "住宅电话 2", "家庭电话"}, Role::Phone,
            PhoneLabels::home());
        add({"primary phone", "主要电话"}, Role::Phone, PhoneLabels::main());
        add({"car phone", "车载电话"}, Role::Phone, PhoneLabels::car());
        add({"assistant's phone", "助理的电话"}, Role::Phone, PhoneLabels::assistant());
        add({"pager", "寻呼机"}, Role::Phone, PhoneLabels::pager());
        add({"other phone", "callback", "radio phone", "isdn", "tty/tdd phone", "其他电话", "回电话",
             "无绳电话", "tty/tdd 电话"},
            Role::Phone, PhoneLabels::other());
        add({"business fax", "home fax", "other fax", "fax", "商务传真", "住宅传真", "其他传真", "传真"},
            Role::Phone, PhoneLabels::fax());
        return map;
    }();
    return headers;
}

// A cell may hold several numbers: Google joins them with " ::: ", people write "/" or "、".
QStringList splitNumbers(const QString &cell)
{
    static const QRegularExpression separators(QStringLiteral("\\s*(?::::|[/、;；,，\\n])\\s*"));
    const QString trimmed = cell.trimmed();
    if (!trimmed.contains(separators))
        return {trimmed};
    QStringList parts = trimmed.split(separators, Qt::SkipEmptyParts);
    // Split only when every part looks like a number by itself; "0755-2800 0003, ext 12" is one.
    const bool allNumbers = std::all_of(parts.cbegin(), parts.cend(), [](const QString &part) {
        return std::count_if(part.cbegin(), part.cend(), [](QChar c) { return c.isDigit(); }) >= 7;
    });
    return allNumbers ? parts : QStringList{trimmed};
}

// The writer protects text from spreadsheet formula evaluation with a leading apostrophe (as
// OWASP advises for CSV files, before = + - @ and the tab and carriage return that spreadsheets
// skip before a formula; a quoted CR reads back as LF) and Excel users type one to keep a number
// as text: drop it.
QString cellText(const QStringList &fields, qsizetype column)
{
    QString text = fields.value(column);
    if (text.size() >= 2 && text.at(0) == QLatin1Char('\'') &&
        QStringView(u"=+-@\t\r\n").contains(text.at(1)))
        text.remove(0, 1);
    return text;
}

bool hasHan(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.script() == QChar::Script_Han; });
}

bool isYes(const QString &text)
{
    const QString t = text.trimmed().toLower();
    return t == QLatin1String("yes") || t == QLatin1String("y") || t == QLatin1String("1") ||
           t == QLatin1String("true") || t == QLatin1String("x") || t == QStringLiteral("是");
}

} // namespace

CsvMapping CsvColumns::recognise(const QStringList &header)
{
    static const QRegularExpression googlePhone(QStringLiteral("^phone (\\d{1,3}) - (type|label|value)$"));
    CsvMapping mapping;
    mapping.reserve(header.size());
    for (const QString &title : header) {
        const QString key = headerKey(title);
        if (const QRegularExpressionMatch match = googlePhone.match(key); match.hasMatch()) {
            const int pair = match.captured(1).toInt();
            const bool value = match.captured(2) == QLatin1String("value");
            const bool types = match.captured(2) == QLatin1String("type");
            mapping.append(CsvColumn{value ? Role::Phone : Role::PhoneLabel, {}, pair, types});
            continue;
        }
        mapping.append(knownHeaders().value(key));
    }
    return mapping;
}

bool CsvColumns::isUsable(const CsvMapping &mapping)
{
    const auto has = [&mapping](std::initializer_list<Role> wanted) {
        return std::any_of(mapping.cbegin(), mapping.cend(), [&wanted](const CsvColumn &column) {
            return std::find(wanted.begin(), wanted.end(), column.role) != wanted.end();
        });
    };
    return has({Role::Name, Role::GivenName, Role::FamilyName, Role::Company}) && has({Role::Phone});
}

QList<CsvColumn::Role> CsvColumns::roles()
{
    return {Role::Ignore,  Role::Name,  Role::GivenName, Role::MiddleName, Role::FamilyName,
            Role::Company, Role::Notes, Role::Phone,     Role::PhoneLabel, Role::Favourite};
}

QString CsvColumns::roleName(CsvColumn::Role role)
{
    switch (role) {
    case Role::Ignore:
        return tr("(not imported)");
    case Role::Name:
        return tr("Name");
    case Role::GivenName:
        return tr("Given name");
    case Role::MiddleName:
        return tr("Middle name");
    case Role::FamilyName:
        return tr("Family name");
    case Role::Company:
        return tr("Company");
    case Role::Notes:
        return tr("Notes");
    case Role::Phone:
        return tr("Phone number");
    case Role::PhoneLabel:
        return tr("Label of the next phone column");
    case Role::Favourite:
        return tr("Favourite (yes/no)");
    }
    return {};
}

QList<ImportRecord> CsvColumns::records(const QList<CsvRow> &rows, const CsvMapping &mapping)
{
    const CsvRecords maker(mapping);
    QList<ImportRecord> records;
    records.reserve(rows.size());
    for (const CsvRow &row : rows)
        records << maker.record(row);
    return records;
}

CsvRecords::CsvRecords(const CsvMapping &mapping)
    : m_columns(mapping)
{
    // A user's mapping has no pairs: a label column labels the next phone column to its right.
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).role != Role::PhoneLabel || m_columns.at(i).pair != 0)
            continue;
        for (qsizetype k = i + 1; k < m_columns.size(); ++k) {
            if (m_columns.at(k).role == Role::Phone && m_columns.at(k).pair == 0) {
                m_columns[i].pair = m_columns[k].pair = int(-1 - i); // negative: never one of Google's
                break;
            }
        }
    }
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).role == Role::PhoneLabel && m_columns.at(i).pair != 0)
            m_labelColumnOfPair.insert(m_columns.at(i).pair, i);
    }
}

ImportRecord CsvRecords::record(const CsvRow &row) const
{
    ImportRecord record;
    record.line = row.line;
    Contact &contact = record.contact;
    QString given, middle, family;
    QStringList notes;
    for (qsizetype i = 0; i < m_columns.size() && i < row.fields.size(); ++i) {
        const CsvColumn &column = m_columns.at(i);
        if (column.role == Role::Ignore || column.role == Role::PhoneLabel)
            continue;
        const QString text = cellText(row.fields, i);
        if (text.trimmed().isEmpty())
            continue;
        switch (column.role) {
        case Role::Ignore:
        case Role::PhoneLabel:
            break;
        case Role::Name:
            if (contact.name.isEmpty())
                contact.name = UserText::cleanLine(text);
            break;
        case Role::GivenName:
            given = UserText::cleanLine(text);
            break;
        case Role::MiddleName:
            middle = UserText::cleanLine(text);
            break;
        case Role::FamilyName:
            family = UserText::cleanLine(text);
            break;
        case Role::Company:
            if (contact.company.isEmpty())
                contact.company = UserText::cleanLine(text);
            break;
        case Role::Notes:
            notes << UserText::cleanMultiline(text);
            break;
        case Role::Favourite:
            contact.favourite = isYes(text);
            break;
        case Role::Phone: {
            QString label = column.label;
            if (const auto labelColumn = m_labelColumnOfPair.constFind(column.pair);
                column.pair != 0 && labelColumn != m_labelColumnOfPair.cend()) {
                const QString written = UserText::cleanLine(cellText(row.fields, *labelColumn));
                if (!written.isEmpty())
                    label =
                        m_columns.at(*labelColumn).googleTypes ? PhoneLabels::fromGoogle(written) : written;
            }
            for (const QString &number : splitNumbers(text))
                contact.numbers << ContactNumber{label, UserText::cleanLine(number), {}};
            break;
        }
        }
    }
    if (contact.name.isEmpty()) {
        // Chinese names are family name first with no space (姓 + 名); others as people say them.
        if (hasHan(family) || hasHan(given)) {
            contact.name = family + middle + given;
        } else {
            QStringList parts;
            for (const QString &part : {given, middle, family}) {
                if (!part.isEmpty())
                    parts << part;
            }
            contact.name = parts.join(QLatin1Char(' '));
        }
    }
    if (contact.name.isEmpty())
        contact.name = contact.company; // a company's switchboard row has only the company
    contact.notes = notes.join(QLatin1Char('\n'));
    return record;
}

} // namespace onedial

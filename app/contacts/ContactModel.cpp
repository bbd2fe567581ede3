#include "ContactModel.h"

#include "PhoneLabels.h"
#include "contacts/ContactStore.h"
#include "core/Log.h"
#include "core/UserText.h"
#include "storage/Database.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace onedial {

namespace {

struct Loaded
{
    std::shared_ptr<const ContactIndex> index;
    StorageResult status;
};

// Runs on a pool thread: its own connection to the file, the index built there too, so the
// window's thread only swaps the finished index in.
Loaded load(const QString &path, const QLocale &locale)
{
    Loaded loaded;
    Database database(path);
    loaded.status = database.open();
    if (!loaded.status.ok())
        return loaded;
    // Streamed: one Contact at a time goes from the query into the index's packed columns.
    ContactIndex::Builder builder(locale);
    loaded.status = ContactStore(database).forEach([&builder](Contact &&contact) { builder.add(contact); });
    database.close();
    if (loaded.status.ok())
        loaded.index = builder.build();
#ifdef __GLIBC__
    // Building left this thread's heap with free pages (the database's cache, the growing columns,
    // the sort keys): give them back now rather than keep them for the life of the window.
    malloc_trim(0);
#endif
    return loaded;
}

QStringList numberField(const QList<ContactNumber> &numbers, QString ContactNumber::*field)
{
    QStringList values;
    values.reserve(numbers.size());
    for (const ContactNumber &number : numbers)
        values << number.*field;
    return values;
}

} // namespace

ContactModel::ContactModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ContactModel::~ContactModel() = default;

int ContactModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_search.results().size());
}

int ContactModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Contact ContactModel::contactAt(int row) const
{
    return m_search.index()->contact(m_search.results().at(row));
}

int ContactModel::rowOf(qint64 contactId) const
{
    const QList<int> &rows = m_search.results();
    for (int row = 0; row < rows.size(); ++row) {
        if (m_search.index()->id(rows.at(row)) == contactId)
            return row;
    }
    return -1;
}

int ContactModel::totalCount() const
{
    return m_search.index() ? m_search.index()->size() : 0;
}

QVariant ContactModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContactIndex &contacts = *m_search.index();
    const int position = m_search.results().at(index.row());
    switch (role) {
    case ContactIdRole:
        return contacts.id(position);
    case FavouriteRole:
        return contacts.isFavourite(position);
    case ApiFormsRole:
        return numberField(contacts.numbers(position), &ContactNumber::apiForm);
    case LabelsRole: {
        QStringList labels;
        for (const ContactNumber &number : contacts.numbers(position))
            labels << PhoneLabels::shown(number.label);
        return labels;
    }
    case DisplayNumbersRole:
        return numberField(contacts.numbers(position), &ContactNumber::display);
    default:
        break;
    }

    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return contacts.name(position);
        break;
    case CompanyColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return contacts.company(position);
        break;
    case NumbersColumn:
        if (role == Qt::DisplayRole)
            return numberField(contacts.numbers(position), &ContactNumber::display)
                .join(QStringLiteral(", "));
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (const ContactNumber &number : contacts.numbers(position))
                lines << (number.label.isEmpty()
                              ? number.display
                              : tr("%1: %2").arg(PhoneLabels::shown(number.label), number.display));
            return UserText::toolTip(lines.join(QLatin1Char('\n'))); // a label is the user's text
        }
        break;
    case FavouriteColumn:
        // A star, as address books show favourites; the words for screen readers and tooltips.
        if (role == Qt::DisplayRole)
            return contacts.isFavourite(position) ? QStringLiteral("\u2605") : QString();
        if (role == Qt::TextAlignmentRole)
            return Qt::AlignCenter;
        if (role == Qt::AccessibleTextRole || role == Qt::ToolTipRole)
            return contacts.isFavourite(position) ? tr("Favourite", "state of a contact")
                                                  : tr("Not a favourite");
        break;
    default:
        break;
    }
    return {};
}

QVariant ContactModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == FavouriteColumn &&
        (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole))
        return tr("Favourite", "column header");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case CompanyColumn:
        return tr("Company");
    case NumbersColumn:
        return tr("Numbers");
    case FavouriteColumn:
        return QStringLiteral("\u2606");
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> ContactModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ContactIdRole, "contactId");
    names.insert(FavouriteRole, "favourite");
    names.insert(ApiFormsRole, "apiForms");
    names.insert(LabelsRole, "labels");
    names.insert(DisplayNumbersRole, "displayNumbers");
    return names;
}

void ContactModel::setFilter(const QString &text)
{
    if (text == m_search.query())
        return;
    beginResetModel();
    m_search.setQuery(text);
    endResetModel();
}

void ContactModel::setIndex(std::shared_ptr<const ContactIndex> index)
{
    beginResetModel();
    m_search.setIndex(std::move(index));
    endResetModel();
}

void ContactModel::reload(const QString &databasePath)
{
    const quint64 generation = ++m_generation;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    }
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer reload is on its way
        Loaded result = watcher->result();
        m_loading = false;
        Q_EMIT loadingChanged(false);
        if (!result.status.ok()) {
            qCWarning(lcContacts) << "Loading contacts failed:" << result.status.detail;
            Q_EMIT loadFailed(result.status);
            return;
        }
        const int count = result.index->size();
        setIndex(std::move(result.index));
        qCInfo(lcContacts) << "Loaded" << count << "contacts";
        Q_EMIT loaded(count);
    });
    watcher->setFuture(QtConcurrent::run(load, databasePath, m_locale));
}

} // namespace onedial

// The contact list as the window shows it: the contacts matching the search field, favourites
// first. Loading 100,000 contacts happens on a worker thread (its own database connection, its
// own index build); the finished index is swapped in on the model's thread in one reset.
#pragma once

#include "contacts/ContactIndex.h"
#include "contacts/ContactSearch.h"
#include "storage/StorageResult.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <memory>

namespace onedial {

class ContactModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactModel)

public:
    enum Column { NameColumn, CompanyColumn, NumbersColumn, FavouriteColumn, ColumnCount };
    enum Role {
        ContactIdRole = Qt::UserRole + 1, // qint64
        FavouriteRole,                    // bool
        ApiFormsRole,                     // QStringList: the numbers in API form, in the user's order
        LabelsRole,                       // QStringList: their labels, same order
        DisplayNumbersRole,               // QStringList: their display forms, same order
    };

    explicit ContactModel(QObject *parent = nullptr);
    ~ContactModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Shows only the contacts matching text (see ContactIndex::search); empty shows all.
    void setFilter(const QString &text);
    QString filter() const { return m_search.query(); }

    // Starts loading every contact from the database file (empty: Database::defaultPath()) on a
    // worker thread; returns at once. The rows change when loading finishes (loaded() or
    // loadFailed()). A newer reload supersedes one still running. The collation locale orders
    // the names (QLocale() by default).
    void reload(const QString &databasePath = {});
    bool isLoading() const { return m_loading; }
    void setCollationLocale(const QLocale &locale) { m_locale = locale; }

    // Replaces the contacts at once, keeping the filter (for an index built elsewhere).
    void setIndex(std::shared_ptr<const ContactIndex> index);
    const std::shared_ptr<const ContactIndex> &contactIndex() const { return m_search.index(); }

    // The contact shown in row (valid rows only; without notes), and the row showing a contact
    // id (-1 if none).
    Contact contactAt(int row) const;
    int rowOf(qint64 contactId) const;
    // How many contacts there are in all, whatever the filter.
    int totalCount() const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(int contactCount);
    void loadFailed(const onedial::StorageResult &result);

private:
    ContactSearch m_search;
    QLocale m_locale;
    quint64 m_generation = 0; // the newest reload; results of older ones are dropped
    bool m_loading = false;
};

} // namespace onedial

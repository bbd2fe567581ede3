// The fields of one account, as the set-up wizard and the account dialog both show them: each
// with its label, a line saying where to find it (the OneNET console, or the administrator of the
// team's gateway), and its problem under it as it is typed. The rules are the core's
// (Account::problem(), AccessKey::problemFor()), so the window refuses exactly what `onedial
// account add` refuses. Each window lays the rows out as it likes; this keeps the widgets, their
// accessible names and their checks in one place. A form is for one kind of account: a direct
// OneNET account uses every row but Gateway; a gateway account only Name, Gateway and Key (the
// member's token). Rows a window does not lay out stay hidden.
#pragma once

#include "accounts/Account.h"

#include <QByteArray>
#include <QObject>

#include <array>
#include <initializer_list>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace onedial {

class AccountStore;

class AccountForm final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountForm)

public:
    enum class Row {
        Api,
        Identity,
        Key,
        Sponsor,
        Caller,
        Display,
        Name,
        Method,
        Endpoint,
        NotifyUrl,
        Gateway,
        Count
    };
    // Where to find each value: under each field, or only for assistive technology.
    enum class Hints { Shown, DescriptionsOnly };

    // parent: the window the widgets first belong to; addRows() moves them into its layouts.
    AccountForm(AccountStore *accounts, Hints hints, QWidget *parent);

    // Puts the rows' labels and fields, each field with its hint and problem lines, into a form.
    void addRows(QFormLayout *form, std::initializer_list<Row> rows);
    QWidget *field(Row row) const { return m_lines.at(index(row)).field; }
    // A line under the key field for the window's own notes (whether a key is stored).
    QLabel *keyNote() const { return m_keyNote; }

    // Which kind of account the form is for (Direct unless set): the key row asks for an access key
    // or a gateway token, and only the rows of that kind are checked.
    void setKind(AccountKind kind);
    AccountKind kind() const { return m_kind; }

    // Fills in an account that exists, of its kind: its name is then fixed, since the keychain
    // entry carries it.
    void setAccount(const Account &existing);
    // For a new account: a name that is valid and not taken yet, which the user may change.
    void suggestName(const QString &name);
    // Whether a key must be typed (a new account, a missing key) or may be left empty (editing).
    void setKeyRequired(bool required);

    // The account as entered, numbers in API form.
    Account account() const;
    QByteArray keyText() const;
    void clearKey();

    // Whether the rows have no problem (every row when none are given).
    bool isValid(std::initializer_list<Row> rows = {}) const;
    // Whether a row's problem is on screen (it is shown once the field has been typed in).
    bool showsProblem(Row row) const;
    // Whether any advanced row holds something else than its default.
    bool hasAdvancedValues() const;

    // Tab order in the order given (the order a person fills the form in).
    static void chainTabOrder(std::initializer_list<QWidget *> widgets);

Q_SIGNALS:
    // After each edit, once every row's problem is up to date.
    void changed();

private:
    struct Line
    {
        QLabel *label = nullptr;
        QWidget *field = nullptr;
        QWidget *cell = nullptr; // the field with its hint and problem lines under it
        QLabel *hint = nullptr;
        QLabel *problem = nullptr;
    };
    static constexpr int index(Row row) { return int(row); }

    QLineEdit *addLineEdit(Row row, const QString &label, const QString &accessibleName);
    void makeLine(Row row, const QString &label, QWidget *field, const QString &accessibleName);
    void setHint(Row row, const QString &text);
    void updateForApi();
    void updateKeyRow();
    bool belongsToKind(Row row) const;
    void updateDisplayChoices();
    QString problemOf(Row row, const Account &candidate) const;
    void revalidate();

    AccountStore *m_accounts;
    QWidget *m_parent;
    Hints m_hints;
    std::array<Line, std::size_t(Row::Count)> m_lines;
    std::array<QString, std::size_t(Row::Count)> m_problems;
    QComboBox *m_api = nullptr;
    QLineEdit *m_identity = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_keyNote = nullptr;
    QLineEdit *m_sponsor = nullptr;
    QLineEdit *m_caller = nullptr;
    QComboBox *m_display = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_notifyUrl = nullptr;
    QLineEdit *m_gateway = nullptr;
    AccountKind m_kind = AccountKind::Direct;
    bool m_keyRequired = true;
    bool m_nameIsNew = true;
};

} // namespace onedial

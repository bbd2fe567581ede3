// Quick dial: a small always-on-top popup with one field. Type a name (the same search as the
// window: name, company, number spellings, pinyin) or a number, pick a match with Up/Down, press
// Enter to call through the window's DialController; Esc closes. It opens with a phone number
// from the clipboard already in the field, so a number copied anywhere is one Enter away. Opened
// by the global shortcut, it reads the selected text instead: one number there is ready to call,
// several are listed with the words around each, none gets a hint.
#pragma once

#include "DialController.h"
#include "contacts/ContactSearch.h"
#include "phone/NumberFinder.h"

#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;

namespace onedial {

class ContactModel;

class QuickDialPopup final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickDialPopup)

public:
    // contacts is the window's model: the popup searches the index it currently holds.
    QuickDialPopup(DialController *controller, const ContactModel *contacts, QWidget *parent = nullptr);
    ~QuickDialPopup() override;

    // Shows the popup afresh on the screen under the mouse: an empty field, or the clipboard's
    // phone number selected (typing replaces it).
    void popUp();
    // Shows the popup for text selected in another program (the global shortcut): its one number
    // in the field, its numbers to choose from, or a hint that it holds none. shortcut names the
    // keys for the hint.
    void popUpWithSelection(const QString &selected, const QString &shortcut);

    QLineEdit *field() const { return m_field; }
    QListWidget *matchList() const { return m_list; }
    // What Enter would call now, if anything.
    std::optional<DialTarget> highlightedTarget() const;

    // The longest clipboard text taken for a number; anything longer is prose, not a number.
    static constexpr int kMaxClipboardLength = 40;
    // Matches shown at most; the window's list is the place to browse everything.
    static constexpr int kMaxRows = 40;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void present(const QString &fieldText);
    void search(const QString &typed);
    void listSelectedNumbers();
    void dialHighlighted();
    void moveHighlight(int steps);
    void updateAccountLine();
    void fitHeight();

    DialController *m_controller;
    const ContactModel *m_contacts;
    ContactSearch m_search;
    QLabel *m_account;
    QLineEdit *m_field;
    QListWidget *m_list;
    QLabel *m_hint;
    QList<DialTarget> m_targets; // one per row of m_list
    // The numbers of the selected text, listed while the field is empty; and what the hint says
    // when the selection held no number.
    QList<FoundNumber> m_selectedNumbers;
    QString m_selectionHint;
    bool m_wasActive = false;
};

} // namespace onedial

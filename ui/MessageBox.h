// Every question or warning the app puts to the user goes through here, so that a test can
// preset the answer instead of blocking on a modal dialog.
#pragma once

#include <QMessageBox>

#include <optional>

namespace onedial {

class MessageBox final
{
public:
    static QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                           const QString &text, QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton);
    // A question whose "yes" button has its own wording.
    static bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText,
                        const QString &noText);
    static void warn(QWidget *parent, const QString &title, const QString &text);
    // A warning that does not block: shown and left open while the app goes on. When reuse is a
    // box this made before and still open, its text is replaced instead of opening another one.
    // Returns the box shown (deleted when closed).
    static QMessageBox *notify(QWidget *parent, QMessageBox *reuse, const QString &title,
                               const QString &text);

    // For tests: the next call returns this answer without showing anything.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // For tests: forgets an answer no question used.
    static void clearNextAnswer() { s_nextAnswer.reset(); }
    // For tests: the text of the last message, shown or answered in advance.
    static QString lastText();

private:
    static std::optional<QMessageBox::StandardButton> s_nextAnswer;
    static QString s_lastText;
};

} // namespace onedial

#include "MessageBox.h"

#include "core/UserText.h"

#include <QPushButton>

namespace onedial {

namespace {

// Messages quote names, numbers and servers' answers: shown as plain text (QMessageBox would
// otherwise guess rich text from a "<b>" in a name) and without control or bidirectional characters.
QString shown(const QString &text)
{
    return UserText::cleanMultiline(text);
}

} // namespace

std::optional<QMessageBox::StandardButton> MessageBox::s_nextAnswer;
QString MessageBox::s_lastText;

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

QMessageBox::StandardButton MessageBox::ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                            const QString &text, QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton)
{
    s_lastText = text;
    if (s_nextAnswer) {
        const QMessageBox::StandardButton answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(icon, title, shown(text), buttons, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

bool MessageBox::confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText,
                         const QString &noText)
{
    s_lastText = text;
    if (s_nextAnswer) {
        const bool yes = *s_nextAnswer == QMessageBox::Yes || *s_nextAnswer == QMessageBox::Ok;
        s_nextAnswer.reset();
        return yes;
    }
    QMessageBox box(QMessageBox::Question, title, shown(text), QMessageBox::Yes | QMessageBox::No, parent);
    box.setTextFormat(Qt::PlainText);
    box.button(QMessageBox::Yes)->setText(yesText);
    box.button(QMessageBox::No)->setText(noText);
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void MessageBox::warn(QWidget *parent, const QString &title, const QString &text)
{
    ask(parent, QMessageBox::Warning, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox *MessageBox::notify(QWidget *parent, QMessageBox *reuse, const QString &title,
                                const QString &text)
{
    s_lastText = text;
    QMessageBox *box = reuse;
    if (!box) {
        box = new QMessageBox(QMessageBox::Warning, title, {}, QMessageBox::Ok, parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal);
        box->setTextFormat(Qt::PlainText);
    }
    box->setText(text);
    box->show();
    return box;
}

} // namespace onedial

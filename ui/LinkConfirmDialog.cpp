#include "LinkConfirmDialog.h"

#include "core/UserText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace onedial {

LinkConfirmDialog::LinkConfirmDialog(const TelUri &link, QWidget *parent)
    : LinkConfirmDialog(link, QString(), parent)
{
    findChild<QLabel *>(QStringLiteral("intro"))->setText(tr("A link asks OneDial to call:"));
}

LinkConfirmDialog::LinkConfirmDialog(const TelUri &link, const QString &site, QWidget *parent)
    : QDialog(parent)
    , m_apiNumber(link.apiForm())
    , m_dialButton(new QPushButton(tr("&Dial"), this))
{
    setWindowTitle(tr("Dial %1?").arg(m_apiNumber));

    auto *intro = new QLabel(
        site.isEmpty()
            ? tr("The OneDial extension in your browser asks to call:")
            : tr("The OneDial extension asks to call a number on %1:").arg(UserText::cleanLine(site)),
        this);
    intro->setObjectName(QStringLiteral("intro"));
    intro->setWordWrap(true);
    auto *number = new QLabel(link.phoneNumber().displayForm(), this);
    number->setAccessibleName(tr("Number to call"));
    number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont large = number->font();
    large.setPointSizeF(large.pointSizeF() * 1.6);
    large.setBold(true);
    number->setFont(large);
    auto *detail = new QLabel(
        tr("Sent to OneNET as %1. Your phone rings first; answer it to be connected.").arg(m_apiNumber),
        this);
    detail->setWordWrap(true);
    for (QLabel *label : {intro, number, detail})
        label->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(number);
    layout->addWidget(detail);
    if (const QString note = link.note(); !note.isEmpty()) {
        // The note comes from whoever made the link: shown as plain, cleaned text.
        auto *noteLabel = new QLabel(UserText::cleanMultiline(note), this);
        noteLabel->setTextFormat(Qt::PlainText);
        noteLabel->setWordWrap(true);
        noteLabel->setAccessibleName(tr("Note"));
        layout->addWidget(noteLabel);
    }

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_dialButton, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // A stray Enter (typed for another window) cancels; a stray click lands on a disabled Dial.
    m_dialButton->setAutoDefault(false);
    m_dialButton->setEnabled(false);
    cancel->setDefault(true);
    cancel->setFocus();
}

void LinkConfirmDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_dialButton->isEnabled())
        QTimer::singleShot(kArmDelayMs, m_dialButton, [button = m_dialButton] { button->setEnabled(true); });
}

} // namespace onedial

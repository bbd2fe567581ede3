#include "LinkConfirmDialog.h"

#include "core/UserText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace onedial {

LinkConfirmDialog::LinkConfirmDialog(const TelUri &link, QWidget *parent)
    : QDialog(parent)
    , m_apiNumber(link.apiForm())
    , m_dialButton(new QPushButton(tr("&Dial"), this))
{
    setWindowTitle(tr("Dial %1?").arg(m_apiNumber));

    auto *intro = new QLabel(tr("A link asks OneDial to call:"), this);
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
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Enter dials (the default button, which also holds the focus); Esc cancels (QDialog).
    m_dialButton->setDefault(true);
    m_dialButton->setFocus();
}

} // namespace onedial

#include "FoldedSection.h"

#include <QFormLayout>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace onedial {

FoldedSection::FoldedSection(const QString &title, const QString &accessibleName, const QString &description,
                             QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QPushButton(title, this))
    , m_contents(new QWidget(this))
    , m_form(new QFormLayout(m_contents))
{
    m_toggle->setCheckable(true);
    m_toggle->setFlat(true);
    m_toggle->setAccessibleName(accessibleName);
    m_toggle->setAccessibleDescription(description);
    m_toggle->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_form->setContentsMargins(0, 0, 0, 0);

    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_toggle, 0, Qt::AlignLeft);
    column->addWidget(m_contents);

    connect(m_toggle, &QPushButton::toggled, this, [this](bool expanded) {
        showState();
        Q_EMIT expandedChanged(expanded);
    });
    showState();
}

bool FoldedSection::isExpanded() const
{
    return m_toggle->isChecked();
}

void FoldedSection::setExpanded(bool expanded)
{
    m_toggle->setChecked(expanded);
}

void FoldedSection::showState()
{
    const bool expanded = m_toggle->isChecked();
    const QStyle::StandardPixmap closed =
        layoutDirection() == Qt::RightToLeft ? QStyle::SP_ArrowLeft : QStyle::SP_ArrowRight;
    m_toggle->setIcon(style()->standardIcon(expanded ? QStyle::SP_ArrowDown : closed));
    m_contents->setVisible(expanded);
}

} // namespace onedial

// A section of a form that is folded away until its button is pressed: settings most people never
// change stay out of sight, one click or key press away. The button is a push button so that
// Enter and Space both press it, and assistive technology reads its checked state as open/closed.
#pragma once

#include <QWidget>

class QFormLayout;
class QPushButton;

namespace onedial {

class FoldedSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FoldedSection)

public:
    // title: the button's text, with its accelerator; description: what the section holds, for
    // assistive technology.
    FoldedSection(const QString &title, const QString &accessibleName, const QString &description,
                  QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    QPushButton *toggle() const { return m_toggle; }
    bool isExpanded() const;
    void setExpanded(bool expanded);

Q_SIGNALS:
    void expandedChanged(bool expanded);

private:
    void showState();

    QPushButton *m_toggle;
    QWidget *m_contents;
    QFormLayout *m_form;
};

} // namespace onedial

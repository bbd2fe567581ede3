// The set-up wizard's last step: tests the account as far as that is possible without placing a
// call (SetupCheck), shows each result as it comes, and says plainly what only a first real call
// can tell.
#pragma once

#include "onenet/SetupCheck.h"

#include <QWizardPage>

#include <array>

class QFormLayout;
class QLabel;
class QPushButton;

namespace onedial {

class AccountForm;

class SetupTestPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupTestPage)

public:
    explicit SetupTestPage(const AccountForm *form, QWidget *parent = nullptr);
    // The form whose account is tested (the wizard has one per kind of account).
    void setForm(const AccountForm *form) { m_form = form; }

    SetupCheck *check() const { return m_check; }
    bool isRunning() const { return m_check->isRunning(); }

    void initializePage() override;
    // The last step, whichever kind of account leads to it.
    int nextId() const override { return -1; }
    void cleanupPage() override;

private:
    struct Line
    {
        QLabel *name = nullptr;
        QLabel *icon = nullptr;
        QLabel *text = nullptr;
    };
    void nameLines(bool gateway);
    void run();
    void showResult(const SetupCheck::Result &result);

    const AccountForm *m_form;
    SetupCheck *m_check;
    std::array<Line, 3> m_lines; // by SetupCheck::Step
    QFormLayout *m_results;
    QLabel *m_advice;
    QPushButton *m_again;
};

} // namespace onedial

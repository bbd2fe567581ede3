// The set-up wizard's last step: tests the account as far as that is possible without placing a
// call (SetupCheck), shows each result as it comes, and says plainly what only a first real call
// can tell.
#pragma once

#include "onenet/SetupCheck.h"

#include <QWizardPage>

#include <array>

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

    SetupCheck *check() const { return m_check; }
    bool isRunning() const { return m_check->isRunning(); }

    void initializePage() override;
    void cleanupPage() override;

private:
    struct Line
    {
        QLabel *icon = nullptr;
        QLabel *text = nullptr;
    };
    void run();
    void showResult(const SetupCheck::Result &result);

    const AccountForm *m_form;
    SetupCheck *m_check;
    std::array<Line, 3> m_lines; // by SetupCheck::Step
    QLabel *m_advice;
    QPushButton *m_again;
};

} // namespace onedial

#include "SetupTestPage.h"

#include "AccountForm.h"
#include "OutcomeIcon.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace onedial {

SetupTestPage::SetupTestPage(const AccountForm *form, QWidget *parent)
    : QWizardPage(parent)
    , m_form(form)
    , m_check(new SetupCheck(this))
    , m_advice(new QLabel(this))
    , m_again(new QPushButton(tr("&Run the test again"), this))
{
    setTitle(tr("Test the set-up"));
    setSubTitle(tr("OneDial checks what it can without placing a call: nothing is sent to the dial service "
                   "and nothing is billed."));

    auto *results = new QFormLayout;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        Line &line = m_lines.at(i);
        line.name = new QLabel(this);
        line.icon = new QLabel(this);
        line.text = new QLabel(this);
        line.text->setWordWrap(true);
        line.text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *row = new QHBoxLayout;
        row->addWidget(line.icon, 0, Qt::AlignTop);
        row->addWidget(line.text, 1);
        results->addRow(line.name, row);
    }
    m_results = results;
    nameLines(false);
    m_advice->setWordWrap(true);
    m_again->setAccessibleName(tr("Run the test again"));
    m_again->setAccessibleDescription(tr("Checks the key, the numbers and the connection once more."));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(results);
    layout->addWidget(m_advice);
    layout->addWidget(m_again, 0, Qt::AlignLeft);
    layout->addStretch();

    connect(m_check, &SetupCheck::stepFinished, this, &SetupTestPage::showResult);
    connect(m_check, &SetupCheck::finished, this, [this](bool allPassed) {
        m_again->setEnabled(true);
        // Even when everything here passed, the appid and the key are only checked by OneNET
        // itself: say so, rather than let a green list suggest the account is proven.
        m_advice->setText(allPassed ? SetupCheck::firstCallAdvice(m_form->account())
                                    : tr("Go back to correct what failed, or finish now and correct it later "
                                         "under Accounts > Manage accounts."));
        m_advice->setVisible(true);
    });
    connect(m_again, &QPushButton::clicked, this, &SetupTestPage::run);
}

void SetupTestPage::initializePage()
{
    run();
}

void SetupTestPage::cleanupPage()
{
    m_check->cancel();
}

void SetupTestPage::nameLines(bool gateway)
{
    // A gateway account's check has no numbers of its own: the gateway says which phone it rings.
    const std::array<QString, 3> names =
        gateway ? std::array<QString, 3>{tr("Gateway token:"), QString(), tr("Gateway:")}
                : std::array<QString, 3>{tr("Access key:"), tr("Numbers:"), tr("Connection:")};
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        m_lines.at(i).name->setText(names.at(i));
    m_results->setRowVisible(int(SetupCheck::Step::Numbers), !gateway);
}

void SetupTestPage::run()
{
    nameLines(m_form->kind() == AccountKind::Gateway);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    for (const Line &line : m_lines) {
        line.icon->setPixmap(outcomeIcon(QStringLiteral("calling")).pixmap(iconSize));
        line.icon->setAccessibleName(tr("Checking"));
        line.text->setText(tr("Checking…"));
    }
    m_advice->setVisible(false);
    m_again->setEnabled(false);
    m_check->start(m_form->account(), AccessKey(m_form->keyText()));
}

void SetupTestPage::showResult(const SetupCheck::Result &result)
{
    const Line &line = m_lines.at(std::size_t(result.step));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    line.icon->setPixmap(
        outcomeIcon(result.passed ? QStringLiteral("accepted") : QStringLiteral("failed")).pixmap(iconSize));
    line.icon->setAccessibleName(result.passed ? tr("Passed") : tr("Failed"));
    line.text->setText(result.message);
}

} // namespace onedial

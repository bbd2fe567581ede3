// The window's side of dialling: which account the window's chooser has picked (a real account or
// one of the sandbox's), and the questions only a window can ask before the dial service gets the
// number: "the last call to this number may have been placed; dial again?". The window, the tray,
// quick dial and links all dial through here; the dial itself is the DialService's.
#pragma once

#include "dial/AccountChoice.h"
#include "dial/DialTarget.h"
#include "history/CallRecord.h"
#include "onenet/DialOutcome.h"

#include <QObject>

#include <functional>
#include <optional>

namespace onedial {

class AccountStore;
class AppServices;
class CredentialStore;
class DialService;

class DialController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialController)

public:
    // An entry of the account chooser: a real account by name, or one of the sandbox's.
    struct Choice
    {
        QString id;
        QString label;
    };
    static const QString kSandboxV1;
    static const QString kSandboxV2;
    // A redial this soon after an "outcome unknown" to the same number asks first.
    static constexpr int kUnknownRedialWindowSecs = 300;

    explicit DialController(AppServices &services, QObject *parent = nullptr);

    AppServices &services() const { return m_services; }
    DialService *dialer() const;
    AccountStore *accounts() const;
    CredentialStore *credentials() const;

    QList<Choice> choices() const;
    QString currentChoice() const;
    void setCurrentChoice(const QString &id);
    // Picks the default account (or keeps the sandbox while it is being tried).
    void chooseDefault();
    // True when the current choice can dial without asking for anything first.
    bool isReady() const;

    // The question asked before redialling a number whose last outcome was unknown; true dials.
    using RedialQuestion = std::function<bool(const DialTarget &target, const CallRecord &unknown)>;
    void setRedialQuestion(RedialQuestion question) { m_redialQuestion = std::move(question); }

    // Dials target with the current choice, after asking when the last dial of its number had an
    // unknown outcome a moment ago. The outcome arrives as dialFinished() with the id returned;
    // nothing when the user chose not to dial after all.
    std::optional<quint64> dial(const DialTarget &target);
    bool isInFlight(const PhoneNumber &number) const;
    void setTimeoutMs(int ms);
    // The numbers of the last calls, newest first, each once.
    QList<DialTarget> recentTargets(int count = 10) const;

Q_SIGNALS:
    void choicesChanged();
    // The current choice changed, or the accounts were edited (chooseDefault() after the accounts
    // dialog): whether it isReady() may have changed.
    void currentChoiceChanged();
    void dialStarted(quint64 id, const onedial::DialTarget &target);
    void dialFinished(quint64 id, const onedial::DialOutcome &outcome, const onedial::DialTarget &target);
    // The current account has no usable key: ask for it (why says what went wrong), then
    // DialService::resume(id), or abandon(id) when the user gives none.
    void keyNeeded(quint64 id, const QString &accountName, const onedial::DialTarget &target,
                   const QString &why);
    void historyAdded(const onedial::CallRecord &record);
    void inFlightChanged();

private:
    AccountChoice accountChoice() const;

    AppServices &m_services;
    QString m_choice;
    RedialQuestion m_redialQuestion;
};

} // namespace onedial

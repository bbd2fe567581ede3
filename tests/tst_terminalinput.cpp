// The access-key prompt on a real terminal: the real onedial executable runs `account add` on a
// pseudo-terminal, turns echo off while it waits for the key, and when the user presses Ctrl+C
// there (or the terminal closes, or the process is told to end) it puts echo back before it
// dies of that signal, so the shell the user returns to still shows what they type.
#include "TestEnvironment.h"

#include <QByteArrayList>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

using namespace onedial;

namespace {

bool echoIsOn(int terminal)
{
    termios settings{};
    return tcgetattr(terminal, &settings) == 0 && (settings.c_lflag & ECHO) != 0;
}

// What the program wrote to its terminal so far.
void drain(int master, QByteArray *output)
{
    char buffer[512];
    ssize_t got = 0;
    while ((got = ::read(master, buffer, sizeof buffer)) > 0)
        output->append(buffer, got);
}

// onedial with the given arguments, on the terminal whose other end is slave, as a shell runs a
// command in the foreground: a session of its own with that terminal as its controlling one.
pid_t startOnTerminal(int slave, const test::TestEnvironment &env, const QStringList &arguments)
{
    QByteArrayList storage;
    storage << test::TestEnvironment::onedialExecutable().toLocal8Bit();
    for (const QString &argument : arguments)
        storage << argument.toLocal8Bit();
    const QStringList variables = env.environment().toStringList();
    const qsizetype argumentCount = storage.size();
    for (const QString &variable : variables)
        storage << variable.toLocal8Bit();
    std::vector<char *> argv;
    std::vector<char *> envp;
    for (qsizetype i = 0; i < storage.size(); ++i)
        (i < argumentCount ? argv : envp).push_back(storage[i].data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);

    const pid_t pid = fork();
    if (pid == 0) {
        setsid();
        ioctl(slave, TIOCSCTTY, 0);
        dup2(slave, STDIN_FILENO);
        dup2(slave, STDOUT_FILENO);
        dup2(slave, STDERR_FILENO);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    return pid;
}

} // namespace

class TestTerminalInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endedAtThePromptRestoresEcho_data();
    void endedAtThePromptRestoresEcho();
};

void TestTerminalInput::endedAtThePromptRestoresEcho_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<bool>("typed");
    QTest::newRow("Ctrl+C") << SIGINT << true;
    QTest::newRow("terminal closed") << SIGHUP << false;
    QTest::newRow("told to end") << SIGTERM << false;
}

void TestTerminalInput::endedAtThePromptRestoresEcho()
{
    QFETCH(int, signal);
    QFETCH(bool, typed);
    test::TestEnvironment env;
    QVERIFY(env.isValid());

    int master = -1;
    int slave = -1;
    QVERIFY(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
    const auto closeTerminal = qScopeGuard([master, slave] {
        ::close(master);
        ::close(slave);
    });
    QVERIFY(fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) == 0);
    QVERIFY2(echoIsOn(slave), "a new terminal echoes");

    const pid_t pid = startOnTerminal(
        slave, env,
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("desk"), QStringLiteral("--api"),
         QStringLiteral("v1"), QStringLiteral("--appid"), QStringLiteral("0b7e0000000000000000000000000001"),
         QStringLiteral("--sponsor"), QStringLiteral("075528000003"), QStringLiteral("--caller"),
         QStringLiteral("13800138000")});
    QVERIFY(pid > 0);
    auto reap = qScopeGuard([pid] {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    });

    // The prompt, then echo off: the program now waits for the key.
    QByteArray output;
    QTRY_VERIFY2_WITH_TIMEOUT((drain(master, &output), output.contains("Access key for desk: ")),
                              output.constData(), 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(!echoIsOn(slave), output.constData(), 10000);
    // Half a key typed (not echoed), then the signal.
    QCOMPARE(::write(master, "c2VjcmV0", 8), ssize_t(8));
    if (typed)
        QCOMPARE(::write(master, "\x03", 1), ssize_t(1)); // the terminal sends SIGINT
    else
        QCOMPARE(::kill(pid, signal), 0);

    int status = 0;
    bool ended = false;
    // Once: QTRY_VERIFY evaluates its condition again after it held, and a reaped child is gone.
    const auto reaped = [pid, &status, &ended] {
        return ended = ended || ::waitpid(pid, &status, WNOHANG) == pid;
    };
    QTRY_VERIFY_WITH_TIMEOUT(reaped(), 10000);
    reap.dismiss();
    drain(master, &output);
    QVERIFY2(WIFSIGNALED(status), qPrintable(QStringLiteral("exit status %1").arg(status)));
    QCOMPARE(WTERMSIG(status), signal);
    QVERIFY2(echoIsOn(slave), "echo is still off after the program ended");
    QVERIFY2(!output.contains("c2VjcmV0"), output.constData());
}

QTEST_GUILESS_MAIN(TestTerminalInput)
#include "tst_terminalinput.moc"

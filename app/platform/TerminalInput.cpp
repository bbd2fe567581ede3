#include "TerminalInput.h"

#include <cstdio>
#include <iterator>
#include <memory>
#include <string>

#if defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#else
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace onedial {

namespace {

constexpr size_t kMaxSecretBytes = 4096;

#if defined(Q_OS_WIN)
// The console mode to put back if the user presses Ctrl+C or closes the console at the prompt.
HANDLE g_input = nullptr;
DWORD g_savedMode = 0;

BOOL WINAPI restoreConsoleOnExit(DWORD /*event*/)
{
    SetConsoleMode(g_input, g_savedMode);
    return FALSE; // and let the default handler end the process
}
#else
// What a signal that ends the process at the prompt needs to put the terminal back: it must not
// be left without echo for the shell the user returns to. Set only while echo is off.
termios g_savedTerminal{};
constexpr int kEndingSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void restoreTerminalAndDie(int signal)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    // Then end the way the signal would have ended the process: the shell sees "killed by SIGINT".
    struct sigaction defaultAction = {};
    defaultAction.sa_handler = SIG_DFL;
    sigemptyset(&defaultAction.sa_mask);
    sigaction(signal, &defaultAction, nullptr);
    raise(signal);
}
#endif

// Turns terminal echo off for its lifetime, and puts it back even when a signal (Ctrl+C, the
// terminal closing) ends the process meanwhile.
class EchoOff final
{
public:
    EchoOff()
    {
#if defined(Q_OS_WIN)
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        if (GetConsoleMode(m_handle, &m_mode)) {
            g_input = m_handle;
            g_savedMode = m_mode;
            m_handlersInstalled = SetConsoleCtrlHandler(restoreConsoleOnExit, TRUE);
            m_active = SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
        }
#else
        if (tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        g_savedTerminal = m_saved;
        // Before echo goes off, so there is no moment without a way back.
        struct sigaction restore = {};
        restore.sa_handler = restoreTerminalAndDie;
        sigemptyset(&restore.sa_mask);
        for (int signal : kEndingSignals)
            sigaddset(&restore.sa_mask, signal);
        for (size_t i = 0; i < std::size(kEndingSignals); ++i)
            sigaction(kEndingSignals[i], &restore, &m_previous[i]);
        m_handlersInstalled = true;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
#endif
    }
    ~EchoOff()
    {
#if defined(Q_OS_WIN)
        if (m_active)
            SetConsoleMode(m_handle, m_mode);
        if (m_handlersInstalled)
            SetConsoleCtrlHandler(restoreConsoleOnExit, FALSE);
#else
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
        if (m_handlersInstalled) {
            for (size_t i = 0; i < std::size(kEndingSignals); ++i)
                sigaction(kEndingSignals[i], &m_previous[i], nullptr);
        }
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
    bool m_handlersInstalled = false;
#if defined(Q_OS_WIN)
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_saved{};
    struct sigaction m_previous[std::size(kEndingSignals)] = {};
#endif
};

} // namespace

bool TerminalInput::stdinIsTerminal()
{
#if defined(Q_OS_WIN)
    return _isatty(_fileno(stdin));
#else
    return isatty(STDIN_FILENO) == 1;
#endif
}

QByteArray TerminalInput::readSecret(const QString &prompt)
{
    const bool terminal = stdinIsTerminal();
    std::string line;
    {
        std::unique_ptr<EchoOff> echoOff;
        if (terminal) {
            std::fputs(prompt.toLocal8Bit().constData(), stderr);
            std::fflush(stderr);
            echoOff = std::make_unique<EchoOff>();
        }
        int c = 0;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n') {
            if (line.size() < kMaxSecretBytes)
                line.push_back(char(c));
        }
    }
    if (terminal) {
        std::fputc('\n', stderr);
        std::fflush(stderr);
    }
    QByteArray secret(line.data(), qsizetype(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return secret.trimmed();
}

} // namespace onedial

#include "TerminalInput.h"

#include <cstdio>
#include <string>

#if defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace onedial {

namespace {

constexpr size_t kMaxSecretBytes = 4096;

// Turns terminal echo off for its lifetime.
class EchoOff final
{
public:
    EchoOff()
    {
#if defined(Q_OS_WIN)
        m_handle = GetStdHandle(STD_INPUT_HANDLE);
        if (GetConsoleMode(m_handle, &m_mode))
            m_active = SetConsoleMode(m_handle, m_mode & ~DWORD(ENABLE_ECHO_INPUT));
#else
        if (tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#endif
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
#if defined(Q_OS_WIN)
        SetConsoleMode(m_handle, m_mode);
#else
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
#if defined(Q_OS_WIN)
    HANDLE m_handle = nullptr;
    DWORD m_mode = 0;
#else
    termios m_saved{};
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

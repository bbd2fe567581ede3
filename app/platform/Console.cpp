#include "Console.h"

#include <QtGlobal>

#if defined(Q_OS_WIN)
#include <cstdio>
#include <windows.h>
#endif

namespace onedial::platform {

#if defined(Q_OS_WIN)

namespace {

bool leadsSomewhere(DWORD which)
{
    const HANDLE handle = GetStdHandle(which);
    return handle != nullptr && handle != INVALID_HANDLE_VALUE;
}

// Opens the console's input or output and makes it the standard stream `which` and `stream`.
void joinConsole(DWORD which, const wchar_t *device, const wchar_t *mode, FILE *stream)
{
    const DWORD access = which == STD_INPUT_HANDLE ? GENERIC_READ | GENERIC_WRITE : GENERIC_WRITE;
    const HANDLE handle =
        CreateFileW(device, access, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
    if (handle == INVALID_HANDLE_VALUE)
        return;
    SetStdHandle(which, handle);
    FILE *reopened = nullptr;
    _wfreopen_s(&reopened, device, mode, stream);
}

} // namespace

void useParentConsole()
{
    const bool input = leadsSomewhere(STD_INPUT_HANDLE);
    const bool output = leadsSomewhere(STD_OUTPUT_HANDLE);
    const bool error = leadsSomewhere(STD_ERROR_HANDLE);
    if (!(input && output && error) && AttachConsole(ATTACH_PARENT_PROCESS)) {
        if (!input)
            joinConsole(STD_INPUT_HANDLE, L"CONIN$", L"r", stdin);
        if (!output)
            joinConsole(STD_OUTPUT_HANDLE, L"CONOUT$", L"w", stdout);
        if (!error)
            joinConsole(STD_ERROR_HANDLE, L"CONOUT$", L"w", stderr);
    }
    SetConsoleOutputCP(CP_UTF8);
}

#else

void useParentConsole()
{}

#endif

} // namespace onedial::platform

// onedial_timed_run LOG PROGRAM [ARGUMENT...]: starts PROGRAM (its output to LOG), waits for it
// and prints "<milliseconds> <peak resident KiB>" from its start to its exit.
//
// Why a separate, tiny program: Linux counts in a child's ru_maxrss the memory of the process
// that started it, up to the exec, so a child of onedial_bench (which has held 100,000
// contacts) would report the bench's peak instead of its own. This launcher's few hundred KiB
// are below any Qt window's. No Qt here, for the same reason.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

namespace {

double nowMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s LOG PROGRAM [ARGUMENT...]\n", argv[0]);
        return 2;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);

    const double start = nowMs();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[2], &actions, nullptr, argv + 2, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        std::fprintf(stderr, "could not start %s: %s\n", argv[2], std::strerror(spawned));
        return 1;
    }
    int status = 0;
    rusage usage{};
    pid_t waited = 0;
    do {
        waited = wait4(pid, &status, 0, &usage);
    } while (waited < 0 && errno == EINTR);
    const double ms = nowMs() - start;
    if (waited != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s ended with status %d\n", argv[2], status);
        return 1;
    }
    std::printf("%.3f %ld\n", ms, usage.ru_maxrss); // ru_maxrss is in KiB on Linux
    return 0;
}

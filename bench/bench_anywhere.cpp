// onedial_bench_anywhere: the figures of dialling from anywhere (issue 18). A program run by hand,
// never a test; it needs an X server (run it inside tests/with-xvfb-tray.sh, or on an X11 desktop),
// xclip, and for the extension's figure Node.js with the extension's packages and Chromium.
// Prints one "name: value unit" line per figure, like onedial_bench:
//
//   shortcut_to_quick_dial_*      the global shortcut pressed through the X server (XTest, as a
//                                 keyboard would: Ctrl+Alt+D down and up), with a number
//                                 selected in another program (xclip owns PRIMARY), timed to
//                                 quick dial's first paint showing that number; 30 presses after
//                                 3 not counted, in the real window and tray of a sandbox OneDial
//   number_finder_*               NumberFinder over a selection: a line with one number, a page
//                                 of 2,000 characters full of numbers, dates and amounts, and
//                                 the 20,000 characters it reads at most (a whole page selected;
//                                 it stops at 200 numbers)
//   extension_scan_10000_*        the browser extension linking the 10,000 numbers of its large
//                                 test page in headless Chromium (the extension's npm run bench:
//                                 median of 5 page loads, its own script time, the longest pause)
//
//   onedial_bench_anywhere [--quick]
#include "Figures.h"
#include "GlobalShortcut.h"
#include "MainWindow.h"
#include "QuickDialPopup.h"
#include "TrayController.h"
#include "core/AppInfo.h"
#include "phone/NumberFinder.h"
#include "services/AppServices.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <cstdio>
#include <cstring>

using namespace onedial;
using namespace onedial::bench;

namespace {

// Notes the time of the popup's first paint after it is shown.
class FirstPaint final : public QObject
{
public:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !painted) {
            painted = true;
            paintedAtNs = clock.nsecsElapsed();
        }
        return false;
    }
    QElapsedTimer clock;
    bool painted = false;
    qint64 paintedAtNs = 0;
};

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitForExposed(QWidget *widget)
{
    QElapsedTimer limit;
    limit.start();
    while (limit.elapsed() < 10000) {
        if (widget->windowHandle() && widget->windowHandle()->isExposed())
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return false;
}

bool selectPrimary(const QString &text)
{
    QProcess xclip;
    xclip.start(QStringLiteral("xclip"), {QStringLiteral("-selection"), QStringLiteral("primary")});
    if (!xclip.waitForStarted(5000))
        return false;
    xclip.write(text.toUtf8());
    xclip.closeWriteChannel();
    return xclip.waitForFinished(5000) && xclip.exitCode() == 0;
}

void pressShortcut(Display *display)
{
    const KeyCode control = XKeysymToKeycode(display, XK_Control_L);
    const KeyCode alt = XKeysymToKeycode(display, XK_Alt_L);
    const KeyCode d = XKeysymToKeycode(display, XK_d);
    for (const KeyCode code : {control, alt, d})
        XTestFakeKeyEvent(display, code, True, CurrentTime);
    for (const KeyCode code : {d, alt, control})
        XTestFakeKeyEvent(display, code, False, CurrentTime);
    XFlush(display);
}

int shortcutFigures(bool quick)
{
    Display *display = XOpenDisplay(nullptr);
    if (!display) {
        std::fprintf(stderr, "no X display: run inside tests/with-xvfb-tray.sh\n");
        return 1;
    }
    auto *services = new AppServices({.sandbox = true, .databasePath = {}});
    MainWindow window(*services);
    services->setParent(&window);
    TrayController tray(&window);
    window.show();
    if (!waitForExposed(&window)) {
        std::fprintf(stderr, "the window did not show\n");
        return 1;
    }
    const QString number = QStringLiteral("138-0013-8000");
    if (!selectPrimary(QStringLiteral("客户王经理的手机是 ") + number + QStringLiteral("，请尽快回电"))) {
        std::fprintf(stderr, "xclip could not select the text\n");
        return 1;
    }
    const int warmUp = 3;
    const int counted = quick ? 10 : 30;
    std::vector<double> samples;
    FirstPaint paint;
    for (int i = 0; i < warmUp + counted; ++i) {
        QuickDialPopup *popup = tray.quickDial();
        if (popup)
            popup->installEventFilter(&paint);
        paint.painted = false;
        paint.clock.start();
        pressShortcut(display);
        QElapsedTimer limit;
        limit.start();
        while (limit.elapsed() < 5000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            popup = tray.quickDial();
            if (popup && popup->isVisible() && popup->field()->text() == number) {
                // The first press creates the popup: its paint comes with this same show.
                popup->installEventFilter(&paint);
                if (paint.painted)
                    break;
            }
        }
        if (!paint.painted) {
            std::fprintf(stderr, "quick dial did not open after press %d\n", i + 1);
            return 1;
        }
        if (i >= warmUp)
            samples.push_back(double(paint.paintedAtNs) / 1e6);
        tray.quickDial()->close();
        waitMs(int(GlobalShortcut::kRepeatMs) + 50);
    }
    print("shortcut_to_quick_dial_median", percentile(samples, 0.5), "ms");
    print("shortcut_to_quick_dial_p90", percentile(samples, 0.9), "ms");
    print("shortcut_to_quick_dial_max", percentile(samples, 1.0), "ms");
    XCloseDisplay(display);
    return 0;
}

void finderFigures()
{
    const QString line = QStringLiteral("客户王经理的手机是 138-0013-8000，请尽快回电");
    QString page;
    for (int i = 0; page.size() < 2000; ++i)
        page += QStringLiteral("第%1位客户，电话 139%2，订单 2023-11-%3 金额 ¥%4.00。")
                    .arg(i)
                    .arg(10000000 + i * 7919, 8, 10, QLatin1Char('0'))
                    .arg(i % 28 + 1)
                    .arg(i * 13);
    QString whole;
    while (whole.size() < NumberFinder::kMaxTextLength)
        whole += page;
    const struct
    {
        const char *name;
        const QString &text;
        int runs;
    } cases[] = {{"number_finder_one_line", line, 2000},
                 {"number_finder_2000_chars", page, 100},
                 {"number_finder_20000_chars", whole, 10}};
    for (const auto &c : cases) {
        std::vector<double> samples;
        int found = 0;
        for (int i = 0; i < c.runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            found = int(NumberFinder::find(c.text).size());
            samples.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        char name[96];
        std::snprintf(name, sizeof name, "%s_median (%d numbers)", c.name, found);
        print(name, percentile(samples, 0.5), "ms");
    }
}

void extensionFigures()
{
    const QString extension = QStringLiteral(ONEDIAL_SOURCE_DIR "/extension");
    QProcess bench;
    bench.setWorkingDirectory(extension);
    bench.start(QStringLiteral("node"), {QStringLiteral("test/browser/bench.mjs")});
    if (!bench.waitForFinished(10 * 60 * 1000) || bench.exitCode() != 0) {
        std::fprintf(stderr,
                     "the extension's bench did not run (npm ci and npm run build in %s first):\n%s\n",
                     qPrintable(extension), bench.readAllStandardError().constData());
        return;
    }
    QJsonObject figures;
    for (const QByteArray &line : bench.readAllStandardOutput().split('\n')) {
        if (line.startsWith('{'))
            figures = QJsonDocument::fromJson(line).object();
    }
    print("extension_scan_10000_median", figures.value(QLatin1String("scan_ms_10000")).toDouble(-1), "ms");
    print("extension_scan_10000_script", figures.value(QLatin1String("busy_ms_median")).toDouble(-1), "ms");
    print("extension_scan_10000_longest_pause",
          figures.value(QLatin1String("longest_page_pause_ms_median")).toDouble(-1), "ms");
}

} // namespace

int main(int argc, char *argv[])
{
    const bool quick = argc >= 2 && !std::strcmp(argv[1], "--quick");
    // A throw-away profile: the bench never touches its runner's settings, keychain or OneDial.
    QTemporaryDir home;
    for (const char *variable :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        QByteArray path = home.path().toUtf8();
        if (std::strcmp(variable, "HOME") != 0)
            path += '/' + QByteArray(variable);
        qputenv(variable, path);
    }
    const QString runtime = home.path() + QStringLiteral("/run");
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
    QApplication app(argc, argv);
    setUpApplicationIdentity();
    finderFigures();
    const int status = shortcutFigures(quick);
    extensionFigures();
    return status;
}

#include "WindowBench.h"

#include "Figures.h"
#include "MainWindow.h"
#include "contacts/ContactIndex.h"
#include "contacts/ContactModel.h"
#include "onenet/SandboxServer.h"
#include "services/AppServices.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QLineEdit>
#include <QPropertyAnimation>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>

namespace onedial::bench {

namespace {

// Sits on the application object and sees every event the main thread delivers: all of them
// are counted (to tell when the event loop has nothing left to do), paint events of one widget,
// and while the window idles, timer events by who receives them and the other events by type.
class EventCounter final : public QObject
{
public:
    explicit EventCounter(QObject *parent)
        : QObject(parent)
    {}

    quint64 events() const { return m_events; }
    int timerEvents() const { return m_timerEvents; }
    int caretEvents() const { return m_caretEvents; }
    int paints() const { return m_paints; }
    const std::map<QString, int> &timerReceivers() const { return m_timerReceivers; }
    // Events other than timers while idle, by type: what else woke the event loop.
    const std::map<int, int> &otherEvents() const { return m_otherEvents; }

    void watchPaintsOf(const QObject *widget) { m_painted = widget; }
    // Counts timer and other events afresh until endIdle(), leaving out the timer events of
    // ignored (the bench's own timer).
    void beginIdle(const QObject *ignored)
    {
        m_ignored = ignored;
        m_timerEvents = 0;
        m_caretEvents = 0;
        m_timerReceivers.clear();
        m_otherEvents.clear();
        m_idle = true;
    }
    void endIdle() { m_idle = false; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        ++m_events;
        if (event->type() == QEvent::Paint && watched == m_painted)
            ++m_paints;
        if (!m_idle)
            return QObject::eventFilter(watched, event);
        if (event->type() != QEvent::Timer)
            ++m_otherEvents[int(event->type())];
        else if (watched != m_ignored) {
            ++m_timerEvents;
            ++m_timerReceivers[describe(watched)];
            // The objects behind QLineEdit and QPlainTextEdit whose timer is the caret's blink.
            if (watched->inherits("QWidgetLineControl") || watched->inherits("QWidgetTextControl"))
                ++m_caretEvents;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    // The receiver and its parents, with names where they have one, so that a timer can be
    // traced to the widget or object that owns it.
    static QString describe(const QObject *object)
    {
        QStringList chain;
        for (int depth = 0; object && depth < 5; object = object->parent(), ++depth) {
            QString part = QString::fromLatin1(object->metaObject()->className());
            if (!object->objectName().isEmpty())
                part += QLatin1Char(' ') + object->objectName();
            else if (object->isWidgetType() &&
                     !static_cast<const QWidget *>(object)->accessibleName().isEmpty())
                part += QStringLiteral(" \"%1\"").arg(static_cast<const QWidget *>(object)->accessibleName());
            chain << part;
        }
        return chain.join(QStringLiteral(" < "));
    }

    const QObject *m_ignored = nullptr;
    const QObject *m_painted = nullptr;
    bool m_idle = false;
    quint64 m_events = 0;
    int m_timerEvents = 0;
    int m_caretEvents = 0;
    int m_paints = 0;
    std::map<QString, int> m_timerReceivers;
    std::map<int, int> m_otherEvents;
};

// Notes the time of the first paint of the widget it watches.
class FirstPaintClock final : public QObject
{
public:
    FirstPaintClock(QObject *parent, const QElapsedTimer &timer, std::function<void(double)> painted)
        : QObject(parent)
        , m_timer(timer)
        , m_painted(std::move(painted))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            m_painted(msSince(m_timer));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_timer;
    std::function<void(double)> m_painted;
    bool m_seen = false;
};

class WindowBench final
{
    Q_DISABLE_COPY_MOVE(WindowBench)

public:
    explicit WindowBench(bool quick)
        : m_quick(quick)
        , m_counter(new EventCounter(qApp))
    {
        qApp->installEventFilter(m_counter);
    }

    int run();

private:
    bool startWindow();
    void settle();
    void idleTimers(const char *figure);
    void listTimersAndAnimations() const;
    bool refilter();
    void typeInto(QLineEdit *field, const QString &text);
    // Not inlined, so that a profiler can single the dials out
    // (valgrind --tool=callgrind --toggle-collect='*WindowBench::dial*').
    Q_NEVER_INLINE bool dial();

    bool m_quick;
    EventCounter *m_counter;
    std::unique_ptr<MainWindow> m_window;
};

int WindowBench::run()
{
    if (!startWindow())
        return 1;
    idleTimers("idle_timer_events_2s");
    // Hidden to the tray: nothing is shown, so nothing may blink or tick.
    m_window->hide();
    idleTimers("idle_timer_events_2s_window_hidden");
    m_window->show();
    // Shown but in the background, behind the window the user works in: the search field keeps
    // the keyboard focus of its window, but no caret blinks in an inactive window.
    {
        QWidget elsewhere;
        elsewhere.resize(320, 200);
        elsewhere.show();
        elsewhere.activateWindow();
        idleTimers("idle_timer_events_2s_window_inactive");
    }
    m_window->activateWindow();
    if (!refilter())
        return 1;
    // After the load and the searches: what the running app needs with 100,000 contacts.
    print("rss_window_100k", statusMiB("VmRSS:"), "MiB");
    print("peak_rss_window_100k", statusMiB("VmHWM:"), "MiB");
    // Where it goes: the index of the contacts by part, then the process's memory by kind.
    const ContactIndex::Footprint index = m_window->contactModel()->contactIndex()->footprint();
    constexpr double kMiB = 1024.0 * 1024.0;
    print("window_index_contacts_100k", double(index.contacts) / kMiB, "MiB");
    print("window_index_text_100k", double(index.text) / kMiB, "MiB");
    print("window_index_pinyin_100k", double(index.pinyin) / kMiB, "MiB");
    print("window_index_digits_100k", double(index.digits) / kMiB, "MiB");
    print("window_index_total_100k", double(index.total()) / kMiB, "MiB");
    print("rss_window_100k_anonymous", statusMiB("RssAnon:"), "MiB");
    print("rss_window_100k_files", statusMiB("RssFile:"), "MiB");
    if (!dial())
        return 1;
    // A window that has dialled has more to keep track of; it must go quiet again too.
    idleTimers("idle_timer_events_2s_after_dials");
    return 0;
}

// Shows the window as onedial does and waits for its first paint and for the contacts.
bool WindowBench::startWindow()
{
    QElapsedTimer timer;
    timer.start();
    double firstPaint = -1;
    double loaded = -1;
    int count = 0;
    // As GuiApp puts it together; the window owns the services here, so they are destroyed last.
    // Without the sandbox, as a user with an account starts it: the sandbox's HTTP server (Qt
    // HttpServer) loads the TLS plug-in and OpenSSL, 4 MiB, and is started before the dials.
    auto *services = new AppServices({.sandbox = false, .databasePath = {}, .openDatabaseLater = true});
    m_window = std::make_unique<MainWindow>(*services);
    services->setParent(m_window.get());
    ContactModel *contacts = m_window->contactModel();

    QEventLoop loop;
    QObject::connect(contacts, &ContactModel::loaded, &loop, [&](int contactCount) {
        loaded = msSince(timer);
        count = contactCount;
        if (firstPaint >= 0)
            loop.quit();
    });
    QObject::connect(contacts, &ContactModel::loadFailed, &loop, [&loop] { loop.exit(1); });
    auto *clock = new FirstPaintClock(m_window.get(), timer, [&](double ms) {
        firstPaint = ms;
        if (loaded >= 0)
            loop.quit();
    });
    m_window->installEventFilter(clock);
    QTimer giveUp; // an object of this function, so that nothing of it is left to fire later
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, [&loop] { loop.exit(2); });
    giveUp.start(120000);
    m_window->show();
    // A window just opened by its user is the active one, with the keyboard in the search field.
    m_window->activateWindow();
    if (loop.exec() != 0 || count == 0) {
        std::fprintf(stderr, "the window did not load its contacts\n");
        return false;
    }
    print("window_first_paint_in_process_100k", firstPaint, "ms");
    print("window_contacts_loaded_100k", loaded, "ms");
    print("window_contacts", double(count), "contacts");
    return true;
}

// Delivers everything the event loop has ready, until a pass delivers nothing: the window has
// then finished reacting (layout, repaint) to whatever was done to it.
void WindowBench::settle()
{
    for (int pass = 0; pass < 10000; ++pass) {
        const quint64 before = m_counter->events();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (m_counter->events() == before)
            return;
    }
}

void WindowBench::idleTimers(const char *figure)
{
    settle();
    // A second for what the last action set going to end by itself (a fade, a scroll), then
    // two seconds of counting. The bench's own timer, the one that ends each wait, is not counted.
    QTimer stop;
    stop.setSingleShot(true);
    QEventLoop loop;
    QObject::connect(&stop, &QTimer::timeout, &loop, &QEventLoop::quit);
    stop.start(1000);
    loop.exec();

    // Each pass of the loop announces that it is about to wait: in an idle app the only pass is
    // the one the bench's own timer ends.
    int passes = 0;
    QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, &loop,
                     [&passes] { ++passes; });
    m_counter->beginIdle(&stop);
    stop.start(2000);
    loop.exec();
    m_counter->endIdle();

    const QString figureName = QString::fromLatin1(figure);
    print(figure, m_counter->timerEvents(), "count");
    // The caret of the focused search field blinks (Qt's text controls, at the desktop's
    // cursor flash rate) in an active window; everything else is timers of OneDial's own.
    print(qPrintable(figureName + QStringLiteral("_excluding_caret_blink")),
          m_counter->timerEvents() - m_counter->caretEvents(), "count");
    if (figureName == QLatin1String("idle_timer_events_2s"))
        print("idle_event_loop_wakeups_2s", std::max(0, passes - 1), "count");
    for (const auto &[receiver, events] : m_counter->timerReceivers())
        std::fprintf(stderr, "  %s: %d timer event(s) to %s\n", figure, events, qPrintable(receiver));
    for (const auto &[type, events] : m_counter->otherEvents())
        std::fprintf(stderr, "  %s: also %d event(s) of QEvent::Type %d\n", figure, events, type);
    if (m_counter->timerEvents() > 0)
        listTimersAndAnimations();
}

// Timers registered with the event dispatcher for the window's objects, firing or not yet
// (where a timer event above comes from, and which ones wait to fire later), and the running
// animations (whose ticks reach QDefaultAnimationDriver, not their own object).
void WindowBench::listTimersAndAnimations() const
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    QList<QObject *> objects{qApp};
    objects += qApp->findChildren<QObject *>();
    for (QWidget *widget : QApplication::topLevelWidgets())
        objects += QList<QObject *>{widget} + widget->findChildren<QObject *>();
    for (QObject *object : std::as_const(objects)) {
        for (const QAbstractEventDispatcher::TimerInfo &info : dispatcher->registeredTimers(object)) {
            std::fprintf(stderr, "  registered: every %d ms on %s (parent %s)\n", info.interval,
                         object->metaObject()->className(),
                         object->parent() ? object->parent()->metaObject()->className() : "none");
        }
        if (auto *animation = qobject_cast<QPropertyAnimation *>(object);
            animation && animation->state() == QAbstractAnimation::Running) {
            std::fprintf(stderr, "  running: animation of %s.%s\n",
                         animation->targetObject() ? animation->targetObject()->metaObject()->className()
                                                   : "?",
                         animation->propertyName().constData());
        }
    }
}

// One key as typing gives it: a character added at the end, a backspace, or (for a jump
// between unrelated texts) the whole text replaced.
void WindowBench::typeInto(QLineEdit *field, const QString &text)
{
    const QString current = field->text();
    field->end(false);
    if (text.size() == current.size() + 1 && text.startsWith(current))
        field->insert(text.right(1));
    else if (text.size() + 1 == current.size() && current.startsWith(text))
        field->backspace();
    else
        field->setText(text);
}

bool WindowBench::refilter()
{
    // The field a screen reader announces as the search, as a user would find it.
    QLineEdit *search = nullptr;
    for (QLineEdit *field : m_window->findChildren<QLineEdit *>()) {
        if (field->accessibleName() == QLatin1String("Search contacts"))
            search = field;
    }
    if (!search) {
        std::fprintf(stderr, "the window has no field named \"Search contacts\"\n");
        return false;
    }
    QWidget *viewport = m_window->contactView()->viewport();
    m_counter->watchPaintsOf(viewport);

    const int rounds = m_quick ? 1 : 5;
    std::vector<double> keystrokes;
    int unpainted = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const QStringList &sequence : typingSequences()) {
            search->clear(); // every contact again, as before the user starts typing
            settle();
            for (const QString &typed : sequence) {
                const int paintsBefore = m_counter->paints();
                QElapsedTimer timer;
                timer.start();
                typeInto(search, typed);
                settle();
                keystrokes.push_back(msSince(timer));
                if (m_counter->paints() == paintsBefore)
                    ++unpainted;
            }
        }
    }
    search->clear();
    settle();
    print("window_refilter_keystroke_100k_median", percentile(keystrokes, 0.5), "ms");
    print("window_refilter_keystroke_100k_p95", percentile(keystrokes, 0.95), "ms");
    print("window_refilter_keystroke_100k_max", percentile(keystrokes, 1.0), "ms");
    if (unpainted > 0)
        std::fprintf(stderr, "  %d of %zu keystrokes were timed without a repaint of the contact table\n",
                     unpainted, keystrokes.size());
    return true;
}

bool WindowBench::dial()
{
    DialController *controller = m_window->controller();
    if (!m_window->services().startSandbox()) {
        std::fprintf(stderr, "the sandbox did not start\n");
        return false;
    }
    SandboxServer *sandbox = m_window->sandbox();
    QElapsedTimer timer;
    double arrived = -1;
    QObject context; // ends the connection below with this function
    QObject::connect(sandbox, &SandboxServer::requestReceived, &context, [&] {
        if (arrived < 0)
            arrived = msSince(timer);
    });

    const int dials = m_quick ? 10 : 50;
    double first = -1;
    std::vector<double> samples;
    for (int i = 0; i <= dials; ++i) {
        // Distinct numbers, none of them a sandbox scenario: every dial is accepted.
        const QString number = QStringLiteral("139 0001 %1").arg(i, 4, 10, QLatin1Char('0'));
        QEventLoop loop;
        bool accepted = false;
        QObject::connect(controller, &DialController::dialFinished, &loop,
                         [&](quint64, const DialOutcome &outcome) {
                             accepted = outcome.outcome == OutcomeClass::Accepted;
                             loop.quit();
                         });
        QTimer giveUp;
        giveUp.setSingleShot(true);
        QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
        giveUp.start(20000);
        arrived = -1;
        timer.start();
        controller->dial({PhoneNumber::parse(number), {}, std::nullopt});
        loop.exec();
        if (!accepted || arrived < 0) {
            std::fprintf(stderr, "the sandbox dial to %s was not accepted\n", qPrintable(number));
            return false;
        }
        // The first dial also starts the network stack's thread; it is reported on its own.
        if (i == 0)
            first = arrived;
        else
            samples.push_back(arrived);
    }
    print("dial_to_server_first", first, "ms");
    print("dial_to_server_median", percentile(samples, 0.5), "ms");
    print("dial_to_server_p95", percentile(samples, 0.95), "ms");
    return true;
}

} // namespace

int runWindowBench(bool quick)
{
    WindowBench bench(quick);
    return bench.run();
}

} // namespace onedial::bench

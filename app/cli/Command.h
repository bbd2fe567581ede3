// One command-line command. It starts from the event loop and reports its exit status once.
#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>

namespace onedial {

class Command : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Command)

public:
    explicit Command(QStringList arguments, QObject *parent = nullptr)
        : QObject(parent)
        , m_arguments(std::move(arguments))
    {}
    virtual void start() = 0;

Q_SIGNALS:
    void done(int exitStatus);

protected:
    // Parses m_arguments into parser; prints the problem or the help and returns false when the
    // command should stop (done() has then been emitted).
    bool parse(QCommandLineParser &parser, const QString &usageLine);
    void finish(int exitStatus);

    QStringList m_arguments; // starts with the program name, then the command's own words

private:
    bool m_finished = false;
};

} // namespace onedial

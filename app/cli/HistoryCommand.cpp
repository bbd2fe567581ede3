#include "HistoryCommand.h"

#include "Output.h"
#include "history/HistoryStore.h"
#include "storage/Database.h"

#include <QJsonArray>

namespace onedial {

void HistoryCommand::start()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the calls made from this computer, newest first."));
    parser.addPositionalArgument(QStringLiteral("FILTER"),
                                 tr("Only calls whose name, number, account, ids or messages contain this."),
                                 QStringLiteral("[FILTER]"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON array."));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("Print at most N calls."),
                                   QStringLiteral("N"));
    parser.addOptions({json, limit});
    if (!parse(parser, QStringLiteral("onedial history [FILTER] [--json] [--limit N]")))
        return;
    if (parser.positionalArguments().size() > 1) {
        Output::err(tr("Give at most one filter. Put quotes around a filter with spaces."));
        finish(ExitNotSent);
        return;
    }
    int maximum = -1;
    if (parser.isSet(limit)) {
        bool ok = false;
        maximum = parser.value(limit).toInt(&ok);
        if (!ok || maximum < 1) {
            Output::err(tr("--limit takes a whole number from 1 up."));
            finish(ExitNotSent);
            return;
        }
    }

    Database database;
    StorageResult status = database.open();
    QList<CallRecord> records;
    if (status.ok())
        records = HistoryStore(database).list(parser.positionalArguments().value(0), maximum, &status);
    if (!status.ok()) {
        Output::err(status.message);
        finish(ExitNotSent);
        return;
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const CallRecord &record : std::as_const(records))
            array.append(record.toJson());
        Output::json(array);
        finish(ExitAccepted);
        return;
    }
    if (records.isEmpty()) {
        Output::out(tr("No calls in the history."));
        finish(ExitAccepted);
        return;
    }
    for (const CallRecord &record : std::as_const(records)) {
        QString line =
            tr("%1  %2  %3")
                .arg(record.time.toUTC().toString(Qt::ISODate), record.outcomeText(), record.callee);
        if (!record.contactName.isEmpty())
            line += QStringLiteral(" (") + record.contactName + QLatin1Char(')');
        if (!record.account.isEmpty())
            line += tr("  account %1").arg(record.account);
        if (!record.callId.isEmpty())
            line += tr("  call_id %1").arg(record.callId);
        if (!record.requestId.isEmpty())
            line += tr("  request_id %1").arg(record.requestId);
        if (!record.progress.status.isEmpty())
            line += tr("  status %1").arg(record.progress.status);
        if (!record.progress.reason.isEmpty())
            line += tr("  reason %1").arg(record.progress.reason);
        if (record.progress.durationS)
            line += tr("  %1 s").arg(*record.progress.durationS);
        Output::out(line);
    }
    finish(ExitAccepted);
}

} // namespace onedial

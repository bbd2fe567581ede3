// The hostile imports of issue 13, measured: a 20 MiB CSV file of tiny rows ("a,1", five million
// rows that each need a line of their own in the report), and one vCard whose TEL line and whose
// unread X- line each carry millions of parameters. Each file is imported by the real
// `onedial contacts import FILE --dry-run` in a child process, and its peak resident memory is
// what wait4() reports for it (onedial_timed_run), so the figure is the program's own.
#pragma once

#include <QByteArray>

namespace onedial::bench {

// Each ends with one good row or card, so that the dry run has something to import and succeeds.
QByteArray tinyRowsCsv(qsizetype bytes);
QByteArray manyParametersVCard(int parameters);

// Prints import_hostile_csv_20mib_* and import_hostile_vcard_params_* (peak MiB, seconds).
bool benchHostileImports();

} // namespace onedial::bench

// The answer of every read or write of the app's database: whether it worked, and if not, which
// kind of problem it was (so the window can offer the right fix) and a sentence for the user.
#pragma once

#include <QString>

namespace onedial {

enum class StorageError {
    None,
    CannotOpen,  // the file or its folder cannot be created or opened (missing, not a file, no access)
    ReadOnly,    // the file or its folder cannot be written
    Corrupt,     // not an SQLite file, or a damaged one
    TooNew,      // written by a newer OneDial: its schema version is above the one this build knows
    DiskFull,    // the disk or quota is full: the change was rolled back, earlier data is intact
    Busy,        // another program kept the database locked longer than the busy timeout
    Unavailable, // the database server cannot be reached just now; nothing was written
    Rejected,    // the data was refused before anything was written (a number that cannot be dialled)
    NotFound,    // no row with that id
    Failed,      // any other database error
};

struct StorageResult
{
    StorageError error = StorageError::None;
    QString message; // for the user, translated; empty when ok
    QString detail;  // the driver's own text, for support

    bool ok() const { return error == StorageError::None; }
};

} // namespace onedial

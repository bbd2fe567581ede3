// Which account a dial uses: the default one, one by name, or the sandbox of one API generation.
// The dial service resolves it when the dial starts, so every way of dialling reports a missing
// or unfinished account the same way.
#pragma once

#include "accounts/ApiGeneration.h"

#include <QString>

namespace onedial {

struct AccountChoice
{
    enum class Kind { Default, Named, Sandbox };

    Kind kind = Kind::Default;
    QString name;      // Named
    Api api = Api::V1; // Sandbox

    static AccountChoice defaultAccount() { return {}; }
    static AccountChoice named(const QString &name) { return {Kind::Named, name, Api::V1}; }
    static AccountChoice sandbox(Api api) { return {Kind::Sandbox, {}, api}; }
    bool isSandbox() const { return kind == Kind::Sandbox; }

    friend bool operator==(const AccountChoice &, const AccountChoice &) = default;
};

} // namespace onedial

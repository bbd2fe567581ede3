// The pinyin of names, for search: 张三 → "zhang", "san". The readings come from ICU's Han-Latin
// transliteration (no table of our own); a character with several readings gets ICU's one.
//
// Thread-safe: one process-wide pair of ICU transliterators (they take about 90 ms to make) and a
// cache of each character's reading, shared under a mutex.
#pragma once

#include <QByteArrayList>
#include <QStringView>

namespace onedial {

class Pinyin final
{
public:
    enum class Kind {
        PersonName, // a leading Han character is read as a surname: 单 → shan, 曾 → zeng
        Other,      // companies and anything else
    };

    // Lowercase ASCII syllables, in order: one per Han character, and one per run of Latin letters
    // and digits (accents dropped: "Zoë" → "zoe"). Spaces and punctuation only separate.
    static QByteArrayList syllables(QStringView text, Kind kind = Kind::Other);
};

} // namespace onedial

#include "CsvParser.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace onedial {

namespace {

bool isLineEnd(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

// "sep=;" as Excel writes and reads it: the whole first line, one character after the '='.
std::optional<QChar> excelSeparatorLine(QStringView text)
{
    if (text.size() >= 5 && text.startsWith(QLatin1String("sep="), Qt::CaseInsensitive) &&
        (text.size() == 5 || isLineEnd(text.at(5))))
        return text.at(4);
    return std::nullopt;
}

// CR LF, LF and a lone CR each end a line. (Counted by hand: QStringView::count() of a needle
// longer than the text answers -1 in Qt 6.4.)
int lineBreaks(QStringView text)
{
    int breaks = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool crlf =
            text.at(i) == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n');
        if ((text.at(i) == QLatin1Char('\n') || text.at(i) == QLatin1Char('\r')) && !crlf)
            ++breaks; // CR LF counts at its LF
    }
    return breaks;
}

} // namespace

QChar CsvParser::detectSeparator(QStringView text)
{
    if (const auto excel = excelSeparatorLine(text))
        return *excel;
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (isLineEnd(c))
            break;
        else if (c == QLatin1Char(','))
            ++commas;
        else if (c == QLatin1Char(';'))
            ++semicolons;
        else if (c == QLatin1Char('\t'))
            ++tabs;
    }
    if (tabs > commas && tabs > semicolons)
        return QLatin1Char('\t');
    if (semicolons > commas)
        return QLatin1Char(';');
    return QLatin1Char(',');
}

CsvParser::CsvParser(QStringView text, QChar separator)
    : m_text(text)
    , m_separator(separator.isNull() ? detectSeparator(text) : separator)
{
    if (excelSeparatorLine(m_text)) {
        while (m_pos < m_text.size() && !isLineEnd(m_text.at(m_pos)))
            ++m_pos;
        if (m_pos < m_text.size())
            takeLineEnd();
    }
}

// Consumes one line end (CR LF, LF or CR) at the position, counting the line.
void CsvParser::takeLineEnd()
{
    if (m_text.at(m_pos) == QLatin1Char('\r') && m_pos + 1 < m_text.size() &&
        m_text.at(m_pos + 1) == QLatin1Char('\n'))
        ++m_pos;
    ++m_pos;
    ++m_line;
}

bool CsvParser::next(CsvRow &row, QList<ImportIssue> *problems)
{
    const QStringView text = m_text;
    qsizetype &pos = m_pos;
    while (pos < text.size()) {
        row.line = m_line;
        row.fields.clear(); // keeps its capacity
        bool tooWide = false;
        bool unclosed = false;
        bool rowDone = false;
        while (!rowDone) {
            QString field;
            if (pos < text.size() && text.at(pos) == QLatin1Char('"')) {
                ++pos;
                bool closed = false;
                while (pos < text.size()) {
                    const qsizetype quote = text.indexOf(QLatin1Char('"'), pos);
                    const qsizetype end = quote < 0 ? text.size() : quote;
                    const QStringView piece = text.sliced(pos, end - pos);
                    m_line += lineBreaks(piece);
                    field += piece;
                    pos = end;
                    if (quote < 0)
                        break;
                    if (pos + 1 < text.size() && text.at(pos + 1) == QLatin1Char('"')) {
                        field += QLatin1Char('"');
                        pos += 2;
                        continue;
                    }
                    ++pos;
                    closed = true;
                    break;
                }
                if (!closed) {
                    unclosed = true;
                    break;
                }
                // Anything between the closing quote and the separator is kept ("a"b → ab).
                const qsizetype start = pos;
                while (pos < text.size() && text.at(pos) != m_separator && !isLineEnd(text.at(pos)))
                    ++pos;
                field += text.sliced(start, pos - start);
                if (field.contains(QLatin1Char('\r'))) {
                    field.replace(QLatin1String("\r\n"), QLatin1String("\n"));
                    field.replace(QLatin1Char('\r'), QLatin1Char('\n'));
                }
            } else {
                const qsizetype start = pos;
                while (pos < text.size() && text.at(pos) != m_separator && !isLineEnd(text.at(pos)))
                    ++pos;
                field = text.sliced(start, pos - start).toString();
            }
            if (row.fields.size() < kMaxColumns)
                row.fields << field;
            else
                tooWide = true;
            if (pos >= text.size()) {
                rowDone = true;
            } else if (text.at(pos) == m_separator) {
                ++pos;
            } else {
                takeLineEnd();
                rowDone = true;
            }
        }
        if (unclosed) {
            if (problems) {
                problems->append({row.line,
                                  ImportIssue::Kind::Invalid,
                                  tr("A quote opened in this row is never closed, so the rest of the file "
                                     "could not be read."),
                                  {}});
            }
            pos = text.size();
            return false;
        }
        if (tooWide) {
            if (problems) {
                problems->append({row.line,
                                  ImportIssue::Kind::Invalid,
                                  tr("This row has more than %1 columns.").arg(kMaxColumns),
                                  {}});
            }
            continue;
        }
        const bool empty = std::all_of(row.fields.cbegin(), row.fields.cend(),
                                       [](const QString &field) { return field.trimmed().isEmpty(); });
        if (!empty)
            return true;
    }
    return false;
}

QList<CsvRow> CsvParser::parse(QStringView text, QChar separator, QList<ImportIssue> *problems)
{
    CsvParser parser(text, separator);
    QList<CsvRow> rows;
    CsvRow row;
    while (parser.next(row, problems))
        rows << std::exchange(row, CsvRow{});
    return rows;
}

} // namespace onedial

#include "RequestHead.h"

#include <QList>

#include <algorithm>

namespace onedial::http {

namespace {

// RFC 9110 tchar: the characters of a method or a header name.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

} // namespace

bool isHttpToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// A header value may hold visible characters, spaces, tabs and bytes over 0x7f (obs-text), no
// other control character: a CR or NUL here is how header smuggling starts.
bool isHttpFieldValue(QByteArrayView value)
{
    for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The visible ASCII characters a request target may have (RFC 3986 plus the '%' of escapes);
// every '%' must start a full escape.
bool isValidTarget(QByteArrayView target)
{
    for (qsizetype i = 0; i < target.size(); ++i) {
        const auto byte = static_cast<unsigned char>(target[i]);
        if (byte <= 0x20 || byte >= 0x7f || byte == '#')
            return false;
        if (byte == '%' &&
            (i + 2 >= target.size() || hexValue(target[i + 1]) < 0 || hexValue(target[i + 2]) < 0))
            return false;
    }
    return true;
}

// The head is refused; what was read of it (method, path) stays for the access log.
RequestHead refused(int status, const char *code, const QString &message, RequestHead head = {})
{
    head.errorStatus = status;
    head.errorCode = QLatin1String(code);
    head.errorMessage = message;
    return head;
}

RequestHead badHttp(const QString &message, const RequestHead &head = {})
{
    return refused(400, "bad_http", message, head);
}

// Comma-separated, case-insensitive tokens of a header such as Connection.
bool hasToken(const QByteArray &value, QByteArrayView token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

qsizetype findHeadEnd(QByteArrayView buffer, qsizetype from, qsizetype *headLength)
{
    // The last line end of the previous search may be the first half of the blank line.
    qsizetype i = qMax<qsizetype>(0, from - 3);
    while (true) {
        const qsizetype newline = buffer.indexOf('\n', i);
        if (newline < 0)
            return -1;
        // The line after this line end is empty when it ends at once ("\n" or "\r\n").
        if (newline + 1 < buffer.size() && buffer[newline + 1] == '\n') {
            *headLength = newline + 1;
            return newline + 2;
        }
        if (newline + 2 < buffer.size() && buffer[newline + 1] == '\r' && buffer[newline + 2] == '\n') {
            *headLength = newline + 1;
            return newline + 3;
        }
        i = newline + 1;
    }
}

RequestHead parseRequestHead(QByteArrayView headBytes, qint64 maxBodyBytes)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < headBytes.size()) {
        qsizetype end = headBytes.indexOf('\n', start);
        if (end < 0)
            end = headBytes.size();
        QByteArrayView line = headBytes.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        start = end + 1;
    }
    if (lines.isEmpty())
        return badHttp(QStringLiteral("The request has no request line. Send \"METHOD /path HTTP/1.1\"."));

    // The request line: exactly three parts with single spaces between them.
    const QByteArrayView requestLine = lines.first();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return badHttp(QStringLiteral("The request line is not \"METHOD /path HTTP/1.1\"."));
    const QByteArrayView method = requestLine.first(firstSpace);
    const QByteArrayView target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = requestLine.sliced(lastSpace + 1);
    if (!isHttpToken(method))
        return badHttp(QStringLiteral("The request method is not a valid HTTP method."));
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return badHttp(QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are served here; send the request over "
                                      "HTTP/1.1."));
    if (!target.startsWith('/') || !isValidTarget(target))
        return badHttp(QStringLiteral("The request target must be a path starting with \"/\", with any "
                                      "other character percent-encoded."));

    RequestHead head;
    head.http10 = version == "HTTP/1.0";
    Request &request = head.request;
    request.method = method.toByteArray();
    request.target = target.toByteArray();
    const qsizetype question = target.indexOf('?');
    const QByteArrayView rawPath = question < 0 ? target : target.first(question);
    const QByteArray decodedPath = QByteArray::fromPercentEncoding(rawPath.toByteArray());
    if (decodedPath.contains('\0'))
        return badHttp(QStringLiteral("The request path contains an encoded NUL character."), head);
    request.path = QString::fromUtf8(decodedPath);
    if (question >= 0)
        request.query = QUrlQuery(QString::fromLatin1(target.sliced(question + 1)));

    // The headers.
    QByteArray contentLength;
    bool hasTransferEncoding = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return badHttp(QStringLiteral("A header is folded over several lines; send each header on "
                                          "one line."),
                           head);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isHttpToken(line.first(colon)))
            return badHttp(QStringLiteral("A header line is not \"Name: value\"."), head);
        const QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (!isHttpFieldValue(value))
            return badHttp(QStringLiteral("A header value contains a control character."), head);
        if (name == "content-length") {
            // Several equal values (in one header or repeated) are one length; different ones
            // could be read differently by a proxy in front, so they are refused.
            const QList<QByteArray> values = value.split(',');
            for (const QByteArray &part : values) {
                const QByteArray length = part.trimmed();
                if (length.isEmpty() || !isHttpToken(length) ||
                    !std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    return badHttp(QStringLiteral("The Content-Length header is not a number of bytes."),
                                   head);
                if (!contentLength.isNull() && contentLength != length)
                    return badHttp(QStringLiteral("The request has Content-Length headers that disagree."),
                                   head);
                contentLength = length;
            }
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
        }
        request.headers.append(Header(name, value));
    }

    if (hasTransferEncoding)
        return refused(411, "length_required",
                       QStringLiteral("Chunked or otherwise transfer-encoded bodies are not accepted; "
                                      "send the body with a Content-Length header."),
                       head);
    if (!contentLength.isNull()) {
        // Leading zeros aside, more than 18 digits is over any cap (and over qint64).
        QByteArray digits = contentLength;
        while (digits.size() > 1 && digits.startsWith('0'))
            digits.remove(0, 1);
        const qint64 length = digits.size() > 18 ? -1 : digits.toLongLong();
        if (length < 0 || length > maxBodyBytes)
            return refused(413, "request_too_large",
                           QStringLiteral("The request body is larger than the %1 bytes this server accepts.")
                               .arg(maxBodyBytes),
                           head);
        head.contentLength = length;
    }

    const QByteArray connection = request.header("connection");
    if (head.http10)
        head.keepAlive = hasToken(connection, "keep-alive");
    else
        head.keepAlive = !hasToken(connection, "close");
    return head;
}

} // namespace onedial::http

// The head of one HTTP/1.x request (request line and headers) read into a Request, or the error
// the server answers instead. Pure: no sockets, so every malformed form is easy to reason about.
#pragma once

#include "HttpServer.h"

#include <QByteArrayView>
#include <QString>

namespace onedial::http {

struct RequestHead
{
    Request request;          // method, target, path, query, headers (body and peer not set)
    qint64 contentLength = 0; // bytes of body that follow the head
    bool keepAlive = false;   // whether the connection may serve another request after this one
    bool http10 = false;      // HTTP/1.0: keep-alive is answered with Connection: keep-alive
    int errorStatus = 0;      // not 0: the head is refused with this status…
    QString errorCode;        // …this error code…
    QString errorMessage;     // …and this sentence
    bool ok() const { return errorStatus == 0; }
};

// RFC 9110: a token (a method, a header name), and a header value (no control characters but tab).
bool isHttpToken(QByteArrayView text);
bool isHttpFieldValue(QByteArrayView value);

// Reads the request line and headers, given without the blank line that ends them (either
// "\r\n" or bare "\n" line ends). maxBodyBytes is the largest Content-Length accepted.
RequestHead parseRequestHead(QByteArrayView head, qint64 maxBodyBytes);

// Where the blank line that ends a head is: the index just past it, or -1 when it has not arrived
// yet. from: where to resume a search that found nothing before (a few bytes are looked at again,
// so a line end split between two reads is found).
qsizetype findHeadEnd(QByteArrayView buffer, qsizetype from, qsizetype *headLength);

} // namespace onedial::http

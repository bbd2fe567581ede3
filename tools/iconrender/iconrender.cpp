// onedial_iconrender: renders the app's one SVG icon into every raster form the platforms ask
// for, at build time, so that no PNG, .ico or .icns is kept in the repository beside the SVG.
//
//   onedial_iconrender SVG OUTPUT_DIR APP_ID
//
// writes OUTPUT_DIR/hicolor/<n>x<n>/apps/APP_ID.png (freedesktop icon theme sizes),
// OUTPUT_DIR/onedial.ico (Windows: PNG-compressed entries, read by Windows Vista and later) and
// OUTPUT_DIR/onedial.icns (macOS: PNG entries, 16 to 1024 pixels, read by OS X 10.7 and later).
// Each file is written whole or not at all (QSaveFile), and the program fails loudly.

#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QHash>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QSaveFile>
#include <QString>
#include <QSvgRenderer>
#include <QtEndian>

#include <array>
#include <cstdio>
#include <utility>

namespace {

QByteArray renderPng(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        svg.render(&painter, QRectF(0, 0, size, size));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return png;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        std::fprintf(stderr, "onedial_iconrender: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

void appendLE16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLE32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBE32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// ICONDIR, then one 16-byte ICONDIRENTRY per image, then the PNG streams themselves.
QByteArray icoFile(const QList<std::pair<int, QByteArray>> &images)
{
    QByteArray out;
    appendLE16(out, 0); // reserved
    appendLE16(out, 1); // type: icon
    appendLE16(out, quint16(images.size()));
    quint32 offset = 6 + 16 * quint32(images.size());
    for (const auto &[size, png] : images) {
        out.append(char(size >= 256 ? 0 : size)); // 0 means 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // no palette
        out.append(char(0)); // reserved
        appendLE16(out, 1);  // colour planes
        appendLE16(out, 32); // bits per pixel
        appendLE32(out, quint32(png.size()));
        appendLE32(out, offset);
        offset += quint32(png.size());
    }
    for (const auto &image : images)
        out.append(image.second);
    return out;
}

// "icns", the total length, then (type, length including this 8-byte header, PNG) per element.
QByteArray icnsFile(const QList<std::pair<QByteArray, QByteArray>> &elements)
{
    QByteArray body;
    for (const auto &[type, png] : elements) {
        body.append(type);
        appendBE32(body, quint32(png.size() + 8));
        body.append(png);
    }
    QByteArray out("icns");
    appendBE32(out, quint32(body.size() + 8));
    return out + body;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: onedial_iconrender SVG OUTPUT_DIR APP_ID\n");
        return 2;
    }
    const QString svgPath = QString::fromLocal8Bit(argv[1]);
    const QDir out(QString::fromLocal8Bit(argv[2]));
    const QString appId = QString::fromLocal8Bit(argv[3]);

    QSvgRenderer svg(svgPath);
    if (!svg.isValid()) {
        std::fprintf(stderr, "onedial_iconrender: %s is not a usable SVG file\n", argv[1]);
        return 1;
    }

    QHash<int, QByteArray> png;
    for (const int size : {16, 20, 22, 24, 32, 40, 48, 64, 128, 256, 512, 1024}) {
        png.insert(size, renderPng(svg, size));
        if (png.value(size).isEmpty()) {
            std::fprintf(stderr, "onedial_iconrender: cannot encode a %d px PNG\n", size);
            return 1;
        }
    }

    // The sizes of the freedesktop hicolor theme that desktops look up for an application icon.
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString folder = QStringLiteral("hicolor/%1x%1/apps").arg(size);
        if (!out.mkpath(folder) ||
            !writeFile(out.filePath(folder + QLatin1Char('/') + appId + QStringLiteral(".png")),
                       png.value(size)))
            return 1;
    }

    // Explorer, the taskbar and the Start menu at 100 % to 250 % scaling.
    QList<std::pair<int, QByteArray>> ico;
    for (const int size : {16, 20, 24, 32, 40, 48, 64, 256})
        ico.append({size, png.value(size)});
    if (!writeFile(out.filePath(QStringLiteral("onedial.ico")), icoFile(ico)))
        return 1;

    // Finder and the Dock: the PNG element types for 1x and 2x (Retina) displays.
    const std::array<std::pair<const char *, int>, 10> icnsTypes{{
        {"icp4", 16},
        {"icp5", 32},
        {"icp6", 64},
        {"ic07", 128},
        {"ic08", 256},
        {"ic09", 512},
        {"ic10", 1024}, // 512 at 2x
        {"ic11", 32},   // 16 at 2x
        {"ic12", 64},   // 32 at 2x
        {"ic13", 256},  // 128 at 2x
    }};
    QList<std::pair<QByteArray, QByteArray>> icns;
    for (const auto &[type, size] : icnsTypes)
        icns.append({QByteArray(type), png.value(size)});
    icns.append({QByteArray("ic14"), png.value(512)}); // 256 at 2x
    if (!writeFile(out.filePath(QStringLiteral("onedial.icns")), icnsFile(icns)))
        return 1;
    return 0;
}

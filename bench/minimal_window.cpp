// The floor for OneDial's start-up figure: the least a window like OneDial's costs with Qt
// Widgets on this machine (a main window, a search field over a table), quitting after its
// first paint the way onedial --exit-after-startup does (the same ui/FirstPaintQuits.h). Nothing
// of OneDial is linked in.
#include "FirstPaintQuits.h"

#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(960, 640);
    auto *central = new QWidget(&window);
    auto *layout = new QVBoxLayout(central);
    auto *search = new QLineEdit(central);
    auto *table = new QTableView(central);
    // Headers to paint, as OneDial's contact table has; no rows.
    table->setModel(new QStandardItemModel(0, 4, table));
    layout->addWidget(search);
    layout->addWidget(table, 1);
    window.setCentralWidget(central);
    search->setFocus();

    window.installEventFilter(new onedial::FirstPaintQuits(&window));
    window.show();
    return QApplication::exec();
}

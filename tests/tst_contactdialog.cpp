// Adding and editing a contact in its dialog: numbers are checked as they are typed, the way a
// dial checks them, and what is saved lands in the real SQLite file in API form.
#include "ContactDialog.h"
#include "MessageBox.h"
#include "TestEnvironment.h"
#include "contacts/ContactStore.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace onedial;

namespace {

QLineEdit *field(QWidget *dialog, const char *accessibleName)
{
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->accessibleName() == QLatin1String(accessibleName))
            return edit;
    }
    return nullptr;
}

QPushButton *saveButton(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
}

bool showsProblem(QWidget *dialog, const QString &text)
{
    const auto labels = dialog->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(),
                       [&](const QLabel *label) { return label->text().contains(text); });
}

} // namespace

class TestContactDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newContactIsStoredInApiForm();
    void badNumberCannotBeSaved();
    void editKeepsIdAndChangesNumbers();
    void hostileTextIsCleanedAndShownPlain();
    void messageBoxShowsPlainText();

private:
    test::TestEnvironment m_env;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ContactStore> m_store;
};

void TestContactDialog::initTestCase()
{
    m_env.applyToThisProcess();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open().ok());
    m_store = std::make_unique<ContactStore>(*m_database);
}

void TestContactDialog::newContactIsStoredInApiForm()
{
    ContactDialog dialog(m_store.get());
    dialog.show();
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QTest::keyClicks(field(&dialog, "Name"), QStringLiteral("Zhang San"));
    QTest::keyClicks(field(&dialog, "Company"), QStringLiteral("Huaxin"));
    auto *numbers = dialog.findChild<QTableWidget *>();
    numbers->item(0, 1)->setText(QStringLiteral("+86 138-0013-8000"));
    dialog.findChild<QCheckBox *>()->setChecked(true);
    QVERIFY(saveButton(&dialog)->isEnabled());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    const Contact saved = dialog.contact();
    QVERIFY(saved.id > 0);
    const auto stored = m_store->get(saved.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("Zhang San"));
    QCOMPARE(stored->company, QStringLiteral("Huaxin"));
    QVERIFY(stored->favourite);
    QCOMPARE(stored->numbers.size(), 1);
    QCOMPARE(stored->numbers.first().apiForm, QStringLiteral("8613800138000"));
    QCOMPARE(stored->numbers.first().display, QStringLiteral("138 0013 8000"));
}

void TestContactDialog::badNumberCannotBeSaved()
{
    const qint64 before = m_store->count();
    ContactDialog dialog(m_store.get());
    dialog.show();
    QTest::keyClicks(field(&dialog, "Name"), QStringLiteral("Li Si"));
    auto *numbers = dialog.findChild<QTableWidget *>();
    numbers->item(0, 1)->setText(QStringLiteral("12345"));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QVERIFY(showsProblem(&dialog, QStringLiteral("not a number in use in China")));
    QVERIFY(!numbers->item(0, 1)->toolTip().isEmpty());
    numbers->item(0, 1)->setText(QStringLiteral("+1 650 253 0000"));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QVERIFY(showsProblem(&dialog, QStringLiteral("mainland China")));
    dialog.accept(); // Enter on a disabled Save must not store anything either
    QCOMPARE(m_store->count(), before);
}

void TestContactDialog::editKeepsIdAndChangesNumbers()
{
    Contact existing{0,     QStringLiteral("Wang Wu"),
                     {},    QStringLiteral("met at the fair"),
                     false, {{QStringLiteral("office"), QStringLiteral("0755 2800 0003"), {}}}};
    QVERIFY(m_store->add(existing).ok());
    const auto loaded = m_store->get(existing.id);
    QVERIFY(loaded);
    ContactDialog dialog(m_store.get(), *loaded);
    dialog.show();
    QCOMPARE(field(&dialog, "Name")->text(), QStringLiteral("Wang Wu"));
    auto *numbers = dialog.findChild<QTableWidget *>();
    QCOMPARE(numbers->rowCount(), 1);
    QCOMPARE(numbers->item(0, 1)->text(), QStringLiteral("0755 2800 0003"));
    QPushButton *addNumber = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->accessibleName() == QLatin1String("Add number"))
            addNumber = button;
    }
    QVERIFY(addNumber);
    QTest::mouseClick(addNumber, Qt::LeftButton);
    QTRY_COMPARE(numbers->rowCount(), 2);
    numbers->setItem(1, 0, new QTableWidgetItem(QStringLiteral("mobile")));
    numbers->setItem(1, 1, new QTableWidgetItem(QStringLiteral("139 0000 1234")));
    QVERIFY(saveButton(&dialog)->isEnabled());
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    const auto stored = m_store->get(existing.id);
    QVERIFY(stored);
    QCOMPARE(stored->notes, QStringLiteral("met at the fair"));
    QCOMPARE(stored->numbers.size(), 2);
    QCOMPARE(stored->numbers.at(1).apiForm, QStringLiteral("8613900001234"));
    QCOMPARE(stored->numbers.at(1).label, QStringLiteral("mobile"));
}

void TestContactDialog::hostileTextIsCleanedAndShownPlain()
{
    ContactDialog dialog(m_store.get());
    dialog.show();
    field(&dialog, "Name")->setText(QStringLiteral("\u202Eevil\u0007 <b>x</b>"));
    field(&dialog, "Company")->setText(QStringLiteral("\u2066Acme\u2069\tLtd"));
    auto *numbers = dialog.findChild<QTableWidget *>();
    numbers->item(0, 0)->setText(QStringLiteral("\u202Dboss"));
    // A number the dialog refuses is quoted below the table: as text, never as markup.
    numbers->item(0, 1)->setText(QStringLiteral("<b>x</b>"));
    const auto labels = dialog.findChildren<QLabel *>();
    const auto problem = std::find_if(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->text().contains(QLatin1String("<b>x</b>"));
    });
    QVERIFY(problem != labels.cend());
    QCOMPARE((*problem)->textFormat(), Qt::PlainText);
    QVERIFY(!saveButton(&dialog)->isEnabled());

    numbers->item(0, 1)->setText(QStringLiteral("139\u202E0000 2222"));
    QVERIFY(saveButton(&dialog)->isEnabled());
    saveButton(&dialog)->click();
    const Contact saved = dialog.contact();
    QVERIFY(saved.id > 0);
    const std::optional<Contact> stored = m_store->get(saved.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("evil <b>x</b>"));
    QCOMPARE(stored->company, QStringLiteral("Acme Ltd"));
    QCOMPARE(stored->numbers.at(0).label, QStringLiteral("boss"));
    QCOMPARE(stored->numbers.at(0).apiForm, QStringLiteral("8613900002222"));
}

void TestContactDialog::messageBoxShowsPlainText()
{
    // The real box, shown modally: looked at from the event loop, then closed.
    Qt::TextFormat format = Qt::AutoText;
    QString shown;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        format = box->textFormat();
        shown = box->text();
        box->accept();
    });
    MessageBox::warn(nullptr, QStringLiteral("Title"), QStringLiteral("Not saved: <b>x</b>\u202E."));
    QCOMPARE(format, Qt::PlainText);
    QCOMPARE(shown, QStringLiteral("Not saved: <b>x</b>."));
}

QTEST_MAIN(TestContactDialog)
#include "tst_contactdialog.moc"

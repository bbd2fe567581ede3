// Adding and editing a contact in its dialog: numbers are checked as they are typed, the way a
// dial checks them, and what is saved lands in the real SQLite file in API form.
#include "ContactDialog.h"
#include "MessageBox.h"
#include "TestEnvironment.h"
#include "contacts/ContactStore.h"
#include "contacts/PhoneLabels.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

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
    void numberTypedAfterTabIsStored();
    void noSaveWithoutANumber();
    void badNumberCannotBeSaved();
    void editKeepsIdAndChangesNumbers();
    void removingANumber();
    void labelsAreStoredInOneLanguage();
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
    // A new contact offers a mobile and a landline field.
    QCOMPARE(dialog.numberFields().size(), 2);
    QCOMPARE(dialog.labelChoices().at(0)->currentData().toString(), QStringLiteral("mobile"));
    QCOMPARE(dialog.labelChoices().at(1)->currentData().toString(), QStringLiteral("work"));
    QTest::keyClicks(field(&dialog, "Name"), QStringLiteral("Zhang San"));
    QTest::keyClicks(field(&dialog, "Company"), QStringLiteral("Huaxin"));
    QTest::keyClicks(dialog.numberFields().at(0), QStringLiteral("+86 138-0013-8000"));
    QTest::keyClicks(dialog.numberFields().at(1), QStringLiteral("0755 2800 0003"));
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
    QCOMPARE(stored->numbers.size(), 2);
    QCOMPARE(stored->numbers.first().apiForm, QStringLiteral("8613800138000"));
    QCOMPARE(stored->numbers.first().display, QStringLiteral("138 0013 8000"));
    QCOMPARE(stored->numbers.first().label, QStringLiteral("mobile"));
    QCOMPARE(stored->numbers.at(1).apiForm, QStringLiteral("075528000003"));
    QCOMPARE(stored->numbers.at(1).label, QStringLiteral("work"));
}

void TestContactDialog::numberTypedAfterTabIsStored()
{
    // The way the form was filled when numbers were lost: name, Tab, company, Tab, number, Enter.
    ContactDialog dialog(m_store.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_COMPARE(QApplication::focusWidget(), field(&dialog, "Name"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Zhou Min"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), field(&dialog, "Company"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Tengda"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.numberFields().at(0));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("13900005555"));
    // Tab then goes to the number's kind, its remove button, then the landline field.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.labelChoices().at(0));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(qobject_cast<QToolButton *>(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog.numberFields().at(1));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(dialog.result() == QDialog::Accepted);
    const auto stored = m_store->get(dialog.contact().id);
    QVERIFY(stored);
    QCOMPARE(stored->company, QStringLiteral("Tengda"));
    QCOMPARE(stored->numbers.size(), 1);
    QCOMPARE(stored->numbers.first().apiForm, QStringLiteral("8613900005555"));
}

void TestContactDialog::noSaveWithoutANumber()
{
    const qint64 before = m_store->count();
    ContactDialog dialog(m_store.get());
    dialog.show();
    QTest::keyClicks(field(&dialog, "Name"), QStringLiteral("Nobody"));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QVERIFY(showsProblem(&dialog, QStringLiteral("at least one number")));
    dialog.accept();
    QCOMPARE(m_store->count(), before);
    QTest::keyClicks(dialog.numberFields().at(1), QStringLiteral("010 6552 8888"));
    QVERIFY(saveButton(&dialog)->isEnabled());
}

void TestContactDialog::badNumberCannotBeSaved()
{
    const qint64 before = m_store->count();
    ContactDialog dialog(m_store.get());
    dialog.show();
    QTest::keyClicks(field(&dialog, "Name"), QStringLiteral("Li Si"));
    QLineEdit *number = dialog.numberFields().at(0);
    QTest::keyClicks(number, QStringLiteral("12345"));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QVERIFY(showsProblem(&dialog, QStringLiteral("not a number in use in China")));
    QVERIFY(!number->toolTip().isEmpty());
    QVERIFY(!saveButton(&dialog)->accessibleDescription().isEmpty());
    // A good number in the other field does not let the bad one through.
    QTest::keyClicks(dialog.numberFields().at(1), QStringLiteral("0755 2800 0003"));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    number->setText(QStringLiteral("+1 650 253 0000"));
    QVERIFY(!saveButton(&dialog)->isEnabled());
    QVERIFY(showsProblem(&dialog, QStringLiteral("mainland China")));
    dialog.accept(); // Enter on a disabled Save must not store anything either
    QCOMPARE(m_store->count(), before);
    number->clear();
    QVERIFY(saveButton(&dialog)->isEnabled());
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
    QCOMPARE(dialog.numberFields().size(), 1);
    QCOMPARE(dialog.numberFields().at(0)->text(), QStringLiteral("0755 2800 0003"));
    // A label of the user's own stays one of the choices, and chosen.
    QCOMPARE(dialog.labelChoices().at(0)->currentData().toString(), QStringLiteral("office"));
    QTest::mouseClick(dialog.addNumberButton(), Qt::LeftButton);
    QCOMPARE(dialog.numberFields().size(), 2);
    QCOMPARE(dialog.focusWidget(), dialog.numberFields().at(1));
    QTest::keyClicks(dialog.numberFields().at(1), QStringLiteral("139 0000 1234"));
    QVERIFY(saveButton(&dialog)->isEnabled());
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    const auto stored = m_store->get(existing.id);
    QVERIFY(stored);
    QCOMPARE(stored->notes, QStringLiteral("met at the fair"));
    QCOMPARE(stored->numbers.size(), 2);
    QCOMPARE(stored->numbers.at(0).label, QStringLiteral("office"));
    QCOMPARE(stored->numbers.at(1).apiForm, QStringLiteral("8613900001234"));
    QCOMPARE(stored->numbers.at(1).label, QStringLiteral("mobile"));
}

void TestContactDialog::removingANumber()
{
    Contact existing{0,
                     QStringLiteral("Sun Qi"),
                     {},
                     {},
                     false,
                     {{QStringLiteral("mobile"), QStringLiteral("139 0000 7777"), {}},
                      {QStringLiteral("work"), QStringLiteral("021 6888 1234"), {}}}};
    QVERIFY(m_store->add(existing).ok());
    ContactDialog dialog(m_store.get(), *m_store->get(existing.id));
    dialog.show();
    QCOMPARE(dialog.numberFields().size(), 2);
    const QList<QToolButton *> remove = dialog.findChildren<QToolButton *>();
    QCOMPARE(remove.size(), 2);
    remove.first()->click();
    QTRY_COMPARE(dialog.numberFields().size(), 1);
    QCOMPARE(dialog.numberFields().at(0)->text(), QStringLiteral("021 6888 1234"));
    saveButton(&dialog)->click();
    const auto stored = m_store->get(existing.id);
    QCOMPARE(stored->numbers.size(), 1);
    QCOMPARE(stored->numbers.at(0).apiForm, QStringLiteral("02168881234"));
}

void TestContactDialog::labelsAreStoredInOneLanguage()
{
    // The kind of number is stored as OneDial's own word and shown translated.
    QCOMPARE(PhoneLabels::stored(PhoneLabels::shown(QStringLiteral("mobile"))), QStringLiteral("mobile"));
    QCOMPARE(PhoneLabels::shown(QStringLiteral("my boss")), QStringLiteral("my boss"));
    {
        // In Chinese: the same stored word, shown as a person there says it.
        QTranslator chinese;
        QVERIFY(chinese.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("onedial"),
                             QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&chinese);
        const QString shown = PhoneLabels::shown(QStringLiteral("mobile"));
        const QString stored = PhoneLabels::stored(QStringLiteral("工作"));
        ContactDialog dialog(m_store.get());
        const QString offered = dialog.labelChoices().at(0)->currentText();
        QCoreApplication::removeTranslator(&chinese);
        QCOMPARE(shown, QStringLiteral("手机"));
        QCOMPARE(stored, QStringLiteral("work"));
        QCOMPARE(offered, QStringLiteral("手机"));
    }
    ContactDialog dialog(m_store.get());
    QComboBox *kind = dialog.labelChoices().at(0);
    QStringList stored;
    for (int i = 0; i < kind->count(); ++i)
        stored << kind->itemData(i).toString();
    QCOMPARE(stored, PhoneLabels::choices());
}

void TestContactDialog::hostileTextIsCleanedAndShownPlain()
{
    ContactDialog dialog(m_store.get(),
                         Contact{0, {}, {}, {}, false, {{QStringLiteral("\u202Dboss"), {}, {}}}});
    dialog.show();
    field(&dialog, "Name")->setText(QStringLiteral("\u202Eevil\u0007 <b>x</b>"));
    field(&dialog, "Company")->setText(QStringLiteral("\u2066Acme\u2069\tLtd"));
    // A number the dialog refuses is quoted under it: as text, never as markup.
    QLineEdit *number = dialog.numberFields().at(0);
    number->setText(QStringLiteral("<b>x</b>"));
    const auto labels = dialog.findChildren<QLabel *>();
    const auto problem = std::find_if(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->text().contains(QLatin1String("<b>x</b>"));
    });
    QVERIFY(problem != labels.cend());
    QCOMPARE((*problem)->textFormat(), Qt::PlainText);
    QVERIFY(!saveButton(&dialog)->isEnabled());

    number->setText(QStringLiteral("139\u202E0000 2222"));
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
